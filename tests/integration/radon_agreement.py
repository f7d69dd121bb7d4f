#!/usr/bin/env python3
"""Runs radon and scbench over one corpus and requires the same cyclomatic complexity for
every callable that both report (functions, methods, nested functions).

usage: radon_agreement.py SCBENCH CORPUS [--min-callables N]
Exit 0 on full agreement, 1 on any disagreement or too small an overlap.
"""
import argparse
import json
import os
import subprocess
import sys


def radon_blocks(corpus):
    out = subprocess.run(["radon", "cc", "-j", corpus], check=True, capture_output=True, text=True).stdout
    blocks = {}
    errors = 0

    def add(path, block):
        if block["type"] in ("function", "method"):
            blocks[(path, block["lineno"], block["name"])] = block["complexity"]
            for closure in block.get("closures", []):
                add(path, closure)
        for method in block.get("methods", []):
            add(path, method)

    for path, file_blocks in json.loads(out).items():
        rel = os.path.relpath(path, corpus) if os.path.isdir(corpus) else os.path.basename(path)
        if isinstance(file_blocks, dict):  # {"error": "..."}: radon could not parse the file
            errors += 1
            continue
        for block in file_blocks:
            add(rel, block)
    return blocks, errors


def scbench_callables(scbench, corpus):
    out = subprocess.run([scbench, "measure", corpus, "--format", "json"], check=True, capture_output=True,
                         text=True).stdout
    callables = {}
    files = json.loads(out)["files"]
    for file in files:
        for c in file["callables"]:
            if c["kind"] != "lambda":
                callables[(file["path"], c["start_line"], c["name"])] = c["cc"]
    return callables, {file["path"] for file in files}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("scbench")
    parser.add_argument("corpus")
    parser.add_argument("--min-callables", type=int, default=1)
    args = parser.parse_args()

    radon, radon_errors = radon_blocks(args.corpus)
    ours, our_files = scbench_callables(args.scbench, args.corpus)
    # Files that discovery leaves out on purpose (site-packages, build trees) are not compared.
    radon = {key: cc for key, cc in radon.items() if key[0] in our_files}
    shared = sorted(set(radon) & set(ours))
    missing = sorted(set(radon) - set(ours))
    differing = [(key, radon[key], ours[key]) for key in shared if radon[key] != ours[key]]

    print(f"radon callables {len(radon)} (files radon could not parse: {radon_errors}); "
          f"scbench callables {len(ours)}; compared {len(shared)}; "
          f"agree {len(shared) - len(differing)}; differ {len(differing)}; missing in scbench {len(missing)}")
    for (path, line, name), theirs, mine in differing[:30]:
        print(f"  differ: {path}:{line} {name}: radon {theirs}, scbench {mine}")
    for path, line, name in missing[:30]:
        print(f"  missing: {path}:{line} {name}")
    ok = not differing and not missing and len(shared) >= args.min_callables
    print("agreement: " + ("100%" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
