#!/usr/bin/env bash
# Installs what scbench needs on a fresh Debian 12 machine: compilers and libraries from
# Debian, tree-sitter's core and grammars from the npm registry (pinned by package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config git python3
          nlohmann-json3-dev rapidjson-dev libyaml-cpp-dev libcli11-dev libfmt-dev libxxhash-dev libre2-dev libmimalloc-dev libcurl4-openssl-dev libgit2-dev
          libgtest-dev libgmock-dev libbenchmark-dev radon bubblewrap libseccomp-dev iproute2)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Node.js and npm may come from elsewhere than Debian (their Debian packages conflict with
# such installs), so they are only installed when the commands are missing.
command -v npm >/dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
  echo "installing Debian packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null; then
  echo "installing grammars from the npm registry (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
