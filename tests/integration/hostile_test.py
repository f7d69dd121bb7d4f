#!/usr/bin/env python3
"""Hostile submissions and agents against `scbench eval` and `scbench run`: every attack
must fail, the verdict must be right, the time bounded, and nothing may be left on the host
(processes, temporary trees, control groups).

Each hostile submission behaves correctly only when its attack works, so a hole in the
sandbox shows up as a passing case.

usage: hostile_test.py SCBENCH SOURCE_DIR
"""
import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

SCBENCH = SOURCE = None
FIRST_SANDBOX_ID = 1_500_000_000
IDS_PER_PROCESS = 64
HOST_SERVICE_PORT = 47811  # reach_host/beacon.py tries this port


def root():
    return os.geteuid() == 0


def sandbox_ids(pid):
    block = FIRST_SANDBOX_ID + (pid % 1_000_000) * IDS_PER_PROCESS
    return range(block, block + IDS_PER_PROCESS)


def processes_of(uids):
    found = []
    for status in glob.glob("/proc/[0-9]*/status"):
        try:
            with open(status) as handle:
                for line in handle:
                    if line.startswith("Uid:") and int(line.split()[1]) in uids:
                        found.append(status.split("/")[2])
        except OSError:
            pass
    return found


def marked_processes(marker=b"scbench-hostile-daemon"):
    """Processes a hostile submission started under a name of its own, whatever their uid."""
    found = []
    for cmdline in glob.glob("/proc/[0-9]*/cmdline"):
        try:
            with open(cmdline, "rb") as handle:
                if marker in handle.read():
                    found.append(cmdline.split("/")[2])
        except OSError:
            pass
    return found


def leftovers(pid):
    """What an scbench process with this pid left behind."""
    token = "%d." % pid
    trees = glob.glob(os.path.join(tempfile.gettempdir(), "scbench-eval-" + token + "*"))
    groups = glob.glob("/sys/fs/cgroup/*/scbench/" + token + "*") + glob.glob("/sys/fs/cgroup/scbench/" + token + "*")
    deadline = time.time() + 3
    while time.time() < deadline and (processes_of(sandbox_ids(pid)) or marked_processes()):
        time.sleep(0.1)
    return {"processes": processes_of(sandbox_ids(pid)) + marked_processes(), "trees": trees, "groups": groups}


class Hostile(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        os.chmod(self.tmp.name, 0o755)
        self.fixtures = os.path.join(SOURCE, "tests", "fixtures", "hostile")
        self.problems = os.path.join(self.fixtures, "problems")

    def tearDown(self):
        self.tmp.cleanup()

    def evaluate(self, submission, problem="vault", checkpoint=1, extra=(), budget=60, pass_fds=()):
        """Runs scbench eval; returns (evaluation, seconds, leftovers)."""
        output = os.path.join(self.tmp.name, "evaluation.json")
        start = time.time()
        process = subprocess.Popen([SCBENCH, "eval", os.path.join(self.fixtures, "submissions", submission), "--problem",
                                    problem, "--checkpoint", str(checkpoint), "--problems-dir", self.problems, "-o",
                                    output, "-q", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   pass_fds=pass_fds)
        try:
            stdout, stderr = process.communicate(timeout=budget)
        except subprocess.TimeoutExpired:
            process.kill()
            self.fail("%s: scbench eval took more than %d s" % (submission, budget))
        seconds = time.time() - start
        self.assertIn(process.returncode, (0, 1), stderr)
        with open(output) as handle:
            evaluation = json.load(handle)
        return evaluation, seconds, leftovers(process.pid)

    def assertClean(self, left):
        self.assertEqual(left, {"processes": [], "trees": [], "groups": []})

    def failures(self, evaluation):
        return {t["id"]: t["failure"] for t in evaluation["tests"] if t["status"] == "failed"}

    def test_the_honest_solution_passes(self):
        evaluation, _, left = self.evaluate("../problems/vault/checkpoint_2/solution", checkpoint=2)
        self.assertTrue(evaluation["strict"], self.failures(evaluation))
        self.assertEqual(evaluation["isolation"]["level"], "strict" if root() else "reduced")
        self.assertClean(left)

    def test_the_hidden_tests_and_solutions_cannot_be_found(self):
        for submission in ("find_solutions", "replay_cases"):
            evaluation, _, left = self.evaluate(submission, checkpoint=2)
            self.assertEqual(evaluation["groups"]["core"]["passed"], 0, submission)
            self.assertFalse(evaluation["strict"], submission)
            self.assertClean(left)

    def test_output_files_are_read_without_following_links_or_waiting(self):
        with open("/etc/shadow") as handle:
            shadow = handle.read().split(":")[0] + ":" + handle.read()[:20]
        cases = {"link_to_secret": "symbolic link", "link_to_zero": "symbolic link", "fifo_output": "not a regular file"}
        for submission, reason in cases.items():
            evaluation, seconds, left = self.evaluate(submission)
            failure = self.failures(evaluation).get("word-to-a-file", "")
            self.assertIn(reason, failure, submission)
            self.assertLess(seconds, 20, submission)
            self.assertNotIn("root:", json.dumps(evaluation), submission)
            self.assertNotIn(shadow, json.dumps(evaluation), submission)
            self.assertClean(left)

    @unittest.skipUnless(root(), "quotas and a private /tmp of bounded size need root")
    def test_storage_is_bounded(self):
        for submission in ("fill_tmp", "fill_scratch"):
            evaluation, seconds, left = self.evaluate(submission)
            self.assertFalse(evaluation["strict"], submission)
            self.assertEqual(evaluation["groups"]["core"]["passed"], 0, submission)
            self.assertIn("No space left on device", self.failures(evaluation)["echo-a-word"], submission)
            self.assertLess(seconds, 40, submission)
            self.assertClean(left)

    def test_processes_memory_and_output_are_bounded(self):
        expected = {"fork_bomb": None, "huge_malloc": None, "stdout_flood": "file-size limit",
                    "stubborn_sleeper": "timed out"}
        for submission, reason in expected.items():
            evaluation, seconds, left = self.evaluate(submission)
            self.assertEqual(evaluation["groups"]["core"]["passed"], 0, submission)
            if reason:
                self.assertIn(reason, self.failures(evaluation)["echo-a-word"], submission)
            self.assertLess(seconds, 30, submission)
            self.assertClean(left)

    def test_a_daemon_does_not_outlive_its_case(self):
        for extra in ((), ("--no-sandbox",)):
            evaluation, _, left = self.evaluate("daemon", extra=extra)
            self.assertTrue(evaluation["groups"]["core"]["passed"] >= 1, extra)
            if root():
                self.assertClean(left)

    def test_no_network_no_processes_of_scbench_no_ptrace(self):
        for submission in ("egress", "spy", "ptrace_parent"):
            evaluation, _, left = self.evaluate(submission)
            self.assertEqual(evaluation["groups"]["core"]["passed"], 0, submission)
            self.assertClean(left)

    @unittest.skipUnless(root(), "a server's own network namespace needs root")
    def test_a_server_cannot_reach_a_host_service(self):
        service = socket.socket()
        service.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            service.bind(("127.0.0.1", HOST_SERVICE_PORT))
        except OSError:
            self.skipTest("port %d is busy here" % HOST_SERVICE_PORT)
        service.listen(16)
        try:
            evaluation, _, left = self.evaluate("reach_host", problem="beacon")
        finally:
            service.close()
        self.assertEqual(evaluation["isolation"]["network"], "private")
        self.assertEqual(evaluation["groups"]["core"]["passed"], 0, self.failures(evaluation))
        self.assertIn("status: expected 200 got 503", self.failures(evaluation)["core-ping-0"])
        self.assertClean(left)

    def test_a_server_that_never_answers_is_one_infrastructure_failure_in_bounded_time(self):
        # 30 cases of 2 s each: judged one by one that would take a minute.
        evaluation, seconds, left = self.evaluate("never_answers", problem="beacon")
        self.assertIn("stopped answering", evaluation["infrastructure_failure"] or "")
        self.assertEqual(sum(g["passed"] for g in evaluation["groups"].values()), 0)
        self.assertLess(seconds, 20)
        self.assertClean(left)

    def test_descriptors_scbench_inherits_do_not_reach_a_submission(self):
        # A descriptor of / left open by whatever started scbench (make, a CI runner, a shell).
        root_fd = os.open("/", os.O_RDONLY)
        try:
            evaluation, _, left = self.evaluate("fd_leak", checkpoint=2, pass_fds=(root_fd,))
        finally:
            os.close(root_fd)
        self.assertEqual(evaluation["groups"]["core"]["passed"], 0, self.failures(evaluation))
        self.assertClean(left)

    def test_setuid_bits_do_not_survive_the_copy_scbench_judges(self):
        submission = os.path.join(self.tmp.name, "submissions", "setuid")
        shutil.copytree(os.path.join(self.fixtures, "submissions", "setuid_probe"), submission)
        with open(os.path.join(submission, "tool"), "w") as handle:
            handle.write("#!/bin/sh\n")
        os.chmod(os.path.join(submission, "tool"), 0o6755)
        evaluation, _, left = self.evaluate(os.path.relpath(submission, os.path.join(self.fixtures, "submissions")))
        self.assertEqual(evaluation["groups"]["core"]["passed"], 0, self.failures(evaluation))
        self.assertClean(left)

    @unittest.skipUnless(root(), "a server's own network namespace needs root")
    def test_after_a_failed_restart_nothing_is_sent_to_the_host(self):
        service = socket.socket()
        service.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            service.bind(("127.0.0.1", 8000))
        except OSError:
            self.skipTest("port 8000 is busy here")
        service.listen(16)
        service.settimeout(0.1)
        try:
            evaluation, _, left = self.evaluate("no_second_start", problem="relay")
            try:
                connection, _ = service.accept()
                connection.close()
                reached = True
            except OSError:
                reached = False
        finally:
            service.close()
        self.assertFalse(reached, "a request meant for the sandboxed server reached the host")
        failures = self.failures(evaluation)
        self.assertEqual(sorted(failures), ["across-a-restart", "after-the-restart"])
        self.assertIn("not sent: the server is not running", failures["after-the-restart"])
        self.assertClean(left)

    def test_output_nested_a_million_levels_deep_is_a_failure_not_a_crash(self):
        evaluation, _, left = self.evaluate("deep_json", problem="beacon")
        self.assertEqual(sum(g["passed"] for g in evaluation["groups"].values()), 0)
        self.assertIn("nested deeper than", self.failures(evaluation)["core-ping-0"])
        self.assertClean(left)

    def test_kill_minus_nine_leaves_nothing_after_the_next_start(self):
        for extra in ((), ("--no-sandbox",)):
            output = os.path.join(self.tmp.name, "killed.json")
            process = subprocess.Popen([SCBENCH, "eval", os.path.join(self.fixtures, "submissions", "daemon_sleeper"),
                                        "--problem", "vault", "--checkpoint", "2", "--problems-dir", self.problems,
                                        "-o", output, *extra], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Killed once a case is running and has left its daemon.
            deadline = time.time() + 20
            while not marked_processes() and time.time() < deadline:
                time.sleep(0.02)
            process.send_signal(signal.SIGKILL)
            process.wait()
            pattern = os.path.join(tempfile.gettempdir(), "scbench-eval-%d.*" % process.pid)
            self.assertTrue(glob.glob(pattern), "the killed eval had no work tree to leave")
            # The next scbench that runs untrusted code sweeps up after the dead one.
            self.evaluate("../problems/vault/checkpoint_1/solution")
            self.assertClean(leftovers(process.pid))

    @unittest.skipUnless(root(), "agents run as an unprivileged user only when scbench is root")
    def test_an_agent_running_as_root_stays_in_its_box(self):
        run_dir = os.path.join(self.tmp.name, "run")
        # A host directory the sandbox shows read-only: writable there only if the box broke.
        target = "/usr/local/scbench-escaped-%d.txt" % os.getpid()
        planted = os.path.join(self.problems, "vault", "planted.txt")
        for path in (target, planted):
            self.addCleanup(lambda path=path: os.path.exists(path) and os.remove(path))
        env = dict(os.environ, HOSTILE_TARGET=target, HOSTILE_PROBLEMS=self.problems, HOSTILE_RUN_DIR=run_dir)
        agent = os.path.join(self.fixtures, "agents", "escape_agent.py")
        result = subprocess.run([SCBENCH, "run", "--agent", "command", "--model", "hostile", "--problem", "vault",
                                 "--problems-dir", self.problems, "--out", run_dir, "command=" + agent],
                                capture_output=True, text=True, env=env, timeout=300)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertFalse(os.path.exists(target))
        self.assertFalse(os.path.exists(os.path.join(self.problems, "vault", "planted.txt")))
        for checkpoint in ("1", "2"):
            snapshot = os.path.join(run_dir, "problems", "vault", "checkpoint_" + checkpoint, "snapshot")
            with open(os.path.join(snapshot, "report-%s.json" % checkpoint)) as handle:
                report = json.load(handle)
            self.assertNotEqual(report.pop("uid"), 0)
            for attack, outcome in report.items():
                self.assertTrue(outcome.startswith("refused"), "checkpoint %s: %s: %s" % (checkpoint, attack, outcome))
        with open(os.path.join(run_dir, "problems", "vault", "checkpoint_2", "record.json")) as handle:
            record = json.load(handle)
        self.assertTrue(record["strict"])
        self.assertEqual(record["agent_isolation"], "strict")
        with open(os.path.join(run_dir, "run.json")) as handle:
            self.assertEqual(json.load(handle)["agent_isolation"]["network"], "host")

    @unittest.skipUnless(root(), "agents run as an unprivileged user only when scbench is root")
    def test_hidden_paths_stay_hidden_however_they_are_spelled(self):
        # The agent's folder holds a copy of the problems, named through a link and relatively.
        project = os.path.join(self.tmp.name, "project")
        os.makedirs(project)
        shutil.copytree(self.problems, os.path.join(project, "problems"))
        shutil.copy(os.path.join(self.fixtures, "agents", "escape_agent.py"), project)
        os.symlink(project, os.path.join(self.tmp.name, "link"))
        elsewhere = os.path.join(self.tmp.name, "elsewhere")
        os.makedirs(elsewhere)
        run_dir = os.path.join(self.tmp.name, "run")
        env = dict(os.environ, HOSTILE_TARGET="/usr/local/scbench-escaped-%d.txt" % os.getpid(),
                   HOSTILE_PROBLEMS="../link/problems", HOSTILE_RUN_DIR=run_dir)
        result = subprocess.run([SCBENCH, "run", "--agent", "command", "--model", "hostile", "--problem", "vault",
                                 "--checkpoints", "1", "--problems-dir", "../link/problems", "--out", run_dir,
                                 "command=../link/escape_agent.py"],
                                capture_output=True, text=True, env=env, timeout=300, cwd=elsewhere)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(os.path.join(run_dir, "problems", "vault", "checkpoint_1", "snapshot", "report-1.json")) as handle:
            report = json.load(handle)
        for attack in ("list_problems", "read_solution", "read_cases"):
            self.assertTrue(report[attack].startswith("refused"), "%s: %s" % (attack, report[attack]))

    @unittest.skipUnless(root(), "workspace quotas need root")
    def test_a_workspace_made_expensive_to_copy_is_snapshotted_within_limits(self):
        run_dir = os.path.join(self.tmp.name, "run")
        agent = os.path.join(self.fixtures, "agents", "bloat_agent.py")
        result = subprocess.run([SCBENCH, "run", "--agent", "command", "--model", "hostile", "--problem", "vault",
                                 "--checkpoints", "1", "--problems-dir", self.problems, "--out", run_dir,
                                 "command=" + agent], capture_output=True, text=True, timeout=300)
        self.assertEqual(result.returncode, 0, result.stderr)
        checkpoint = os.path.join(run_dir, "problems", "vault", "checkpoint_1")
        with open(os.path.join(checkpoint, "record.json")) as handle:
            record = json.load(handle)
        self.assertIn("more than", record["snapshot_truncated"] or "")
        total = 0
        for root_dir, _, names in os.walk(os.path.join(checkpoint, "snapshot")):
            for name in names:
                info = os.lstat(os.path.join(root_dir, name))
                total += info.st_blocks * 512
                self.assertFalse(info.st_mode & 0o7000, name)
        self.assertLess(total, 600 << 20)


if __name__ == "__main__":
    SCBENCH, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    unittest.main(argv=sys.argv[:1], verbosity=2)
