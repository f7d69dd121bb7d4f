#!/usr/bin/python3
"""Run one real agent CLI against the mock model server, offline, the way FINDINGS.md says.

Must run as root: it re-executes itself inside fresh network and mount namespaces (only
loopback; a private /etc/resolv.conf points at a loopback DNS stub that logs every name
looked up and answers NXDOMAIN), brings `lo` up, starts tests/mock_model/server.py there, and runs
the CLI as an unprivileged user (setpriv) with a fresh HOME and workspace that user owns,
a clean environment and a fake API key. Not part of the test suite (the CLIs are not
installed there); a tool to reproduce and extend FINDINGS.md.

  drive_cli.py AGENT --script S.json --out DIR [--model M | --no-model] [--prompt P]
               [--bin-dir DIR] [--uid N] [--timeout S] [--env K=V]... [--arg X]...

AGENT is claude, codex, gemini or opencode. DIR receives stdout.jsonl, stderr.txt,
requests.jsonl (the server's log), result.json (exit code, duration, workspace files,
server state) and the config files written (config/).
"""
import argparse
import json
import os
import shlex
import signal
import socket
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "server.py")
DEFAULT_BIN = os.path.join(os.path.dirname(HERE), "agents", "node_modules", ".bin")
FAKE_KEY = "sk-mock-0000000000000000000000000000"


PYTHON = "/usr/bin/python3"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write(text)


def chown_tree(top, uid):
    for dirpath, dirnames, names in os.walk(top):
        os.chown(dirpath, uid, uid)
        for name in names:
            os.lchown(os.path.join(dirpath, name), uid, uid)


# Each returns (argv, env, {relative path under HOME: content}).
def agent_claude(a, base, home, ws):
    argv = ["claude", "-p", a.prompt, "--output-format", "stream-json", "--verbose",
            "--permission-mode", "bypassPermissions"]
    if a.model:
        argv += ["--model", a.model]
    env = {"ANTHROPIC_BASE_URL": base, "ANTHROPIC_API_KEY": FAKE_KEY}
    if not a.minimal:
        env.update({"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1", "DISABLE_AUTOUPDATER": "1",
                    "DISABLE_TELEMETRY": "1", "DISABLE_ERROR_REPORTING": "1"})
    return argv, env, {}


def agent_codex(a, base, home, ws):
    argv = ["codex", "exec", "--json", "--skip-git-repo-check", "--dangerously-bypass-approvals-and-sandbox"]
    if a.model:
        argv += ["--model", a.model]
    argv += [a.prompt]
    env = {"OPENAI_API_KEY": FAKE_KEY}
    config = f"""model_provider = "mock"

[model_providers.mock]
name = "mock"
base_url = "{base}/v1"
env_key = "OPENAI_API_KEY"
wire_api = "responses"
supports_websockets = false
"""
    if not a.minimal:
        config += """
[features]
plugins = false

[analytics]
enabled = false
"""
    return argv, env, {".codex/config.toml": config}


def agent_gemini(a, base, home, ws):
    argv = ["gemini", "-p", a.prompt, "--output-format", "stream-json", "--yolo"]
    if a.model:
        argv += ["--model", a.model]
    env = {"GEMINI_API_KEY": FAKE_KEY, "GOOGLE_GEMINI_BASE_URL": base,
           "NODE_OPTIONS": "--disable-wasm-trap-handler", "GEMINI_CLI_TRUST_WORKSPACE": "true"}
    settings = {"security": {"auth": {"selectedType": "gemini-api-key"}}}
    if not a.minimal:
        settings.update({"privacy": {"usageStatisticsEnabled": False}, "telemetry": {"enabled": False},
                         "general": {"disableAutoUpdate": True, "disableUpdateNag": True}})
    return argv, env, {".gemini/settings.json": json.dumps(settings, indent=2) + "\n"}


def agent_opencode(a, base, home, ws):
    argv = ["opencode", "run", "--format", "json"]
    if a.model:
        argv += ["-m", a.model]
    if not a.minimal:
        # --title: no title-generation request (its tokens are never reported);
        # --thinking: reasoning parts appear in the JSON stream; --auto: no permission asks.
        argv += ["--title", "mock-run", "--thinking", "--auto"]
    argv += [a.prompt]
    env = {"MOCK_API_KEY": FAKE_KEY}
    if not a.minimal:
        env.update({"OPENCODE_DISABLE_AUTOUPDATE": "1", "OPENCODE_DISABLE_MODELS_FETCH": "1",
                    "OPENCODE_DISABLE_SHARE": "1", "OPENCODE_DISABLE_LSP_DOWNLOAD": "1",
                    "OPENCODE_DISABLE_DEFAULT_PLUGINS": "1"})
    config = {
        "$schema": "https://opencode.ai/config.json",
        "autoupdate": False,
        "share": "disabled",
        "provider": {
            "mock": {
                "npm": "@ai-sdk/openai-compatible",
                "name": "Mock",
                "options": {"baseURL": f"{base}/v1", "apiKey": "{env:MOCK_API_KEY}"},
                "models": {"mock-model": {"name": "Mock model", "tool_call": True, "reasoning": True,
                                          "cost": {"input": 3, "output": 15, "cache_read": 0.3, "cache_write": 3.75},
                                          "limit": {"context": 200000, "output": 32000}}},
            }
        },
    }
    return argv, env, {".config/opencode/opencode.json": json.dumps(config, indent=2) + "\n"}


AGENTS = {"claude": agent_claude, "codex": agent_codex, "gemini": agent_gemini, "opencode": agent_opencode}
DEFAULT_MODELS = {"claude": "claude-sonnet-4-5", "codex": "gpt-5.1-codex", "gemini": "gemini-2.5-pro",
                  "opencode": "mock/mock-model"}


def dns_logger(log_path):
    """Answer every DNS query on 127.0.0.1:53 with NXDOMAIN and log the name asked for."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 53))

    def serve():
        while True:
            data, peer = sock.recvfrom(4096)
            if len(data) < 12:
                continue
            labels, i = [], 12
            while i < len(data) and data[i] != 0:
                n = data[i]
                labels.append(data[i + 1:i + 1 + n].decode("ascii", "replace"))
                i += 1 + n
            qtype = int.from_bytes(data[i + 1:i + 3], "big") if i + 3 <= len(data) else 0
            with open(log_path, "a") as handle:
                handle.write(json.dumps({"time": round(time.time(), 3), "name": ".".join(labels), "qtype": qtype}) + "\n")
            flags = 0x8180 | 3   # response, recursion desired+available, NXDOMAIN
            reply = data[:2] + flags.to_bytes(2, "big") + data[4:6] + b"\0\0\0\0\0\0" + data[12:i + 5]
            sock.sendto(reply, peer)

    threading.Thread(target=serve, daemon=True).start()


def inside(a):
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    # A private /etc/resolv.conf pointing at a logging stub on loopback: every name the
    # CLI tries to resolve is recorded in dns.jsonl (and answered NXDOMAIN).
    resolv = tempfile.NamedTemporaryFile("w", delete=False, prefix="resolv-")
    resolv.write("nameserver 127.0.0.1\n")
    resolv.close()
    os.chmod(resolv.name, 0o644)
    subprocess.run(["mount", "--bind", resolv.name, "/etc/resolv.conf"], check=True)
    os.makedirs(a.out, exist_ok=True)
    dns_log = os.path.join(a.out, "dns.jsonl")
    if os.path.exists(dns_log):
        os.remove(dns_log)
    dns_logger(dns_log)
    os.makedirs(a.out, exist_ok=True)
    os.makedirs(a.root, exist_ok=True)
    root = tempfile.mkdtemp(prefix=f"{a.agent}-", dir=a.root)
    os.chmod(root, 0o755)
    home, ws = os.path.join(root, "home"), os.path.join(root, "ws")
    for d in (home, ws):
        os.makedirs(d)
        os.chown(d, a.uid, a.uid)
    port_file = os.path.join(root, "port")
    log = os.path.join(a.out, "requests.jsonl")
    if os.path.exists(log):
        os.remove(log)
    server = subprocess.Popen([PYTHON, SERVER, "--script", a.script, "--log", log, "--port-file", port_file,
                               "--quiet"], stdout=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if os.path.exists(port_file):
                break
            time.sleep(0.05)
        port = int(open(port_file).read())
        base = f"http://127.0.0.1:{port}"
        argv, env, files = AGENTS[a.agent](a, base, home, ws)
        if a.bare:
            argv = [x.replace("{base}", base) for x in shlex.split(a.bare)]
        for extra in a.arg:
            argv.append(extra.replace("{base}", base))
        for k, v in (kv.split("=", 1) for kv in a.env):
            v = v.replace("{base}", base)
            if v == "":
                env.pop(k, None)
            else:
                env[k] = v
        cfgdir = os.path.join(a.out, "config")
        shutil.rmtree(cfgdir, ignore_errors=True)
        if a.no_config:
            files = {}
        for spec in a.file:
            rel, src = spec.split("=", 1)
            with open(src) as handle:
                files[rel] = handle.read().replace("{base}", base)
        for rel, content in files.items():
            write(os.path.join(home, rel), content)
            os.makedirs(os.path.dirname(os.path.join(cfgdir, rel)), exist_ok=True)
            shutil.copy(os.path.join(home, rel), os.path.join(cfgdir, rel))
        chown_tree(home, a.uid)
        full_env = {"PATH": f"{a.bin_dir}:/usr/local/bin:/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8",
                    "USER": "agent", "LOGNAME": "agent", "SHELL": "/bin/bash", "TMPDIR": "/tmp"}
        full_env.update(env)
        cmd = ["setpriv", f"--reuid={a.uid}", f"--regid={a.uid}", "--clear-groups", "--"] + argv
        if a.rlimit_as:
            cmd = ["prlimit", f"--as={a.rlimit_as}", "--"] + cmd
        started = time.time()
        with open(os.path.join(a.out, "stdout.jsonl"), "wb") as out, \
                open(os.path.join(a.out, "stderr.txt"), "wb") as err:
            # Own process group, so that a timeout also ends the children (codex's and
            # gemini's node wrappers start the real program as a child).
            proc = subprocess.Popen(cmd, cwd=ws, env=full_env, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                    start_new_session=True)
            try:
                rc = proc.wait(timeout=a.timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                rc = "timeout"
        ended = time.time()
        duration = round(ended - started, 2)
        try:
            state = json.load(urllib.request.urlopen(base + "/_mock/state", timeout=5))
        except OSError as exc:
            state = {"error": str(exc)}
        files_out = {}
        for dirpath, _, names in os.walk(ws):
            for name in names:
                p = os.path.join(dirpath, name)
                try:
                    files_out[os.path.relpath(p, ws)] = open(p, errors="replace").read(2000)
                except OSError:
                    files_out[os.path.relpath(p, ws)] = None
        redacted_env = {k: ("<fake key>" if v == FAKE_KEY else v) for k, v in full_env.items()}
        names = sorted({json.loads(l)["name"] for l in open(dns_log)}) if os.path.exists(dns_log) else []
        result = {"agent": a.agent, "argv": argv, "env": redacted_env, "exit_code": rc, "duration_s": duration,
                  "started": started, "ended": ended, "dns_lookups": names, "workspace": ws, "home": home,
                  "workspace_files": files_out, "server_state": state}
        with open(os.path.join(a.out, "result.json"), "w") as handle:
            json.dump(result, handle, indent=2)
        print(json.dumps({"exit_code": rc, "duration_s": duration, "dns": names, "files": sorted(files_out),
                          "served": state.get("served")}))
        if not a.keep:
            shutil.rmtree(root, ignore_errors=True)
    finally:
        server.terminate()
        server.wait()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("agent", choices=sorted(AGENTS))
    p.add_argument("--script", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--model")
    p.add_argument("--no-model", action="store_true", help="do not pass a model")
    p.add_argument("--prompt", default="Create hello.py that prints a greeting, then run it with python3.")
    p.add_argument("--bin-dir", default=DEFAULT_BIN)
    p.add_argument("--uid", type=int, default=100500)
    p.add_argument("--timeout", type=float, default=300)
    p.add_argument("--env", action="append", default=[], help="K=V added to (or K= removed from) the CLI's env")
    p.add_argument("--arg", action="append", default=[], help="extra argument appended to the command line")
    p.add_argument("--bare", help="replace the whole command line (one shell-quoted string; --arg appends)")
    p.add_argument("--rlimit-as", type=int, help="address-space limit in bytes for the CLI (prlimit --as)")
    p.add_argument("--minimal", action="store_true",
                   help="only what is needed to reach the mock (no telemetry/update/plugin switches)")
    p.add_argument("--file", action="append", default=[],
                   help="REL=PATH: put PATH's content ({base} replaced) at HOME/REL instead of the default")
    p.add_argument("--no-config", action="store_true", help="write no config files into HOME")
    p.add_argument("--root", default="/work/agent-clis/runs", help="where the HOME and workspace are made")
    p.add_argument("--keep", action="store_true", help="keep the temporary HOME and workspace")
    a = p.parse_args()
    a.script, a.out = os.path.abspath(a.script), os.path.abspath(a.out)
    if a.no_model:
        a.model = None
    elif not a.model:
        a.model = DEFAULT_MODELS[a.agent]
    if os.environ.get("MOCK_DRIVE_NETNS") != "1":
        if os.geteuid() != 0:
            sys.exit("drive_cli.py must run as root (it uses unshare -n and setpriv)")
        env = dict(os.environ, MOCK_DRIVE_NETNS="1")
        sys.exit(subprocess.run(["unshare", "-n", "-m", PYTHON, os.path.abspath(__file__)] + sys.argv[1:], env=env).returncode)
    inside(a)


if __name__ == "__main__":
    main()
