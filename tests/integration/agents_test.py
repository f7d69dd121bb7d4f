#!/usr/bin/env python3
"""The four real agent CLIs end to end: `scbench run` drives claude-code, codex, gemini and
opencode (the exact versions of tests/agents/package.json) through the first checkpoint of
the bundled `ledger` problem against tests/mock_model/server.py, inside a network namespace
that has only loopback. For each agent:

- a scripted session (rate-limited twice first, which the CLI retries) writes the reference
  solution: the files are in the snapshot, the checkpoint is strict-solved and measured,
  and tokens, steps and cost in usage.json equal what the server sent; the agent's version
  is in run.json;
- --max-steps 1 stops it mid-run (limit_steps) with the usage of the responses so far;
- a stream that keeps breaking is recorded as api_error.

usage: agents_test.py SCBENCH SOURCE_DIR
Needs root (a network namespace). Exits 77 (skipped, saying why) only when the CLIs are not
installed because the npm registry could not be reached (scripts/install-agents.sh).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

SCBENCH = SOURCE = None
SKIPPED = 77
FAKE_KEY = "sk-scbench-test-0000000000000000"

# Per turn: input (uncached), cached input, output (visible), reasoning.
TURNS = [(100, 0, 20, 5), (200, 100, 20, 5), (300, 200, 20, 5)]
PRICES = {"input": 3.0, "output": 15.0, "cache_read": 0.3, "cache_write": 3.75}  # USD per million

AGENTS = {
    # few_retries: settings that make the agent give up soon on a broken API.
    "claude-code": {"model": "claude-sonnet-4-5", "base_url": "http://127.0.0.1:{port}", "key": "ANTHROPIC_API_KEY",
                    "few_retries": ["max_retries=1"], "version": "2.1.332 (Claude Code)"},
    "codex": {"model": "gpt-5.5", "base_url": "http://127.0.0.1:{port}/v1", "key": "OPENAI_API_KEY",
              "few_retries": ["max_retries=1"], "version": "codex-cli 0.171.0"},
    "gemini": {"model": "gemini-2.5-pro", "base_url": "http://127.0.0.1:{port}", "key": "GEMINI_API_KEY",
               "few_retries": [], "version": "0.61.0"},
    "opencode": {"model": "mock-model", "base_url": "http://127.0.0.1:{port}/v1", "key": "OPENAI_API_KEY",
                 "few_retries": [], "version": "1.18.33"},
}


def solution_files():
    root = os.path.join(SOURCE, "problems", "ledger", "checkpoint_1", "solution")
    files = {}
    for directory, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith(".py"):
                path = os.path.join(directory, name)
                with open(path) as handle:
                    files[os.path.relpath(path, root)] = handle.read()
    return files


def usage(turn):
    uncached, cached, output, reasoning = TURNS[turn]
    return {"input_tokens": uncached, "cached_input_tokens": cached, "cache_creation_input_tokens": 0,
            "output_tokens": output, "reasoning_tokens": reasoning}


def script(first_turn_errors=(), last_turn_delay=0):
    calls = [{"write_file": {"path": path, "content": content}} for path, content in solution_files().items()]
    turns = [
        {"thinking": "Write the ledger.", "calls": calls, "usage": usage(0), "errors": list(first_turn_errors)},
        {"calls": [{"run_command": {"command": "python3 ledger.py --help || true"}}], "usage": usage(1)},
        {"text": "The ledger is written.", "usage": usage(2), "delay": last_turn_delay},
    ]
    return {"turns": turns}


class MockServer:
    def __init__(self, directory, script_data):
        self.directory = directory
        path = os.path.join(directory, "script.json")
        with open(path, "w") as handle:
            json.dump(script_data, handle)
        port_file = os.path.join(directory, "port")
        self.log = os.path.join(directory, "requests.jsonl")
        self.process = subprocess.Popen([sys.executable, os.path.join(SOURCE, "tests", "mock_model", "server.py"),
                                         "--script", path, "--log", self.log, "--port", "0", "--port-file", port_file,
                                         "--quiet"])
        deadline = time.time() + 20
        while not os.path.exists(port_file) and time.time() < deadline:
            time.sleep(0.05)
        with open(port_file) as handle:
            self.port = int(handle.read())

    def requests(self):
        with open(self.log) as handle:
            return [json.loads(line) for line in handle if line.strip()]

    def stop(self):
        self.process.terminate()
        self.process.wait()


class RealAgents(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="scbench-agents-")
        os.chmod(self.tmp, 0o755)
        self.catalog = os.path.join(self.tmp, "prices.yaml")
        with open(self.catalog, "w") as handle:
            handle.write("models:\n" + "".join("  %s: %s\n" % (a["model"], json.dumps(PRICES)) for a in AGENTS.values()))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_agent(self, agent, script_data, *extra, settings=()):
        """Runs scbench with `agent` against a fresh mock server; returns (run_dir, result, server)."""
        config = AGENTS[agent]
        directory = tempfile.mkdtemp(dir=self.tmp, prefix=agent + "-")
        server = MockServer(directory, script_data)
        run_dir = os.path.join(directory, "run")
        env = dict(os.environ, PATH=os.path.join(SOURCE, "tests", "agents", "node_modules", ".bin") + ":" +
                   os.environ["PATH"])
        env[config["key"]] = FAKE_KEY
        command = [SCBENCH, "run", "--agent", agent, "--model", config["model"], "--problem", "ledger",
                   "--checkpoints", "1", "--problems-dir", os.path.join(SOURCE, "problems"), "--out", run_dir,
                   "--models", self.catalog, "--timeout", "240", *extra,
                   "base_url=" + config["base_url"].format(port=server.port), *settings]
        start = time.time()
        try:
            result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
        finally:
            server.stop()
        print("  %s %s: %.1f s" % (agent, " ".join(extra) or "session", time.time() - start), file=sys.stderr)
        self.assertEqual(result.returncode, 0, result.stderr)
        return run_dir, result, server

    def checkpoint(self, run_dir, name):
        with open(os.path.join(run_dir, "problems", "ledger", "checkpoint_1", name)) as handle:
            return json.load(handle)

    def agent_output(self, run_dir):
        """The end of what the agent printed, for failure messages."""
        text = ""
        for stream in ("stdout", "stderr"):
            path = os.path.join(run_dir, "problems", "ledger", "checkpoint_1", "agent", stream)
            if os.path.exists(path):
                with open(path, errors="replace") as handle:
                    text += "\n--- %s ---\n%s" % (stream, handle.read()[-1500:])
        return text

    def expected_cost(self, turns):
        uncached = sum(TURNS[t][0] for t in turns)
        cached = sum(TURNS[t][1] for t in turns)
        output = sum(TURNS[t][2] + TURNS[t][3] for t in turns)
        return (uncached * PRICES["input"] + cached * PRICES["cache_read"] + output * PRICES["output"]) / 1e6

    def test_a_session_retried_after_rate_limits_solves_the_checkpoint_with_exact_usage(self):
        rate_limited = script(first_turn_errors=[{"status": 429, "times": 2, "retry_after": 1}])
        for agent, config in AGENTS.items():
            with self.subTest(agent=agent):
                run_dir, _, server = self.run_agent(agent, rate_limited)
                record = self.checkpoint(run_dir, "record.json")
                self.assertEqual(record["agent_status"], "ok", record["agent_message"] + self.agent_output(run_dir))
                snapshot = os.path.join(run_dir, "problems", "ledger", "checkpoint_1", "snapshot")
                for path in solution_files():
                    self.assertTrue(os.path.isfile(os.path.join(snapshot, path)), path)
                self.assertTrue(record["strict"], self.checkpoint(run_dir, "evaluation.json")["tests"][:3])
                self.assertGreater(self.checkpoint(run_dir, "measure.json")["summary"]["lines"]["sloc"], 0)
                spent = self.checkpoint(run_dir, "usage.json")
                self.assertEqual((spent["input_tokens"], spent["cache_read_tokens"], spent["output_tokens"],
                                  spent["reasoning_tokens"], spent["steps"]), (600, 300, 60, 15, 3))
                self.assertAlmostEqual(spent["cost_usd"], self.expected_cost([0, 1, 2]), places=9)
                outcomes = [r.get("outcome") for r in server.requests() if r.get("role") == "turn"]
                self.assertEqual(outcomes.count("error 429"), 2, outcomes)  # and the agent retried
                with open(os.path.join(run_dir, "run.json")) as handle:
                    self.assertEqual(json.load(handle)["agent_version"], config["version"])

    def test_the_step_limit_stops_an_agent_mid_run_and_keeps_its_usage(self):
        slow_end = script(last_turn_delay=60)
        for agent in AGENTS:
            with self.subTest(agent=agent):
                start = time.time()
                run_dir, _, _ = self.run_agent(agent, slow_end, "--max-steps", "1")
                self.assertLess(time.time() - start, 120)
                record = self.checkpoint(run_dir, "record.json")
                self.assertEqual(record["agent_status"], "limit_steps", record["agent_message"] + self.agent_output(run_dir))
                spent = self.checkpoint(run_dir, "usage.json")
                self.assertGreaterEqual(spent["steps"], 2)
                self.assertGreaterEqual(spent["input_tokens"] + spent["cache_read_tokens"], 100 + 300)

    def test_a_stream_that_keeps_breaking_is_an_api_error(self):
        broken = script(first_turn_errors=[{"drop": "close", "after_events": 3, "times": 1000}])
        for agent in AGENTS:
            with self.subTest(agent=agent):
                run_dir, _, _ = self.run_agent(agent, broken, settings=AGENTS[agent]["few_retries"])
                record = self.checkpoint(run_dir, "record.json")
                self.assertEqual(record["agent_status"], "api_error", record["agent_message"] + self.agent_output(run_dir))
                self.assertTrue(record["agent_message"])
                self.assertFalse(record["strict"])


def main():
    global SCBENCH, SOURCE
    inner = len(sys.argv) > 1 and sys.argv[1] == "--inner"
    arguments = sys.argv[2:] if inner else sys.argv[1:]
    SCBENCH, SOURCE = os.path.abspath(arguments[0]), os.path.abspath(arguments[1])
    bin_dir = os.path.join(SOURCE, "tests", "agents", "node_modules", ".bin")
    if not all(os.path.exists(os.path.join(bin_dir, name)) for name in ("claude", "codex", "gemini", "opencode")):
        marker = os.path.join(SOURCE, "tests", "agents", "unreachable")
        if os.path.exists(marker):
            print("SKIPPED: the agent CLIs are not installed: the npm registry could not be reached")
            sys.exit(SKIPPED)
        sys.exit("the agent CLIs are not installed: run scripts/install-agents.sh")
    if os.geteuid() != 0:
        sys.exit("these tests need root: they make a network namespace of their own")
    if not inner:
        # Everything below, the model server included, lives in a namespace with loopback only.
        os.execvp("unshare", ["unshare", "--net", "--", sys.executable, os.path.abspath(__file__), "--inner", *arguments])
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    unittest.main(argv=sys.argv[:1], verbosity=2)


if __name__ == "__main__":
    main()
