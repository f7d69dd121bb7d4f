#!/usr/bin/python3
"""Scripted mock model server for driving real coding-agent CLIs in tests.

Python 3.11 standard library only. Listens on 127.0.0.1 only (any other --host is
refused) and speaks, streaming (SSE) and non-streaming:

  Anthropic Messages   POST /v1/messages, POST /v1/messages/count_tokens   (claude-code)
  OpenAI Responses     POST /v1/responses                                  (codex)
  OpenAI Chat          POST /v1/chat/completions                           (opencode)
  Gemini               POST /v1beta/models/{model}:streamGenerateContent[?alt=sse],
                       :generateContent, :countTokens                      (gemini-cli)
  model lists          GET /v1/models, GET /v1beta/models
  control              GET /_mock/state, POST /_mock/reset, POST /_mock/script

Any prefix before these paths is accepted (e.g. /anthropic/v1/messages), so a client
whose base URL carries a path still reaches them. Other endpoints get a 404 with a JSON
error body in the shape of the API the path looks like, and are logged.

Usage
-----
  /usr/bin/python3 tests/mock_model/server.py --script S.json --log requests.jsonl \
      [--port 0] [--port-file F] [--workspace DIR] [--quiet]

With --port 0 the kernel picks a port; the server prints "listening on
http://127.0.0.1:PORT" to stdout and, with --port-file, writes PORT to that file once
it is accepting connections (written to a temporary name and renamed, so a reader never
sees a partial file).

Pointing the CLIs at it (details, versions and everything else: FINDINGS.md beside
this file; drive_cli.py runs them offline against this server)
------------------------------------------------------------------------------------
  claude    ANTHROPIC_BASE_URL=http://127.0.0.1:PORT ANTHROPIC_API_KEY=x
            CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1
  codex     ~/.codex/config.toml: model_provider="mock", [model_providers.mock]
            base_url="http://127.0.0.1:PORT/v1" env_key="OPENAI_API_KEY" wire_api="responses"
  gemini    GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:PORT GEMINI_API_KEY=x and
            ~/.gemini/settings.json {"security":{"auth":{"selectedType":"gemini-api-key"}}}
  opencode  ~/.config/opencode/opencode.json: a provider with npm
            "@ai-sdk/openai-compatible" and options.baseURL "http://127.0.0.1:PORT/v1"

Script
------
A JSON file, either a list of turns or an object:

  {
    "turns": [
      {"calls": [{"write_file": {"path": "hello.py", "content": "print('hello')\\n"}}],
       "usage": {"input_tokens": 100, "cached_input_tokens": 50, "output_tokens": 20,
                 "reasoning_tokens": 5}},
      {"calls": [{"run_command": {"command": "python3 hello.py"}}],
       "errors": [{"status": 429, "times": 2, "retry_after": 1}]},
      {"text": "Done.", "thinking": "All good.", "delay": 0.5}
    ],
    "workspace": null,          # directory relative paths are resolved against (else
                                # --workspace, else the cwd the client states in its prompt)
    "advance": "tools",         # "tools": only requests that offer tools play a turn;
                                # "all": every model request plays a turn
    "side_text": "OK",          # answer to requests that do not play a turn
    "side_usage": {...},        # their usage (default all zero)
    "default_usage": {...},     # usage of turns that give none
    "exhausted": {"text": "..."} # turn played once the script has run out (repeatedly)
  }

A turn has "text" (final or accompanying text), "calls" (tool calls, in order) or both,
and optionally "thinking" (a reasoning/thinking block is emitted before the rest).
Calls are abstract and mapped onto the tools the client offered in that request:

  {"write_file": {"path": P, "content": C}}   (or ["P", "C"])
      -> Write{file_path} (claude), write{filePath} (opencode), write_file{file_path}
         (gemini), apply_patch "*** Add File" (codex), else a shell heredoc
  {"run_command": {"command": CMD}}           (or "CMD")
      -> Bash / bash / run_shell_command / shell{command:[bash,-lc,CMD]} /
         shell_command / exec_command{cmd}, whatever was offered
  {"tool": {"name": N, "arguments": {...}}}   -> sent as is (for a custom tool, "input")

Relative paths become absolute under the workspace when one is known.

Usage figures (per turn; all default to 0 except as given in default_usage):
  input_tokens                 input neither read from nor written to the cache
  cached_input_tokens          input read from the cache
  cache_creation_input_tokens  input written to the cache (Anthropic field; elsewhere
                               it only adds to the input total)
  output_tokens                visible output, reasoning excluded
  reasoning_tokens             reasoning/thinking output
They are reported in each API's own convention:
  Anthropic  usage.input_tokens = input_tokens (cache excluded), cache_read_input_tokens,
             cache_creation_input_tokens, output_tokens = output + reasoning,
             output_tokens_details.thinking_tokens = reasoning (message_start carries the
             input figures and output_tokens 0; message_delta carries all of them)
  Responses  input_tokens = input + cached + creation, input_tokens_details.cached_tokens,
             output_tokens = output + reasoning, output_tokens_details.reasoning_tokens
  Chat       prompt_tokens / completion_tokens likewise, *_details.cached_tokens /
             reasoning_tokens
  Gemini     promptTokenCount = input + cached + creation, cachedContentTokenCount,
             candidatesTokenCount = output, thoughtsTokenCount = reasoning (last chunk only)

Faults (per turn):
  "delay": S               sleep S seconds before answering
  "event_delay": S         sleep S seconds between streamed events
  "errors": [ ... ]        consumed in order, one per request, before the turn succeeds:
      {"status": 429, "times": 2, "retry_after": 1, "message": "..."}   an HTTP error
      {"drop": "close"|"reset", "after_events": 2, "times": 1}         the stream is
          cut after that many events with a plain close (FIN) or a reset (RST); with
          "after_events": -1, or for a non-streaming request, before the status line
A failed attempt does not advance the script; the retry gets the next error or the turn.

Log
---
Every request is appended to --log as one JSON line: seq, time, method, path, query,
headers (authorization, keys, tokens and cookies redacted), body (parsed JSON when it
is JSON), api, role ("turn", "side", "control", "unknown", "count_tokens", "models"),
turn (index played), outcome ("ok", "error 429", "drop close", ...) and the tools
offered (names). Lines are written when the answer is chosen, before it is sent.
"""

import argparse
import gzip
import json
import os
import re
import socket
import struct
import sys
import threading
import time
import uuid
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ALLOWED_HOST = "127.0.0.1"
USAGE_KEYS = ("input_tokens", "cached_input_tokens", "cache_creation_input_tokens", "output_tokens",
              "reasoning_tokens")
SECRET_HINTS = ("auth", "key", "token", "cookie", "secret", "session")


# --------------------------------------------------------------------------- script

class ScriptError(ValueError):
    pass


def _usage(raw, base=None):
    out = dict(base or {k: 0 for k in USAGE_KEYS})
    for key, value in (raw or {}).items():
        if key not in USAGE_KEYS:
            raise ScriptError(f"unknown usage field {key!r}")
        out[key] = int(value)
    return out


def _norm_call(call):
    if not isinstance(call, dict) or len(call) != 1:
        raise ScriptError(f"a call is an object with one key: {call!r}")
    (kind, args), = call.items()
    if kind == "write_file":
        if isinstance(args, list):
            args = {"path": args[0], "content": args[1]}
        return {"kind": kind, "path": str(args["path"]), "content": str(args["content"])}
    if kind == "run_command":
        if isinstance(args, str):
            args = {"command": args}
        elif isinstance(args, list):
            args = {"command": args[0]}
        return {"kind": kind, "command": str(args["command"])}
    if kind == "tool":
        return {"kind": kind, "name": args["name"], "arguments": args.get("arguments", {}),
                "input": args.get("input")}
    raise ScriptError(f"unknown call {kind!r}")


def _norm_errors(raw):
    attempts = []
    for err in raw or []:
        times = int(err.get("times", 1))
        if "drop" in err:
            mode = err["drop"] if err["drop"] in ("close", "reset") else "close"
            item = {"drop": mode, "after_events": int(err.get("after_events", 1))}
        else:
            item = {"status": int(err.get("status", 500)), "retry_after": err.get("retry_after"),
                    "message": err.get("message")}
        attempts.extend(dict(item) for _ in range(times))
    return attempts


def load_script(data):
    if isinstance(data, list):
        data = {"turns": data}
    if not isinstance(data, dict) or not isinstance(data.get("turns"), list):
        raise ScriptError("a script is a list of turns or an object with a 'turns' list")
    default_usage = _usage(data.get("default_usage"))
    turns = []
    for i, raw in enumerate(data["turns"]):
        if not isinstance(raw, dict):
            raise ScriptError(f"turn {i} is not an object")
        unknown = set(raw) - {"text", "calls", "thinking", "usage", "delay", "event_delay", "errors", "comment"}
        if unknown:
            raise ScriptError(f"turn {i}: unknown keys {sorted(unknown)}")
        calls = [_norm_call(c) for c in raw.get("calls", [])]
        if not calls and not raw.get("text"):
            raise ScriptError(f"turn {i} has neither text nor calls")
        turns.append({"text": raw.get("text"), "calls": calls, "thinking": raw.get("thinking"),
                      "usage": _usage(raw.get("usage"), default_usage), "delay": float(raw.get("delay", 0)),
                      "event_delay": float(raw.get("event_delay", 0)), "errors": _norm_errors(raw.get("errors"))})
    exhausted = data.get("exhausted") or {"text": "The scripted conversation is over."}
    advance = data.get("advance", "tools")
    if advance not in ("tools", "all"):
        raise ScriptError("advance is 'tools' or 'all'")
    return {
        "turns": turns,
        "workspace": data.get("workspace"),
        "advance": advance,
        "side_text": data.get("side_text", "OK"),
        "side_usage": _usage(data.get("side_usage")),
        "exhausted": {"text": exhausted.get("text", "Done."), "calls": [], "thinking": None,
                      "usage": _usage(exhausted.get("usage"), default_usage), "delay": 0.0, "event_delay": 0.0,
                      "errors": []},
    }


class State:
    def __init__(self, script, workspace):
        self.lock = threading.Lock()
        self.workspace = workspace
        self.set_script(script)

    def set_script(self, script):
        self.script = script
        self.turn = 0          # next turn to play
        self.attempt = 0       # errors of that turn already served
        self.served = []       # (turn index, outcome) history
        self.side_requests = 0

    def next_action(self):
        """The action for a request that plays a turn: (index, turn, error-or-None)."""
        with self.lock:
            turns = self.script["turns"]
            if self.turn >= len(turns):
                self.served.append((self.turn, "exhausted"))
                return self.turn, self.script["exhausted"], None
            index, turn = self.turn, turns[self.turn]
            if self.attempt < len(turn["errors"]):
                err = turn["errors"][self.attempt]
                self.attempt += 1
                self.served.append((index, "error"))
                return index, turn, err
            self.turn += 1
            self.attempt = 0
            self.served.append((index, "ok"))
            return index, turn, None

    def snapshot(self):
        with self.lock:
            return {"next_turn": self.turn, "turns": len(self.script["turns"]), "attempt": self.attempt,
                    "served": list(self.served), "side_requests": self.side_requests,
                    "done": self.turn >= len(self.script["turns"])}


# --------------------------------------------------------------------------- tools

def _props(schema):
    if not isinstance(schema, dict):
        return {}, []
    return schema.get("properties") or {}, schema.get("required") or []


def normalize_tools(api, body):
    """[{name, kind: function|custom|local_shell, schema, description, namespace}] offered by a request.

    Responses requests may also declare tools in input items of type "additional_tools",
    grouped in namespaces (codex does this for models in "code mode")."""
    out = []
    if api == "gemini":
        for group in body.get("tools") or []:
            for decl in group.get("functionDeclarations") or group.get("function_declarations") or []:
                schema = decl.get("parametersJsonSchema") or decl.get("parameters") or {}
                out.append({"name": decl.get("name"), "kind": "function", "schema": schema,
                            "description": decl.get("description") or ""})
        return out

    def add(tool, namespace=None):
        if not isinstance(tool, dict):
            return
        if api == "chat" or isinstance(tool.get("function"), dict):
            fn = tool.get("function") or {}
            out.append({"name": fn.get("name"), "kind": "function", "schema": fn.get("parameters") or {},
                        "description": fn.get("description") or ""})
            return
        if api == "anthropic":
            out.append({"name": tool.get("name"), "kind": "function", "schema": tool.get("input_schema") or {},
                        "description": tool.get("description") or ""})
            return
        kind = tool.get("type", "function")
        if kind == "namespace":
            for sub in tool.get("tools") or []:
                add(sub, tool.get("name"))
            return
        entry = {"name": tool.get("name") or kind, "kind": kind, "schema": {},
                 "description": tool.get("description") or "", "namespace": namespace}
        if kind == "function":
            entry["schema"] = tool.get("parameters") or {}
        elif kind == "custom":
            entry["schema"] = tool.get("format") or {}
        elif kind == "local_shell":
            entry["name"] = "local_shell"
        out.append(entry)

    for tool in body.get("tools") or []:
        add(tool)
    if api == "responses" and isinstance(body.get("input"), list):
        for item in body["input"]:
            if isinstance(item, dict) and item.get("type") == "additional_tools":
                for tool in item.get("tools") or []:
                    add(tool)
    return out


WRITE_NAMES = ("write", "write_file", "writefile", "create_file", "file_write")
SHELL_NAMES = ("bash", "run_shell_command", "shell", "shell_command", "exec_command", "local_shell",
               "run_command", "execute_command", "run_terminal_cmd", "terminal")


def _find(tools, names):
    by_name = {str(t["name"]).lower(): t for t in tools if t.get("name")}
    for name in names:
        if name in by_name:
            return by_name[name]
    return None


def _fill_required(schema, args, hint):
    props, required = _props(schema)
    for key in required:
        if key in args:
            continue
        prop = props.get(key, {})
        kind = prop.get("type")
        if "enum" in prop:
            args[key] = prop["enum"][0]
        elif kind == "array":
            args[key] = []
        elif kind in ("integer", "number"):
            args[key] = 120000 if "timeout" in key.lower() else 1
        elif kind == "boolean":
            args[key] = False
        elif kind == "object":
            args[key] = {}
        else:
            args[key] = hint
    return args


def _pick_prop(props, preferred, contains):
    for name in preferred:
        if name in props:
            return name
    for name in props:
        if any(c in name.lower() for c in contains):
            return name
    return None


def _shell_call(tool, command, workspace):
    """A call of whichever shell tool was offered running `command`."""
    if tool["kind"] == "local_shell":
        action = {"type": "exec", "command": ["bash", "-lc", command]}
        if workspace:
            action["working_directory"] = workspace
        return {"name": "local_shell", "kind": "local_shell", "action": action}
    props, _ = _props(tool["schema"])
    args = {}
    key = _pick_prop(props, ("command", "cmd"), ("command", "cmd"))
    key = key or "command"
    if props.get(key, {}).get("type") == "array":
        args[key] = ["bash", "-lc", command]
    else:
        args[key] = command
    if "description" in props:
        args["description"] = f"Run {command}"[:200]
    return {"name": tool["name"], "kind": "function",
            "arguments": _fill_required(tool["schema"], args, f"Run {command}"[:200])}


def _add_file_patch(path, content):
    lines = content.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    body = "".join(f"+{line}\n" for line in lines)
    return f"*** Begin Patch\n*** Add File: {path}\n{body}*** End Patch\n"


def _code_mode_tool(tools):
    """codex "code mode": one custom tool `exec` that runs JavaScript calling `tools.*`."""
    for tool in tools:
        if tool["kind"] == "custom" and tool["name"] == "exec" and "JavaScript" in tool.get("description", ""):
            return tool
    return None


def _code_mode_call(tool, call, workspace):
    if call["kind"] == "write_file":
        path = call["path"]
        if workspace and not os.path.isabs(path):
            path = os.path.join(workspace, path)
        if "apply_patch(" in tool.get("description", ""):
            js = f"text(await tools.apply_patch({json.dumps(_add_file_patch(path, call['content']))}));\n"
        else:
            cmd = f"cat > '{path}' <<'MOCK_EOF'\n{call['content']}MOCK_EOF"
            js = f"text(await tools.exec_command({json.dumps({'cmd': cmd})}));\n"
    else:
        js = f"text(await tools.exec_command({json.dumps({'cmd': call['command']})}));\n"
    out = {"name": tool["name"], "kind": "custom", "input": js}
    if tool.get("namespace"):
        out["namespace"] = tool["namespace"]
    return out


def map_call(call, tools, workspace):
    """The concrete tool call {name, kind, arguments|input|action} for an abstract call."""
    if call["kind"] in ("write_file", "run_command") and not _find(tools, WRITE_NAMES + SHELL_NAMES + ("apply_patch",)):
        code_mode = _code_mode_tool(tools)
        if code_mode:
            return _code_mode_call(code_mode, call, workspace)
    if call["kind"] == "tool":
        tool = _find(tools, (str(call["name"]).lower(),))
        if call.get("input") is not None or (tool and tool["kind"] == "custom"):
            return {"name": call["name"], "kind": "custom", "input": call.get("input") or ""}
        return {"name": call["name"], "kind": "function", "arguments": call["arguments"]}
    if call["kind"] == "write_file":
        path = call["path"]
        if workspace and not os.path.isabs(path):
            path = os.path.join(workspace, path)
        tool = _find(tools, WRITE_NAMES)
        if tool and tool["kind"] == "function":
            props, _ = _props(tool["schema"])
            pkey = _pick_prop(props, ("file_path", "filePath", "path", "absolute_path", "filename"), ("path", "file"))
            ckey = _pick_prop(props, ("content", "contents", "text", "file_text"), ("content", "text"))
            args = {pkey or "file_path": path, ckey or "content": call["content"]}
            return {"name": tool["name"], "kind": "function", "arguments": _fill_required(tool["schema"], args, "")}
        patch_tool = _find(tools, ("apply_patch",))
        if patch_tool:
            patch = _add_file_patch(path, call["content"])
            if patch_tool["kind"] == "custom":
                return {"name": patch_tool["name"], "kind": "custom", "input": patch}
            props, _ = _props(patch_tool["schema"])
            key = _pick_prop(props, ("input", "patch"), ("patch", "input")) or "input"
            return {"name": patch_tool["name"], "kind": "function",
                    "arguments": _fill_required(patch_tool["schema"], {key: patch}, "")}
        shell = _find(tools, SHELL_NAMES)
        if shell:
            marker = "MOCK_EOF_" + uuid.uuid4().hex[:8]
            command = f"cat > '{path}' <<'{marker}'\n{call['content']}{'' if call['content'].endswith(chr(10)) else chr(10)}{marker}"
            return _shell_call(shell, command, workspace)
        return {"name": "write_file", "kind": "function", "arguments": {"path": path, "content": call["content"]}}
    if call["kind"] == "run_command":
        shell = _find(tools, SHELL_NAMES)
        if shell:
            return _shell_call(shell, call["command"], workspace)
        return {"name": "run_command", "kind": "function", "arguments": {"command": call["command"]}}
    raise ValueError(call)


CWD_PATTERNS = (
    r"<cwd>([^<\n]+)</cwd>",
    r"Working directory:\s*(/[^\s<]+)",
    r"[Cc]urrent working directory(?: is)?:?\s*`?(/[^\s`<]+)",
    r"currently working in the directory:\s*(/[^\s<]+)",
    r"project's root directory is:?\s*(/[^\s<]+)",
    r"Workspace Directories:\**\s*\n\s*-\s*(/[^\s<]+)",
)


def detect_workspace(body):
    text = json.dumps(body)[:400000].replace("\\n", "\n")
    for pat in CWD_PATTERNS:
        m = re.search(pat, text, re.IGNORECASE)
        if m:
            return m.group(1).rstrip(".,;:'\"\\")
    return None


def count_tokens_estimate(body):
    return max(1, len(json.dumps(body)) // 4)


def schema_instance(schema, depth=0):
    """A minimal value satisfying a JSON schema (for side requests that demand JSON)."""
    if not isinstance(schema, dict) or depth > 8:
        return None
    if "enum" in schema and schema["enum"]:
        enum = schema["enum"]
        for pref in ("user", "USER", "flash", False):
            if pref in enum:
                return pref
        return enum[0]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = kind[0]
    kind = str(kind).lower() if kind else ("object" if "properties" in schema else "string")
    if kind == "object":
        out = {}
        for key, sub in (schema.get("properties") or {}).items():
            out[key] = schema_instance(sub, depth + 1)
        return out
    if kind == "array":
        return []
    if kind in ("integer", "number"):
        return 0
    if kind == "boolean":
        return False
    if kind == "null":
        return None
    return "mock"


# --------------------------------------------------------------------------- HTTP

class Dropped(Exception):
    pass


def _rid(prefix):
    return prefix + uuid.uuid4().hex[:24]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "scbench-mock/1"

    # quiet default logging; we keep our own JSONL
    def log_message(self, fmt, *args):
        if not self.server.quiet:
            sys.stderr.write("mock: " + (fmt % args) + "\n")

    # ---- plumbing
    def _read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = bytearray()
            while True:
                size_line = self.rfile.readline()
                size = int(size_line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                data += self.rfile.read(size)
                self.rfile.readline()
            raw = bytes(data)
        else:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        enc = self.headers.get("Content-Encoding", "").lower()
        try:
            if enc == "gzip":
                raw = gzip.decompress(raw)
            elif enc == "deflate":
                raw = zlib.decompress(raw)
        except Exception:  # noqa: BLE001 - logged as undecodable below
            pass
        return raw

    def _log(self, record):
        record = dict(record)
        record.update({"seq": self.server.next_seq(), "time": round(time.time(), 3), "method": self.command,
                       "path": self.url.path, "query": _redact_query(self.url.query),
                       "headers": _redact_headers(self.headers)})
        self.server.write_log(record)

    def _send_json(self, status, obj, extra_headers=None):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra_headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def _start_stream(self, content_type="text/event-stream"):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.wfile.flush()
        self._events_sent = 0

    def _chunk(self, data):
        drop = self._drop
        if drop is not None and self._events_sent >= drop["after_events"]:
            self._do_drop(drop["drop"])
        if self._event_delay and self._events_sent:
            time.sleep(self._event_delay)
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()
        self._events_sent += 1

    def _end_stream(self):
        if self._drop is not None:
            self._do_drop(self._drop["drop"])
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _do_drop(self, mode):
        self.wfile.flush()
        sock = self.connection
        if mode == "reset":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.close_connection = True
        raise Dropped()

    def sse(self, event, data):
        payload = ""
        if event:
            payload += f"event: {event}\n"
        payload += "data: " + json.dumps(data, separators=(",", ":")) + "\n\n"
        self._chunk(payload.encode())

    # ---- dispatch
    def do_GET(self):
        self._dispatch()

    def do_POST(self):
        self._dispatch()

    def do_HEAD(self):
        self._dispatch()

    def do_PUT(self):
        self._dispatch()

    def do_DELETE(self):
        self._dispatch()

    def do_OPTIONS(self):
        self._dispatch()

    def _dispatch(self):
        self.url = urlsplit(self.path)
        self._drop = None
        self._event_delay = 0
        raw = self._read_body() if self.command in ("POST", "PUT", "PATCH") else b""
        body = None
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = {"_undecoded": raw[:4000].decode("utf-8", "replace"),
                        "_content_encoding": self.headers.get("Content-Encoding")}
        path = self.url.path
        try:
            if path.startswith("/_mock/"):
                return self._control(path, body)
            if self.headers.get("Upgrade", "").lower() == "websocket":
                self._log({"api": "websocket", "role": "unknown", "outcome": "426", "body": body})
                return self._send_json(426, {"error": {"message": "websockets are not supported by the mock",
                                                       "type": "invalid_request_error"}})
            m = re.search(r"/models/([^/:]+):(\w+)$", path)
            if m and self.command == "POST":
                return self._gemini(m.group(1), m.group(2), body or {})
            if self.command == "POST" and path.endswith("/messages/count_tokens"):
                n = count_tokens_estimate(body or {})
                self._log({"api": "anthropic", "role": "count_tokens", "outcome": "ok", "body": body})
                return self._send_json(200, {"input_tokens": n})
            if self.command == "POST" and path.endswith("/messages"):
                return self._model_request("anthropic", body or {})
            if self.command == "POST" and path.endswith("/responses"):
                return self._model_request("responses", body or {})
            if self.command == "POST" and path.endswith("/chat/completions"):
                return self._model_request("chat", body or {})
            if self.command == "GET" and re.search(r"/models/?$", path):
                return self._models(path)
            return self._unknown(body)
        except Dropped:
            return
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
            return

    def _unknown(self, body):
        self._log({"api": _api_of_path(self.url.path), "role": "unknown", "outcome": "404", "body": body})
        if self.command == "HEAD":   # claude-code probes HEAD /api/hello at start-up
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        msg = f"mock model server: no endpoint {self.command} {self.url.path}"
        api = _api_of_path(self.url.path)
        if api == "gemini":
            err = {"error": {"code": 404, "message": msg, "status": "NOT_FOUND"}}
        elif "anthropic-version" in self.headers:
            err = {"type": "error", "error": {"type": "not_found_error", "message": msg}}
        else:
            err = {"error": {"message": msg, "type": "invalid_request_error", "code": "not_found"}}
        self._send_json(404, err)

    def _models(self, path):
        models = sorted(self.server.models_seen) or ["mock-model"]
        self._log({"api": _api_of_path(path), "role": "models", "outcome": "ok"})
        if "/v1beta" in path:
            return self._send_json(200, {"models": [
                {"name": f"models/{m}", "displayName": m, "supportedGenerationMethods":
                 ["generateContent", "streamGenerateContent", "countTokens"]} for m in models]})
        if "anthropic-version" in self.headers:
            data = [{"type": "model", "id": m, "display_name": m, "created_at": "2025-01-01T00:00:00Z"} for m in models]
            return self._send_json(200, {"data": data, "has_more": False, "first_id": data[0]["id"],
                                         "last_id": data[-1]["id"]})
        return self._send_json(200, {"object": "list", "data": [
            {"id": m, "object": "model", "created": 1735689600, "owned_by": "mock"} for m in models]})

    def _control(self, path, body):
        state = self.server.state
        if path == "/_mock/state":
            self._send_json(200, state.snapshot())
        elif path == "/_mock/reset" and self.command == "POST":
            with state.lock:
                state.set_script(state.script)
            self._send_json(200, state.snapshot())
        elif path == "/_mock/script" and self.command == "POST":
            try:
                script = load_script(body)
            except (ScriptError, KeyError, TypeError, ValueError) as exc:
                return self._send_json(400, {"error": str(exc)})
            with state.lock:
                state.set_script(script)
            self._send_json(200, state.snapshot())
        else:
            self._send_json(404, {"error": "unknown control endpoint"})

    # ---- model requests
    def _choose(self, api, body, tools, force_side=False, json_schema=None):
        """Pick what to answer: returns (role, index, turn, error)."""
        state = self.server.state
        script = state.script
        plays = not force_side and (script["advance"] == "all" or bool(tools))
        if plays:
            index, turn, err = state.next_action()
            return "turn", index, turn, err
        with state.lock:
            state.side_requests += 1
        text = script["side_text"]
        if json_schema is not None:
            text = json.dumps(schema_instance(json_schema))
        return "side", None, {"text": text, "calls": [], "thinking": None, "usage": script["side_usage"],
                              "delay": 0.0, "event_delay": 0.0, "errors": []}, None

    def _model_request(self, api, body):
        model = body.get("model") or "mock-model"
        self.server.models_seen.add(model)
        tools = normalize_tools(api, body)
        json_schema = None
        if api == "responses":
            fmt = ((body.get("text") or {}).get("format") or {})
            if fmt.get("type") == "json_schema":
                json_schema = fmt.get("schema")
        elif api == "chat":
            fmt = body.get("response_format") or {}
            if fmt.get("type") == "json_schema":
                json_schema = (fmt.get("json_schema") or {}).get("schema")
        role, index, turn, err = self._choose(api, body, tools, json_schema=json_schema if not tools else None)
        stream = bool(body.get("stream"))
        self._finish(api, role, index, turn, err, body, tools, stream, model)

    def _gemini(self, model, method, body):
        self.server.models_seen.add(model)
        if method == "countTokens":
            self._log({"api": "gemini", "role": "count_tokens", "outcome": "ok", "body": body})
            return self._send_json(200, {"totalTokens": count_tokens_estimate(body)})
        if method not in ("generateContent", "streamGenerateContent"):
            return self._unknown(body)
        tools = normalize_tools("gemini", body)
        cfg = body.get("generationConfig") or {}
        schema = cfg.get("responseJsonSchema") or cfg.get("responseSchema")
        if schema is None and cfg.get("responseMimeType") == "application/json":
            schema = {"type": "object"}
        role, index, turn, err = self._choose("gemini", body, tools, json_schema=schema if not tools else None)
        stream = method == "streamGenerateContent"
        self._finish("gemini", role, index, turn, err, body, tools, stream, model,
                     sse=parse_qs(self.url.query).get("alt", [""])[0] == "sse")

    def _finish(self, api, role, index, turn, err, body, tools, stream, model, sse=True):
        outcome = "ok"
        if err is not None:
            outcome = f"drop {err['drop']}" if "drop" in err else f"error {err['status']}"
        self._log({"api": api, "role": role, "turn": index, "outcome": outcome, "stream": stream,
                   "tools": [t["name"] for t in tools], "body": body})
        if turn.get("delay"):
            time.sleep(turn["delay"])
        if err is not None and "drop" not in err:
            return self._send_error(api, err)
        if err is not None:
            self._drop = err
            if not stream or err["after_events"] < 0:   # cut before any byte of the answer
                self._do_drop(err["drop"])
        self._event_delay = turn.get("event_delay", 0)
        workspace = self.server.state.script.get("workspace") or self.server.state.workspace or detect_workspace(body)
        calls = [map_call(c, tools, workspace) for c in turn["calls"]]
        tag = f"{index if index is not None else 'side'}"
        if api == "anthropic":
            return self._anthropic(turn, calls, model, stream, tag)
        if api == "responses":
            return self._responses(turn, calls, model, stream, tag)
        if api == "chat":
            return self._chat(turn, calls, model, stream, tag, body)
        return self._gemini_answer(turn, calls, model, stream, sse, tag)

    def _send_error(self, api, err):
        status = err["status"]
        headers = {}
        if err.get("retry_after") is not None:
            headers["Retry-After"] = str(err["retry_after"])
            if api == "anthropic":
                headers["anthropic-ratelimit-requests-reset"] = time.strftime(
                    "%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + float(err["retry_after"])))
        message = err.get("message") or {429: "Rate limit exceeded (mock)", 500: "Internal server error (mock)",
                                         529: "Overloaded (mock)", 503: "Service unavailable (mock)"}.get(
            status, f"mock error {status}")
        if api == "anthropic":
            kind = {429: "rate_limit_error", 529: "overloaded_error", 500: "api_error", 400: "invalid_request_error",
                    401: "authentication_error"}.get(status, "api_error")
            obj = {"type": "error", "error": {"type": kind, "message": message}}
        elif api == "gemini":
            gstatus = {429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE", 400: "INVALID_ARGUMENT",
                       401: "UNAUTHENTICATED", 404: "NOT_FOUND"}.get(status, "UNKNOWN")
            obj = {"error": {"code": status, "message": message, "status": gstatus}}
        else:
            kind = {429: "rate_limit_exceeded", 500: "server_error"}.get(status, "server_error")
            obj = {"error": {"message": message, "type": "requests" if status == 429 else kind,
                             "code": kind, "param": None}}
        self._send_json(status, obj, headers)

    # ---- Anthropic
    def _anthropic(self, turn, calls, model, stream, tag):
        u = turn["usage"]
        usage = {"input_tokens": u["input_tokens"], "cache_creation_input_tokens": u["cache_creation_input_tokens"],
                 "cache_read_input_tokens": u["cached_input_tokens"],
                 "output_tokens": u["output_tokens"] + u["reasoning_tokens"],
                 "output_tokens_details": {"thinking_tokens": u["reasoning_tokens"]}}
        blocks = []
        if turn.get("thinking"):
            blocks.append({"type": "thinking", "thinking": turn["thinking"], "signature": "mock-signature-" + tag})
        if turn.get("text"):
            blocks.append({"type": "text", "text": turn["text"]})
        for i, call in enumerate(calls):
            args = call.get("arguments")
            if args is None:
                args = {"input": call.get("input", "")}
            blocks.append({"type": "tool_use", "id": f"toolu_mock_{tag}_{i}_{uuid.uuid4().hex[:6]}",
                           "name": call["name"], "input": args})
        stop = "tool_use" if calls else "end_turn"
        msg_id = _rid("msg_mock_")
        if not stream:
            return self._send_json(200, {"id": msg_id, "type": "message", "role": "assistant", "model": model,
                                         "content": blocks, "stop_reason": stop, "stop_sequence": None,
                                         "usage": usage})
        self._start_stream()
        start_usage = dict(usage, output_tokens=0, output_tokens_details={"thinking_tokens": 0})
        self.sse("message_start", {"type": "message_start", "message": {
            "id": msg_id, "type": "message", "role": "assistant", "model": model, "content": [],
            "stop_reason": None, "stop_sequence": None, "usage": start_usage}})
        self.sse("ping", {"type": "ping"})
        for i, block in enumerate(blocks):
            if block["type"] == "thinking":
                self.sse("content_block_start", {"type": "content_block_start", "index": i,
                                                 "content_block": {"type": "thinking", "thinking": "", "signature": ""}})
                for piece in _pieces(block["thinking"]):
                    self.sse("content_block_delta", {"type": "content_block_delta", "index": i,
                                                     "delta": {"type": "thinking_delta", "thinking": piece}})
                self.sse("content_block_delta", {"type": "content_block_delta", "index": i,
                                                 "delta": {"type": "signature_delta", "signature": block["signature"]}})
            elif block["type"] == "text":
                self.sse("content_block_start", {"type": "content_block_start", "index": i,
                                                 "content_block": {"type": "text", "text": ""}})
                for piece in _pieces(block["text"]):
                    self.sse("content_block_delta", {"type": "content_block_delta", "index": i,
                                                     "delta": {"type": "text_delta", "text": piece}})
            else:
                self.sse("content_block_start", {"type": "content_block_start", "index": i, "content_block": {
                    "type": "tool_use", "id": block["id"], "name": block["name"], "input": {}}})
                for piece in _pieces(json.dumps(block["input"])):
                    self.sse("content_block_delta", {"type": "content_block_delta", "index": i,
                                                     "delta": {"type": "input_json_delta", "partial_json": piece}})
            self.sse("content_block_stop", {"type": "content_block_stop", "index": i})
        self.sse("message_delta", {"type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": None},
                                   "usage": usage})
        self.sse("message_stop", {"type": "message_stop"})
        self._end_stream()

    # ---- OpenAI Responses
    def _responses(self, turn, calls, model, stream, tag):
        u = turn["usage"]
        total_in = u["input_tokens"] + u["cached_input_tokens"] + u["cache_creation_input_tokens"]
        total_out = u["output_tokens"] + u["reasoning_tokens"]
        usage = {"input_tokens": total_in, "input_tokens_details": {"cached_tokens": u["cached_input_tokens"]},
                 "output_tokens": total_out, "output_tokens_details": {"reasoning_tokens": u["reasoning_tokens"]},
                 "total_tokens": total_in + total_out}
        resp_id = _rid("resp_mock_")
        items = []
        if turn.get("thinking"):
            items.append({"type": "reasoning", "id": _rid("rs_mock_"),
                          "summary": [{"type": "summary_text", "text": turn["thinking"]}]})
        if turn.get("text"):
            items.append({"type": "message", "id": _rid("msg_mock_"), "status": "completed", "role": "assistant",
                          "content": [{"type": "output_text", "text": turn["text"], "annotations": []}]})
        for i, call in enumerate(calls):
            call_id = f"call_mock_{tag}_{i}_{uuid.uuid4().hex[:6]}"
            if call["kind"] == "custom":
                items.append({"type": "custom_tool_call", "id": _rid("ctc_mock_"), "status": "completed",
                              "call_id": call_id, "name": call["name"], "input": call["input"]})
                if call.get("namespace"):
                    items[-1]["namespace"] = call["namespace"]
            elif call["kind"] == "local_shell":
                items.append({"type": "local_shell_call", "id": _rid("lsh_mock_"), "status": "completed",
                              "call_id": call_id, "action": call["action"]})
            else:
                items.append({"type": "function_call", "id": _rid("fc_mock_"), "status": "completed",
                              "call_id": call_id, "name": call["name"],
                              "arguments": json.dumps(call["arguments"])})
        base = {"id": resp_id, "object": "response", "created_at": int(time.time()), "model": model,
                "status": "in_progress", "output": [], "usage": None, "error": None, "incomplete_details": None}
        final = dict(base, status="completed", output=items, usage=usage)
        if not stream:
            return self._send_json(200, final)
        self._start_stream()
        seq = iter(range(1_000_000))
        self.sse("response.created", {"type": "response.created", "sequence_number": next(seq), "response": base})
        self.sse("response.in_progress", {"type": "response.in_progress", "sequence_number": next(seq),
                                          "response": base})
        for idx, item in enumerate(items):
            empty = dict(item)
            if item["type"] == "message":
                empty["content"], empty["status"] = [], "in_progress"
            elif item["type"] == "function_call":
                empty["arguments"], empty["status"] = "", "in_progress"
            elif item["type"] == "custom_tool_call":
                empty["input"], empty["status"] = "", "in_progress"
            elif item["type"] == "reasoning":
                empty["summary"] = []
            self.sse("response.output_item.added", {"type": "response.output_item.added", "sequence_number": next(seq),
                                                    "output_index": idx, "item": empty})
            iid = item["id"]
            if item["type"] == "message":
                text = item["content"][0]["text"]
                part = {"type": "output_text", "text": "", "annotations": []}
                self.sse("response.content_part.added", {"type": "response.content_part.added", "sequence_number":
                                                         next(seq), "item_id": iid, "output_index": idx,
                                                         "content_index": 0, "part": part})
                for piece in _pieces(text):
                    self.sse("response.output_text.delta", {"type": "response.output_text.delta", "sequence_number":
                                                            next(seq), "item_id": iid, "output_index": idx,
                                                            "content_index": 0, "delta": piece})
                self.sse("response.output_text.done", {"type": "response.output_text.done", "sequence_number":
                                                       next(seq), "item_id": iid, "output_index": idx,
                                                       "content_index": 0, "text": text})
                self.sse("response.content_part.done", {"type": "response.content_part.done", "sequence_number":
                                                        next(seq), "item_id": iid, "output_index": idx,
                                                        "content_index": 0, "part": item["content"][0]})
            elif item["type"] == "reasoning":
                text = item["summary"][0]["text"]
                self.sse("response.reasoning_summary_part.added", {
                    "type": "response.reasoning_summary_part.added", "sequence_number": next(seq), "item_id": iid,
                    "output_index": idx, "summary_index": 0, "part": {"type": "summary_text", "text": ""}})
                for piece in _pieces(text):
                    self.sse("response.reasoning_summary_text.delta", {
                        "type": "response.reasoning_summary_text.delta", "sequence_number": next(seq),
                        "item_id": iid, "output_index": idx, "summary_index": 0, "delta": piece})
                self.sse("response.reasoning_summary_text.done", {
                    "type": "response.reasoning_summary_text.done", "sequence_number": next(seq), "item_id": iid,
                    "output_index": idx, "summary_index": 0, "text": text})
                self.sse("response.reasoning_summary_part.done", {
                    "type": "response.reasoning_summary_part.done", "sequence_number": next(seq), "item_id": iid,
                    "output_index": idx, "summary_index": 0, "part": item["summary"][0]})
            elif item["type"] == "function_call":
                for piece in _pieces(item["arguments"]):
                    self.sse("response.function_call_arguments.delta", {
                        "type": "response.function_call_arguments.delta", "sequence_number": next(seq),
                        "item_id": iid, "output_index": idx, "delta": piece})
                self.sse("response.function_call_arguments.done", {
                    "type": "response.function_call_arguments.done", "sequence_number": next(seq), "item_id": iid,
                    "output_index": idx, "arguments": item["arguments"]})
            elif item["type"] == "custom_tool_call":
                for piece in _pieces(item["input"]):
                    self.sse("response.custom_tool_call_input.delta", {
                        "type": "response.custom_tool_call_input.delta", "sequence_number": next(seq),
                        "item_id": iid, "output_index": idx, "delta": piece})
                self.sse("response.custom_tool_call_input.done", {
                    "type": "response.custom_tool_call_input.done", "sequence_number": next(seq), "item_id": iid,
                    "output_index": idx, "input": item["input"]})
            self.sse("response.output_item.done", {"type": "response.output_item.done", "sequence_number": next(seq),
                                                   "output_index": idx, "item": item})
        self.sse("response.completed", {"type": "response.completed", "sequence_number": next(seq),
                                        "response": final})
        self._end_stream()

    # ---- OpenAI Chat Completions
    def _chat(self, turn, calls, model, stream, tag, body):
        u = turn["usage"]
        total_in = u["input_tokens"] + u["cached_input_tokens"] + u["cache_creation_input_tokens"]
        total_out = u["output_tokens"] + u["reasoning_tokens"]
        usage = {"prompt_tokens": total_in, "completion_tokens": total_out, "total_tokens": total_in + total_out,
                 "prompt_tokens_details": {"cached_tokens": u["cached_input_tokens"]},
                 "completion_tokens_details": {"reasoning_tokens": u["reasoning_tokens"]}}
        tool_calls = []
        for i, call in enumerate(calls):
            args = call.get("arguments")
            if args is None:
                args = {"input": call.get("input", "")}
            tool_calls.append({"id": f"call_mock_{tag}_{i}_{uuid.uuid4().hex[:6]}", "type": "function",
                               "function": {"name": call["name"], "arguments": json.dumps(args)}})
        finish = "tool_calls" if tool_calls else "stop"
        cid = _rid("chatcmpl-mock-")
        created = int(time.time())
        if not stream:
            message = {"role": "assistant", "content": turn.get("text")}
            if turn.get("thinking"):
                message["reasoning_content"] = turn["thinking"]
            if tool_calls:
                message["tool_calls"] = tool_calls
            return self._send_json(200, {"id": cid, "object": "chat.completion", "created": created, "model": model,
                                         "choices": [{"index": 0, "message": message, "finish_reason": finish}],
                                         "usage": usage})
        self._start_stream()

        def chunk(delta, finish_reason=None, with_usage=False):
            obj = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                   "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}]}
            if with_usage:
                obj["usage"] = usage
            self.sse(None, obj)

        chunk({"role": "assistant", "content": ""})
        for piece in _pieces(turn.get("thinking") or ""):
            chunk({"reasoning_content": piece})
        for piece in _pieces(turn.get("text") or ""):
            chunk({"content": piece})
        for i, tc in enumerate(tool_calls):
            chunk({"tool_calls": [{"index": i, "id": tc["id"], "type": "function",
                                   "function": {"name": tc["function"]["name"], "arguments": ""}}]})
            for piece in _pieces(tc["function"]["arguments"]):
                chunk({"tool_calls": [{"index": i, "function": {"arguments": piece}}]})
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        chunk({}, finish)
        if include_usage:
            self.sse(None, {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                            "choices": [], "usage": usage})
        self._chunk(b"data: [DONE]\n\n")
        self._end_stream()

    # ---- Gemini
    def _gemini_answer(self, turn, calls, model, stream, sse, tag):
        u = turn["usage"]
        prompt = u["input_tokens"] + u["cached_input_tokens"] + u["cache_creation_input_tokens"]
        usage = {"promptTokenCount": prompt, "candidatesTokenCount": u["output_tokens"],
                 "totalTokenCount": prompt + u["output_tokens"] + u["reasoning_tokens"]}
        if u["cached_input_tokens"]:
            usage["cachedContentTokenCount"] = u["cached_input_tokens"]
        if u["reasoning_tokens"]:
            usage["thoughtsTokenCount"] = u["reasoning_tokens"]
        parts_seq = []   # list of part lists, one per chunk
        if turn.get("thinking"):
            parts_seq.append([{"text": turn["thinking"], "thought": True}])
        for piece in _pieces(turn.get("text") or ""):
            parts_seq.append([{"text": piece}])
        fparts = []
        for i, call in enumerate(calls):
            args = call.get("arguments")
            if args is None:
                args = {"input": call.get("input", "")}
            part = {"functionCall": {"name": call["name"], "args": args}}
            if i == 0:
                part["thoughtSignature"] = "bW9jay1zaWduYXR1cmU="
            fparts.append(part)
        if fparts:
            parts_seq.append(fparts)
        if not parts_seq:
            parts_seq.append([{"text": ""}])
        response_id = uuid.uuid4().hex[:20]

        def chunk_obj(parts, last):
            cand = {"content": {"role": "model", "parts": parts}, "index": 0}
            obj = {"candidates": [cand], "modelVersion": model, "responseId": response_id}
            if last:
                cand["finishReason"] = "STOP"
                obj["usageMetadata"] = usage
            return obj

        if not stream:
            allparts = [p for parts in parts_seq for p in parts]
            merged = []
            for p in allparts:   # merge text pieces back together
                if merged and "text" in p and "text" in merged[-1] and p.get("thought") == merged[-1].get("thought"):
                    merged[-1] = dict(merged[-1], text=merged[-1]["text"] + p["text"])
                else:
                    merged.append(p)
            return self._send_json(200, chunk_obj(merged, True))
        if not sse:
            objs = [chunk_obj(parts, i == len(parts_seq) - 1) for i, parts in enumerate(parts_seq)]
            self._start_stream("application/json")
            self._chunk(b"[")
            for i, obj in enumerate(objs):
                self._chunk((("," if i else "") + json.dumps(obj)).encode())
            self._chunk(b"]")
            return self._end_stream()
        self._start_stream()
        for i, parts in enumerate(parts_seq):
            payload = "data: " + json.dumps(chunk_obj(parts, i == len(parts_seq) - 1), separators=(",", ":"))
            self._chunk((payload + "\r\n\r\n").encode())
        self._end_stream()


def _pieces(text, size=24):
    if not text:
        return []
    return [text[i:i + size] for i in range(0, len(text), size)]


def _api_of_path(path):
    if "/v1beta" in path or re.search(r":(generate|streamGenerate|count)", path):
        return "gemini"
    if "/messages" in path:
        return "anthropic"
    if "/responses" in path:
        return "responses"
    if "/chat/" in path:
        return "chat"
    return "other"


def _redact_headers(headers):
    out = {}
    for name, value in headers.items():
        if any(h in name.lower() for h in SECRET_HINTS) and name.lower() not in ("content-length",):
            value = "<redacted>"
        out[name] = value
    return out


def _redact_query(query):
    q = parse_qs(query, keep_blank_values=True)
    return {k: ("<redacted>" if any(h in k.lower() for h in SECRET_HINTS) else (v[0] if len(v) == 1 else v))
            for k, v in q.items()}


class MockServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port, state, log_path, quiet):
        super().__init__((ALLOWED_HOST, port), Handler)
        self.state = state
        self.quiet = quiet
        self.models_seen = set()
        self._seq = 0
        self._seq_lock = threading.Lock()
        self._log_file = open(log_path, "a", encoding="utf-8") if log_path else None

    def next_seq(self):
        with self._seq_lock:
            self._seq += 1
            return self._seq

    def write_log(self, record):
        if self._log_file is None:
            return
        line = json.dumps(record, ensure_ascii=False)
        with self._seq_lock:
            self._log_file.write(line + "\n")
            self._log_file.flush()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Scripted mock model server (see the module docstring).")
    parser.add_argument("--host", default=ALLOWED_HOST, help="only 127.0.0.1 is accepted")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--port-file", help="write the port here once listening")
    parser.add_argument("--script", help="script JSON (default: one turn answering 'OK')")
    parser.add_argument("--log", help="append one JSON line per request here")
    parser.add_argument("--workspace", help="directory relative paths in calls are resolved against")
    parser.add_argument("--quiet", action="store_true", help="no per-request lines on stderr")
    args = parser.parse_args(argv)
    if args.host != ALLOWED_HOST:
        parser.error(f"refusing to bind {args.host!r}: this server listens on {ALLOWED_HOST} only")
    try:
        if args.script:
            with open(args.script, encoding="utf-8") as handle:
                script = load_script(json.load(handle))
        else:
            script = load_script([{"text": "OK"}])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        parser.error(f"bad script: {exc}")
    server = MockServer(args.port, State(script, args.workspace), args.log, args.quiet)
    port = server.server_address[1]
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as handle:
            handle.write(f"{port}\n")
        os.replace(tmp, args.port_file)
    print(f"listening on http://{ALLOWED_HOST}:{port}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
