#!/usr/bin/python3
"""Self-test of tests/mock_model/server.py: each API, streaming and not, tool mapping,
usage figures, faults, logging. Standard library only; runs in a few seconds.

usage: /usr/bin/python3 tests/mock_model/server_test.py [-v]
"""
import http.client
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "server.py")
WS = "/work/space"

USAGE = {"input_tokens": 100, "cached_input_tokens": 40, "cache_creation_input_tokens": 10, "output_tokens": 20,
         "reasoning_tokens": 5}
HELLO = {"turns": [
    {"thinking": "plan", "calls": [{"write_file": {"path": "hello.py", "content": "print('hi')\n"}}], "usage": USAGE},
    {"calls": [{"run_command": {"command": "python3 hello.py"}}], "usage": USAGE},
    {"text": "All done.", "usage": USAGE},
]}

ANTHROPIC_TOOLS = [
    {"name": "Write", "description": "w", "input_schema": {"type": "object", "properties": {
        "file_path": {"type": "string"}, "content": {"type": "string"}}, "required": ["file_path", "content"]}},
    {"name": "Bash", "description": "b", "input_schema": {"type": "object", "properties": {
        "command": {"type": "string"}, "description": {"type": "string"}}, "required": ["command"]}},
]
RESPONSES_TOOLS = [
    {"type": "function", "name": "shell", "parameters": {"type": "object", "properties": {
        "command": {"type": "array", "items": {"type": "string"}}, "workdir": {"type": "string"}},
        "required": ["command"]}},
    {"type": "custom", "name": "apply_patch", "description": "patch", "format": {"type": "grammar"}},
]
CHAT_TOOLS = [
    {"type": "function", "function": {"name": "write", "parameters": {"type": "object", "properties": {
        "filePath": {"type": "string"}, "content": {"type": "string"}}, "required": ["filePath", "content"]}}},
    {"type": "function", "function": {"name": "bash", "parameters": {"type": "object", "properties": {
        "command": {"type": "string"}, "description": {"type": "string"}, "timeout": {"type": "number"}},
        "required": ["command", "description"]}}},
]
GEMINI_TOOLS = [{"functionDeclarations": [
    {"name": "write_file", "parametersJsonSchema": {"type": "object", "properties": {
        "file_path": {"type": "string"}, "content": {"type": "string"}}, "required": ["file_path", "content"]}},
    {"name": "run_shell_command", "parametersJsonSchema": {"type": "object", "properties": {
        "command": {"type": "string"}, "description": {"type": "string"}}, "required": ["command"]}},
]}]


def sse_events(raw):
    """[(event, data)] from an SSE body (data parsed as JSON where possible)."""
    out = []
    for block in raw.replace("\r\n", "\n").split("\n\n"):
        event, data = None, []
        for line in block.split("\n"):
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())
        if data:
            text = "\n".join(data)
            try:
                out.append((event, json.loads(text)))
            except ValueError:
                out.append((event, text))
    return out


class ServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.log = os.path.join(cls.tmp.name, "requests.jsonl")
        port_file = os.path.join(cls.tmp.name, "port")
        cls.proc = subprocess.Popen([sys.executable, SERVER, "--port", "0", "--port-file", port_file, "--log", cls.log,
                                     "--workspace", WS, "--quiet"], stdout=subprocess.PIPE, text=True)
        deadline = time.time() + 10
        while not os.path.exists(port_file):
            if time.time() > deadline or cls.proc.poll() is not None:
                raise RuntimeError("server did not start")
            time.sleep(0.02)
        with open(port_file) as handle:
            cls.port = int(handle.read())
        cls.base = f"http://127.0.0.1:{cls.port}"
        first = cls.proc.stdout.readline()
        assert first.startswith("listening on http://127.0.0.1:"), first

    @classmethod
    def tearDownClass(cls):
        cls.proc.terminate()
        cls.proc.wait(timeout=5)
        cls.proc.stdout.close()
        cls.tmp.cleanup()

    # ---- helpers
    def request(self, path, body=None, headers=None, method=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method or ("POST" if data else "GET"),
                                     headers={"Content-Type": "application/json", **(headers or {})})
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return resp.status, dict(resp.headers), resp.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, dict(err.headers), err.read().decode()

    def load(self, script):
        status, _, body = self.request("/_mock/script", script)
        self.assertEqual(status, 200, body)

    def state(self):
        return json.loads(self.request("/_mock/state")[2])

    def log_lines(self):
        with open(self.log) as handle:
            return [json.loads(line) for line in handle]

    def anthropic(self, stream=True, tools=ANTHROPIC_TOOLS, **extra):
        body = {"model": "claude-test", "max_tokens": 100, "stream": stream, "tools": tools,
                "messages": [{"role": "user", "content": "hi"}], **extra}
        return self.request("/v1/messages?beta=true", body, {"x-api-key": "sk-secret", "anthropic-version": "2023-06-01"})

    # ---- Anthropic
    def test_anthropic_stream_plays_the_script(self):
        self.load(HELLO)
        status, headers, raw = self.anthropic()
        self.assertEqual(status, 200)
        self.assertIn("text/event-stream", headers["Content-Type"])
        events = sse_events(raw)
        names = [e for e, _ in events]
        self.assertEqual(names[0], "message_start")
        self.assertEqual(names[-1], "message_stop")
        starts = [d["content_block"] for e, d in events if e == "content_block_start"]
        self.assertEqual([b["type"] for b in starts], ["thinking", "tool_use"])
        self.assertEqual(starts[1]["name"], "Write")
        args = json.loads("".join(d["delta"]["partial_json"] for e, d in events
                                  if e == "content_block_delta" and d["delta"]["type"] == "input_json_delta"))
        self.assertEqual(args, {"file_path": WS + "/hello.py", "content": "print('hi')\n"})
        start_usage = events[0][1]["message"]["usage"]
        self.assertEqual((start_usage["input_tokens"], start_usage["cache_read_input_tokens"],
                          start_usage["cache_creation_input_tokens"], start_usage["output_tokens"]), (100, 40, 10, 0))
        delta = [d for e, d in events if e == "message_delta"][0]
        self.assertEqual(delta["delta"]["stop_reason"], "tool_use")
        self.assertEqual(delta["usage"]["output_tokens"], 25)
        self.assertEqual(delta["usage"]["output_tokens_details"], {"thinking_tokens": 5})
        # turn 2: Bash, turn 3: final text (non-streaming), then the script is exhausted
        events = sse_events(self.anthropic()[2])
        tool = [d["content_block"] for e, d in events if e == "content_block_start"][0]
        self.assertEqual(tool["name"], "Bash")
        status, _, raw = self.anthropic(stream=False)
        msg = json.loads(raw)
        self.assertEqual(msg["content"], [{"type": "text", "text": "All done."}])
        self.assertEqual(msg["stop_reason"], "end_turn")
        self.assertEqual(msg["usage"]["output_tokens"], 25)
        self.assertTrue(self.state()["done"])
        msg = json.loads(self.anthropic(stream=False)[2])
        self.assertEqual(msg["content"][0]["text"], "The scripted conversation is over.")

    def test_anthropic_count_tokens_side_requests_and_unknown_endpoints(self):
        self.load(HELLO)
        status, _, raw = self.request("/v1/messages/count_tokens", {"model": "m", "messages": []})
        self.assertEqual(status, 200)
        self.assertGreater(json.loads(raw)["input_tokens"], 0)
        msg = json.loads(self.anthropic(stream=False, tools=[])[2])   # no tools: a side request
        self.assertEqual(msg["content"][0]["text"], "OK")
        self.assertEqual(self.state()["next_turn"], 0)
        status, _, raw = self.request("/api/whatever", headers={"anthropic-version": "2023-06-01"})
        self.assertEqual(status, 404)
        self.assertEqual(json.loads(raw)["error"]["type"], "not_found_error")
        self.assertEqual(self.request("/api/hello", method="HEAD")[0], 200)
        last = self.log_lines()[-2]
        self.assertEqual((last["path"], last["role"]), ("/api/whatever", "unknown"))

    # ---- OpenAI Responses
    def responses(self, tools=RESPONSES_TOOLS, stream=True, input_items=None):
        body = {"model": "gpt-test", "stream": stream, "tools": tools,
                "input": input_items or [{"type": "message", "role": "user", "content": [
                    {"type": "input_text", "text": f"<environment_context><cwd>{WS}</cwd></environment_context>"}]}]}
        return self.request("/v1/responses", body, {"Authorization": "Bearer sk-secret"})

    def test_responses_stream_maps_calls_and_reports_usage(self):
        self.load(HELLO)
        events = sse_events(self.responses()[2])
        types = [d["type"] for _, d in events]
        self.assertEqual(types[0], "response.created")
        self.assertEqual(types[-1], "response.completed")
        items = [d["item"] for _, d in events if d["type"] == "response.output_item.done"]
        self.assertEqual([i["type"] for i in items], ["reasoning", "custom_tool_call"])
        self.assertEqual(items[1]["name"], "apply_patch")
        self.assertEqual(items[1]["input"], f"*** Begin Patch\n*** Add File: {WS}/hello.py\n+print('hi')\n*** End Patch\n")
        usage = events[-1][1]["response"]["usage"]
        self.assertEqual(usage, {"input_tokens": 150, "input_tokens_details": {"cached_tokens": 40},
                                 "output_tokens": 25, "output_tokens_details": {"reasoning_tokens": 5},
                                 "total_tokens": 175})
        events = sse_events(self.responses()[2])
        call = [d["item"] for _, d in events if d["type"] == "response.output_item.done"][0]
        self.assertEqual((call["type"], call["name"]), ("function_call", "shell"))
        self.assertEqual(json.loads(call["arguments"])["command"], ["bash", "-lc", "python3 hello.py"])
        final = json.loads(self.responses(stream=False)[2])
        self.assertEqual(final["output"][0]["content"][0]["text"], "All done.")

    def test_responses_code_mode_tools_in_input_items(self):
        self.load(HELLO)
        exec_tool = {"type": "custom", "name": "exec", "format": {"type": "grammar"},
                     "description": "Run JavaScript code ... declare const tools: { apply_patch(input: string) }"}
        items = [{"type": "additional_tools", "tools": [{"type": "namespace", "name": "functions",
                                                          "tools": [exec_tool]}]},
                 {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "<cwd>/w</cwd>"}]}]
        events = sse_events(self.responses(tools=[], input_items=items)[2])
        call = [d["item"] for _, d in events if d["type"] == "response.output_item.done"][-1]
        self.assertEqual((call["type"], call["name"]), ("custom_tool_call", "exec"))
        self.assertIn("tools.apply_patch(", call["input"])
        self.assertIn(f"Add File: {WS}/hello.py", call["input"])   # --workspace wins over the prompt's cwd

    # ---- Chat Completions
    def test_chat_stream_and_non_stream(self):
        self.load(HELLO)
        body = {"model": "m", "stream": True, "stream_options": {"include_usage": True}, "tools": CHAT_TOOLS,
                "messages": [{"role": "user", "content": "hi"}]}
        events = sse_events(self.request("/v1/chat/completions", body)[2])
        self.assertEqual(events[-1][1], "[DONE]")
        chunks = [d for _, d in events[:-1]]
        calls = {}
        for c in chunks:
            for choice in c["choices"]:
                for tc in choice["delta"].get("tool_calls", []):
                    entry = calls.setdefault(tc["index"], {"name": None, "args": ""})
                    entry["name"] = tc.get("function", {}).get("name") or entry["name"]
                    entry["args"] += tc.get("function", {}).get("arguments", "")
        self.assertEqual(calls[0]["name"], "write")
        self.assertEqual(json.loads(calls[0]["args"]), {"filePath": WS + "/hello.py", "content": "print('hi')\n"})
        self.assertEqual(chunks[-2]["choices"][0]["finish_reason"], "tool_calls")
        self.assertEqual(chunks[-1]["usage"], {"prompt_tokens": 150, "completion_tokens": 25, "total_tokens": 175,
                                               "prompt_tokens_details": {"cached_tokens": 40},
                                               "completion_tokens_details": {"reasoning_tokens": 5}})
        body["stream"] = False
        msg = json.loads(self.request("/v1/chat/completions", body)[2])
        call = msg["choices"][0]["message"]["tool_calls"][0]
        self.assertEqual(call["function"]["name"], "bash")
        self.assertEqual(json.loads(call["function"]["arguments"]),
                         {"command": "python3 hello.py", "description": "Run python3 hello.py"})

    # ---- Gemini
    def gemini(self, method="streamGenerateContent", query="?alt=sse", tools=GEMINI_TOOLS, config=None):
        body = {"contents": [{"role": "user", "parts": [{"text": "hi"}]}], "tools": tools}
        if config:
            body["generationConfig"] = config
        return self.request(f"/v1beta/models/gemini-test:{method}{query}", body, {"x-goog-api-key": "secret"})

    def test_gemini_stream_non_stream_count_and_json_side_request(self):
        self.load(HELLO)
        events = sse_events(self.gemini()[2])
        parts = [p for _, d in events for p in d["candidates"][0]["content"]["parts"]]
        self.assertEqual(parts[0], {"text": "plan", "thought": True})
        call = parts[-1]["functionCall"]
        self.assertEqual(call, {"name": "write_file", "args": {"file_path": WS + "/hello.py", "content": "print('hi')\n"}})
        self.assertNotIn("usageMetadata", events[0][1])
        self.assertEqual(events[-1][1]["usageMetadata"], {"promptTokenCount": 150, "candidatesTokenCount": 20,
                                                          "totalTokenCount": 175, "cachedContentTokenCount": 40,
                                                          "thoughtsTokenCount": 5})
        schema = {"type": "object", "properties": {"reasoning": {"type": "string"},
                                                   "next_speaker": {"type": "string", "enum": ["user", "model"]}}}
        side = json.loads(self.gemini("generateContent", "", tools=[],
                                      config={"responseMimeType": "application/json", "responseJsonSchema": schema})[2])
        self.assertEqual(json.loads(side["candidates"][0]["content"]["parts"][0]["text"])["next_speaker"], "user")
        self.assertEqual(self.state()["next_turn"], 1)
        count = json.loads(self.gemini("countTokens", "")[2])
        self.assertGreater(count["totalTokens"], 0)
        resp = json.loads(self.gemini("generateContent", "")[2])
        self.assertEqual(resp["candidates"][0]["content"]["parts"][-1]["functionCall"]["name"], "run_shell_command")
        status, _, raw = self.gemini("streamGenerateContent", "")   # JSON array form
        self.assertEqual(json.loads(raw)[-1]["candidates"][0]["finishReason"], "STOP")

    # ---- faults
    def test_errors_then_success_do_not_advance_the_script(self):
        self.load({"turns": [{"text": "ok", "errors": [{"status": 429, "times": 2, "retry_after": 1},
                                                        {"status": 500}]}]})
        for expected in (429, 429, 500):
            status, headers, raw = self.anthropic(stream=False)
            self.assertEqual(status, expected)
            self.assertEqual(self.state()["next_turn"], 0)
        self.assertEqual(json.loads(raw)["error"]["type"], "api_error")
        status, _, raw = self.anthropic(stream=False)
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(raw)["content"][0]["text"], "ok")
        self.load({"turns": [{"text": "ok", "errors": [{"status": 429, "retry_after": 3}]}]})
        status, headers, raw = self.gemini()
        self.assertEqual((status, headers["Retry-After"]), (429, "3"))
        self.assertEqual(json.loads(raw)["error"]["status"], "RESOURCE_EXHAUSTED")
        self.load({"turns": [{"text": "ok", "errors": [{"status": 429}]}]})
        status, _, raw = self.responses()
        self.assertEqual((status, json.loads(raw)["error"]["code"]), (429, "rate_limit_exceeded"))

    def test_drop_mid_stream_then_success(self):
        self.load({"turns": [{"text": "a fairly long answer " * 5, "errors": [{"drop": "close", "after_events": 3}]}]})
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.request("POST", "/v1/messages", json.dumps({"model": "m", "stream": True, "tools": ANTHROPIC_TOOLS,
                                                         "messages": []}), {"Content-Type": "application/json"})
        resp = conn.getresponse()
        self.assertEqual(resp.status, 200)
        with self.assertRaises(http.client.IncompleteRead):
            resp.read()
        conn.close()
        events = sse_events(self.anthropic()[2])
        self.assertEqual(events[-1][0], "message_stop")
        # after_events -1: the connection closes before the status line
        self.load({"turns": [{"text": "ok", "errors": [{"drop": "reset", "after_events": -1}]}]})
        with self.assertRaises((urllib.error.URLError, http.client.HTTPException, ConnectionError)):
            self.gemini()
        self.assertEqual(self.state()["next_turn"], 0)
        self.assertEqual(json.loads(self.gemini("generateContent", "")[2])["candidates"][0]["content"]["parts"],
                         [{"text": "ok"}])

    def test_delay(self):
        self.load({"turns": [{"text": "late", "delay": 0.5}]})
        started = time.time()
        self.anthropic(stream=False)
        self.assertGreaterEqual(time.time() - started, 0.5)

    # ---- log and command line
    def test_log_redacts_secrets_and_keeps_bodies(self):
        self.load(HELLO)
        self.anthropic(stream=False)
        self.gemini("countTokens", "?key=abc")
        lines = self.log_lines()
        entry = [e for e in lines if e["path"] == "/v1/messages"][-1]
        headers = {k.lower(): v for k, v in entry["headers"].items()}
        self.assertEqual(headers["x-api-key"], "<redacted>")
        self.assertEqual(entry["query"], {"beta": "true"})
        self.assertEqual(entry["body"]["model"], "claude-test")
        self.assertEqual((entry["api"], entry["role"], entry["outcome"]), ("anthropic", "turn", "ok"))
        self.assertEqual(entry["tools"], ["Write", "Bash"])
        self.assertEqual(lines[-1]["query"], {"key": "<redacted>"})
        self.assertEqual({k.lower(): v for k, v in lines[-1]["headers"].items()}["x-goog-api-key"], "<redacted>")
        with open(self.log) as handle:
            self.assertNotIn("sk-secret", handle.read())

    def test_refuses_other_bind_addresses(self):
        for host in ("0.0.0.0", "::", "192.0.2.1", "localhost"):
            result = subprocess.run([sys.executable, SERVER, "--host", host], capture_output=True, text=True,
                                    timeout=10)
            self.assertEqual(result.returncode, 2, host)
            self.assertIn("127.0.0.1 only", result.stderr)

    def test_bad_script_is_rejected(self):
        status, _, raw = self.request("/_mock/script", {"turns": [{"bogus": 1}]})
        self.assertEqual(status, 400)


if __name__ == "__main__":
    unittest.main()
