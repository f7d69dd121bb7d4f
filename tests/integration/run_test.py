#!/usr/bin/env python3
"""`scbench run` end to end on the small fixture problem: the replay agent, a scripted
agent that makes mistakes, limits, kill -9 and --resume, and bad input.

usage: run_test.py SCBENCH SOURCE_DIR
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

SCBENCH = SOURCE = None


def scbench(*args, env=None, timeout=300):
    return subprocess.run([SCBENCH, *args], capture_output=True, text=True, timeout=timeout, env=env)


def make_scripted_agent(directory, problems):
    """The scripted agent in a folder of its own, with the solutions it will write: an agent
    sees its own folder, never the problems."""
    agent_dir = os.path.join(directory, "agent")
    os.makedirs(agent_dir)
    os.chmod(directory, 0o755)
    shutil.copy(os.path.join(SOURCE, "tests", "fixtures", "agents", "scripted_agent.py"), agent_dir)
    for problem in os.listdir(problems):
        for checkpoint in os.listdir(os.path.join(problems, problem)):
            solution = os.path.join(problems, problem, checkpoint, "solution")
            if os.path.isdir(solution):
                shutil.copytree(solution, os.path.join(agent_dir, "solutions", problem, checkpoint))
    return os.path.join(agent_dir, "scripted_agent.py")


class RunTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.problems = os.path.join(SOURCE, "tests", "fixtures", "problems")
        self.agent = make_scripted_agent(self.tmp.name, self.problems)
        self.env = dict(os.environ)

    def tearDown(self):
        self.tmp.cleanup()

    def out(self, name="run"):
        return os.path.join(self.tmp.name, name)

    def rows(self, run_dir):
        with open(os.path.join(run_dir, "checkpoint_results.jsonl")) as handle:
            return [json.loads(line) for line in handle]

    def scripted(self, run_dir, *extra, env=None):
        return scbench("run", "--agent", "command", "--model", "scripted", "--problem", "shout", "--problems-dir",
                       self.problems, "--out", run_dir, *extra, f"command={self.agent}", env=env or self.env)

    def test_replay_of_reference_solutions_strict_solves_everything(self):
        result = scbench("run", "--agent", "replay", "--problem", "all", "--problems-dir", self.problems, "--out", self.out())
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("solve rate: strict 100.0%", result.stdout)
        all_rows = self.rows(self.out())
        self.assertEqual(sorted({r["problem"] for r in all_rows}), ["ping", "shout"])
        self.assertTrue(all(r["strict"] for r in all_rows))
        rows = [r for r in all_rows if r["problem"] == "shout"]
        self.assertEqual([r["checkpoint"] for r in rows], ["checkpoint_1", "checkpoint_2"])
        self.assertIsNone(rows[0]["delta_sloc"])
        self.assertEqual(rows[1]["regression_total"], 3)
        checkpoint = os.path.join(self.out(), "problems", "shout", "checkpoint_2")
        for name in ("prompt.md", "usage.json", "diff.json", "evaluation.json", "measure.json", "record.json"):
            self.assertTrue(os.path.exists(os.path.join(checkpoint, name)), name)
        self.assertTrue(os.path.exists(os.path.join(checkpoint, "snapshot", "shout.py")))
        with open(os.path.join(checkpoint, "prompt.md")) as handle:
            self.assertIn("The code in this directory is yours", handle.read())
        with open(os.path.join(self.out(), "summary.json")) as handle:
            summary = json.load(handle)
        self.assertEqual(summary["problems_solved"], 2)
        # Replaying the run's own snapshots judges the same trajectory again.
        again = scbench("run", "--agent", "replay", "--problem", "shout", "--problems-dir", self.problems, "--out",
                        self.out("again"), f"source={self.out()}")
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual([r["strict"] for r in self.rows(self.out("again"))], [True, True])

    def test_scripted_agent_with_a_mistake_is_judged_and_costed(self):
        env = dict(self.env, SCRIPTED_MISTAKE_AT="2")
        result = self.scripted(self.out(), env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = self.rows(self.out())
        self.assertEqual([r["strict"] for r in rows], [True, False])
        self.assertEqual(rows[1]["regression_passed"], rows[1]["regression_total"])
        self.assertLess(rows[1]["pass_rate"], 1.0)
        self.assertEqual(rows[0]["input_tokens"], 1000)
        self.assertEqual(rows[0]["steps"], 3)
        self.assertAlmostEqual(rows[0]["cost_usd"], 0.01)
        self.assertIn("solve rate: strict 50.0%", result.stdout)
        self.assertIn("0 solved, 1 partially solved", result.stdout)

    def test_timeout_is_recorded_and_the_next_checkpoint_still_runs(self):
        env = dict(self.env, SCRIPTED_SLEEP="30")
        start = time.time()
        result = self.scripted(self.out(), "--timeout", "1", env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertLess(time.time() - start, 25)
        rows = self.rows(self.out())
        self.assertEqual([r["agent_status"] for r in rows], ["timeout", "timeout"])
        self.assertTrue(rows[0]["infrastructure_failure"])  # nothing was written

    def test_step_and_cost_limits_fire(self):
        env = dict(self.env, SCRIPTED_SLEEP="20")
        steps = self.scripted(self.out("steps"), "--max-steps", "2", env=env)
        self.assertEqual(steps.returncode, 0, steps.stderr)
        self.assertEqual([r["agent_status"] for r in self.rows(self.out("steps"))], ["limit_steps", "limit_steps"])
        costly = self.scripted(self.out("cost"), "--problem-max-cost", "0.005")
        self.assertEqual(costly.returncode, 0, costly.stderr)
        self.assertEqual(len(self.rows(self.out("cost"))), 1)  # the problem stopped after spending its budget
        self.assertIn("checkpoints: 1 of 2 completed", costly.stdout)

    def test_kill_minus_nine_then_resume_keeps_completed_checkpoints_byte_for_byte(self):
        env = dict(self.env, SCRIPTED_SLEEP="1.5")
        # Killed as soon as the run exists (inside checkpoint 1), and later (inside checkpoint 2).
        for delay in (0.0, 2.5):
            run_dir = self.out(f"killed-{delay}")
            process = subprocess.Popen([SCBENCH, "run", "--agent", "command", "--model", "scripted", "--problem", "shout",
                                        "--problems-dir", self.problems, "--out", run_dir, f"command={self.agent}"],
                                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            while not os.path.exists(os.path.join(run_dir, "run.json")) and process.poll() is None:
                time.sleep(0.01)
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait()
            kept = self.completed_files(run_dir)
            resumed = scbench("run", "--resume", run_dir, env=env)
            self.assertEqual(resumed.returncode, 0, resumed.stderr)
            self.assertEqual([r["strict"] for r in self.rows(run_dir)], [True, True])
            for path, content in kept.items():
                with open(path, "rb") as handle:
                    self.assertEqual(handle.read(), content, path)

    def completed_files(self, run_dir):
        files = {}
        for checkpoint in ("checkpoint_1", "checkpoint_2"):
            directory = os.path.join(run_dir, "problems", "shout", checkpoint)
            if not os.path.exists(os.path.join(directory, "record.json")):
                continue
            for root, _, names in os.walk(directory):
                for name in names:
                    with open(os.path.join(root, name), "rb") as handle:
                        files[os.path.join(root, name)] = handle.read()
        return files

    def test_bad_input_is_refused_before_anything_is_written(self):
        cases = [
            (["run", "--agent", "hal9000", "--problem", "shout"], "unknown agent 'hal9000'"),
            (["run", "--agent", "replay", "--problem", "nope"], "no problem 'nope'"),
            (["run", "--agent", "command", "--problem", "shout"], "set the executable with command=PATH"),
            (["run", "--agent", "replay", "--problem", "shout", "--prompt", "magic"], "unknown prompt 'magic'"),
        ]
        for args, message in cases:
            result = scbench(*args, "--problems-dir", self.problems, "--out", self.out("bad"))
            self.assertEqual(result.returncode, 2, args)
            self.assertIn(message, result.stderr)
            self.assertFalse(os.path.exists(self.out("bad")), args)
        env = {k: v for k, v in os.environ.items() if k not in ("ANTHROPIC_API_KEY", "CLAUDE_CODE_OAUTH_TOKEN")}
        env["PATH"] = os.path.dirname(SCBENCH) + ":/usr/bin:/bin"
        no_model = scbench("run", "--agent", "claude-code", "--problem", "shout", "--problems-dir", self.problems,
                           "--out", self.out("bad"), env=env)
        self.assertEqual(no_model.returncode, 2)
        self.assertIn("give the model with --model", no_model.stderr)
        missing = scbench("run", "--agent", "claude-code", "--model", "claude-sonnet-4-5", "--problem", "shout",
                          "--problems-dir", self.problems, "--out", self.out("bad"), env=env)
        self.assertEqual(missing.returncode, 2)
        self.assertIn("'claude' is not installed (install it with: npm install -g @anthropic-ai/claude-code)",
                      missing.stderr)
        # One value per --problem: a setting after it stays a setting.
        unset = scbench("run", "--agent", "command", "--problem", "shout", "command=" + self.agent, "--dry-run",
                        "--problems-dir", self.problems, "--out", self.out("bad"))
        self.assertEqual(unset.returncode, 0, unset.stderr)
        self.assertIn("problem shout: 2 checkpoints", unset.stdout)

    def test_incompatible_run_directory_and_existing_run(self):
        first = scbench("run", "--agent", "replay", "--problem", "shout", "--problems-dir", self.problems, "--out", self.out())
        self.assertEqual(first.returncode, 0, first.stderr)
        again = scbench("run", "--agent", "replay", "--problem", "shout", "--problems-dir", self.problems, "--out", self.out())
        self.assertEqual(again.returncode, 2)
        self.assertIn("already holds a run", again.stderr)
        path = os.path.join(self.out(), "run.json")
        with open(path) as handle:
            config = json.load(handle)
        config["schema_version"] = 99
        with open(path, "w") as handle:
            json.dump(config, handle)
        resumed = scbench("run", "--resume", self.out())
        self.assertEqual(resumed.returncode, 2)
        self.assertIn("incompatible scbench", resumed.stderr)

    def test_dry_run_prints_the_plan_only(self):
        result = self.scripted(self.out(), "--dry-run")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("agent command:", result.stdout)
        self.assertFalse(os.path.exists(self.out()))


if __name__ == "__main__":
    SCBENCH, SOURCE = os.path.abspath(sys.argv[1]), sys.argv[2]
    unittest.main(argv=sys.argv[:1], verbosity=2)
