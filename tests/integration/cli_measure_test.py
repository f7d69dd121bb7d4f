#!/usr/bin/env python3
"""`scbench measure` as a user runs it: exit codes, output files, formats, the gate.

usage: cli_measure_test.py SCBENCH FIXTURES_DIR
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

SCBENCH = FIXTURES = None


def write_one_rule_pack(path, language, rule_id, query):
    with open(path, "w") as handle:
        handle.write(f"language: {language}\ncategory: broken\nrules:\n"
                     f"  - id: {rule_id}\n    severity: 1\n    message: m\n"
                     f"    query: {json.dumps(query)}\n")


def run(*args):
    return subprocess.run([SCBENCH, *args], capture_output=True, text=True, timeout=120)


class MeasureCommand(unittest.TestCase):
    def setUp(self):
        self.sample = os.path.join(FIXTURES, "python", "sample_project")

    def test_text_summary_lists_worst_callable(self):
        result = run("measure", self.sample)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("erosion 0.684", result.stdout)
        self.assertIn("Report.render (inventory/report.py:13-33)", result.stdout)

    def test_json_to_output_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "m.json")
            result = run("measure", self.sample, "--format", "json", "--output", out)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(result.stdout, "")
            with open(out) as handle:
                data = json.load(handle)
            self.assertEqual(data["schema"], "scbench.measure")
            self.assertEqual(data["summary"]["complexity"]["max_cc"], 14)
            self.assertEqual(os.listdir(tmp), ["m.json"])

    def test_gate_fails_with_exit_1_and_passes_with_0(self):
        failing = run("measure", self.sample, "--fail-on", "erosion>0.5", "--fail-on", "max_cc>100")
        self.assertEqual(failing.returncode, 1)
        self.assertIn("gate failed: erosion>0.5 (actual 0.68398", failing.stderr)
        self.assertNotIn("max_cc>100", failing.stderr)
        passing = run("measure", self.sample, "--fail-on", "erosion>0.9")
        self.assertEqual(passing.returncode, 0, passing.stderr)

    def test_usage_and_io_errors_exit_2(self):
        self.assertEqual(run("measure", "/no/such/path").returncode, 2)
        self.assertIn("/no/such/path", run("measure", "/no/such/path").stderr)
        self.assertEqual(run("measure", self.sample, "--fail-on", "bogus>1").returncode, 2)
        self.assertEqual(run("measure", self.sample, "--format", "xml").returncode, 2)
        self.assertEqual(run("frobnicate").returncode, 2)
        self.assertEqual(run("measure", self.sample, "--output", "/no/such/dir/out.json").returncode, 2)

    def measure_with_one_rule(self, language, rule_id, query):
        with tempfile.TemporaryDirectory() as tmp:
            write_one_rule_pack(os.path.join(tmp, "user-rules.yaml"), language, rule_id, query)
            return run("measure", self.sample, "--rules", tmp)

    def test_broken_user_rule_stops_before_measuring_even_for_an_absent_language(self):
        result = self.measure_with_one_rule("go", "go-broken", "(call_expression")
        self.assertEqual(result.returncode, 2)
        self.assertIn("user-rules.yaml: rule 'go-broken': syntax error", result.stderr)
        self.assertEqual(result.stdout, "")

    def test_user_rule_that_can_never_match_is_refused_by_tree_sitters_analysis(self):
        result = self.measure_with_one_rule("python", "py-leaf-parent", "(identifier (call)) @match")
        self.assertEqual(result.returncode, 2)
        self.assertIn("user-rules.yaml: rule 'py-leaf-parent': impossible pattern structure", result.stderr)

    def test_rules_list_show_and_test(self):
        listed = run("rules", "list", "--language", "typescript")
        self.assertEqual(listed.returncode, 0, listed.stderr)
        self.assertIn("ts-new-array", listed.stdout)
        self.assertNotIn("py-range-len", listed.stdout)
        shown = run("rules", "show", "ts-new-array")
        self.assertEqual(shown.returncode, 0, shown.stderr)
        self.assertIn("runs on:  typescript, tsx", shown.stdout)
        self.assertIn("starts:   at new_expression nodes only", shown.stdout)
        self.assertEqual(run("rules", "show", "no-such-rule").returncode, 2)
        tested = run("rules", "test")
        self.assertEqual(tested.returncode, 0, tested.stdout)
        self.assertRegex(tested.stdout, r"\d+ rules, \d+ examples: \d+ passed, 0 failed")

    def test_single_file_and_hostile_inputs(self):
        with tempfile.TemporaryDirectory() as tmp:
            big = os.path.join(tmp, "big.py")
            with open(big, "w") as handle:
                for i in range(50000):
                    handle.write(f"x{i} = {i} if y else {i + 1}\n")
            with open(os.path.join(tmp, "deep.py"), "w") as handle:
                handle.write("def f(x):\n")
                for level in range(500):
                    handle.write(" " * (level + 1) + "if x:\n")
                handle.write(" " * 501 + "pass\n")
            with open(os.path.join(tmp, "bin.py"), "wb") as handle:
                handle.write(b"\x00\x01\x02")
            os.symlink(os.path.join(tmp, "gone.py"), os.path.join(tmp, "dangling.py"))
            result = run("measure", tmp, "--format", "json")
            self.assertEqual(result.returncode, 0, result.stderr)
            data = json.loads(result.stdout)
            by_path = {f["path"]: f for f in data["files"]}
            self.assertEqual(by_path["big.py"]["lines"]["sloc"], 50000)
            self.assertEqual(by_path["deep.py"]["callables"][0]["cc"], 501)
            messages = {d["path"]: d["message"] for d in data["diagnostics"]}
            self.assertIn("binary", messages["bin.py"])
            self.assertIn("dangling", messages["dangling.py"])
            single = run("measure", big)
            self.assertEqual(single.returncode, 0, single.stderr)

    def test_file_names_and_code_that_are_not_utf8(self):
        with tempfile.TemporaryDirectory() as tmp:
            # A Latin-1 file name and a Latin-1 comment: bytes that are no UTF-8.
            with open(os.path.join(tmp.encode(), b"caf\xe9.py"), "wb") as handle:
                handle.write(b"# caf\xe9\ndef f(x):\n    if x == True:\n        return 1\n    return x\n")
            for output_format in ("json", "sarif"):
                result = subprocess.run([SCBENCH, "measure", tmp, "--format", output_format], capture_output=True,
                                        timeout=120)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn("caf\ufffd.py", json.dumps(json.loads(result.stdout.decode("utf-8")), ensure_ascii=False))


if __name__ == "__main__":
    SCBENCH, FIXTURES = sys.argv[1], sys.argv[2]
    unittest.main(argv=sys.argv[:1], verbosity=2)
