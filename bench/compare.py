#!/usr/bin/env python3
"""Times scbench against its peers on one corpus, in one run, and prints ratios.

usage: bench/compare.py [--corpus DIR] [--build DIR] [--repeat N]

Every tool is run --repeat times, the tools taking turns round after round (a first round
warms the page cache); its median and its best wall time are reported, and every ratio is
printed from both, as is the median CPU time (every thread, user and system). On a shared
machine the best time is the steadier estimate of what a tool costs: a neighbour's load
only ever adds time.

Peers: radon cc (complexity only); jscpd 5 (clones only, a native binary; its default
exact-token mode and its renamed-identifier mode, the one closest to ours); tree-sitter's
pure parse of the same files on the same worker pool (bench/parse_only), which bounds what
any tree-sitter based analysis can reach. For context, jscpd 4.3.0, the JavaScript
implementation, is timed once after the rounds. Both jscpd versions come from
bench/peers/package-lock.json. scbench measure computes complexity, clones, slop rules and
waste signals in one pass.
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_once(command):
    """Wall seconds and CPU seconds (user and system, every thread and child) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed(command, repeat):
    return statistics.median(wall for wall, _ in timed_together({"": command}, repeat)[""])


def timed_together(commands, repeat):
    """(wall, cpu) seconds of each command, one pair per round. The commands take turns,
    round after round, so that a slow spell of a shared machine hits every tool alike."""
    samples = {name: [] for name in commands}
    for round_index in range(repeat + 1):  # round 0 warms the page cache and is dropped
        for name, command in commands.items():
            measured = run_once(command)
            if round_index > 0:
                samples[name].append(measured)
    return samples


def print_ratios(label, times):
    """The issues' targets, from one statistic (median or best) of every tool's times."""
    parse = times["tree-sitter parse only"]
    radon = times["radon cc (json)"]
    # Issue 2's analysis (complexity, lines, mass, erosion; clones and waste signals come
    # along) against radon, which computes complexity only.
    core = times["scbench measure, no rules"]
    print(f"{label}, without rules: radon / scbench {radon / core:5.2f}x (target >= 4), "
          f"scbench / parse only {core / parse:5.2f}x (target <= 1.5)")
    # Everything at once: complexity, clones, every shipped rule pack, waste signals.
    full = times["scbench measure (json)"]
    print(f"{label}, with all rules: radon / scbench {radon / full:5.2f}x, "
          f"jscpd / scbench {times['jscpd (exact tokens)'] / full:5.2f}x "
          f"(renamed-ids mode {times['jscpd (renamed ids)'] / full:.2f}x; target > 1), "
          f"scbench / parse only {full / parse:5.2f}x (target <= 1.5)")


def package_version(node_modules, package):
    with open(os.path.join(node_modules, package, "package.json"), encoding="utf-8") as handle:
        return json.load(handle)["version"]


def count_lines(corpus):
    files = lines = 0
    for directory, _, names in os.walk(corpus):
        for name in names:
            if name.endswith(".py"):
                files += 1
                with open(os.path.join(directory, name), "rb") as handle:
                    lines += handle.read().count(b"\n")
    return files, lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="/usr/lib/python3.11")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--language-corpus", action="append", default=[], metavar="LANG=DIR",
                        help="also report scbench throughput on DIR (repeatable), e.g. go=/usr/lib/go-1.19/src")
    args = parser.parse_args()

    scbench = os.path.join(args.build, "src", "cli", "scbench")
    parse_only = os.path.join(args.build, "bench", "parse_only")
    for tool in (scbench, parse_only):
        if not os.path.exists(tool):
            sys.exit(f"compare.py: {tool} not found; build first (scripts/build.sh build)")
    if shutil.which("radon") is None:
        sys.exit("compare.py: radon not found (Debian package 'radon')")
    peers = os.path.join(ROOT, "bench", "peers", "node_modules")
    # Both packages declare the bin name `jscpd`, so each runs by its own entry point.
    jscpd = ["node", os.path.join(peers, "jscpd", "run-jscpd.js")]
    jscpd_js = ["node", os.path.join(peers, "jscpd-js", "bin", "jscpd")]
    if not all(os.path.exists(command[1]) for command in (jscpd, jscpd_js)):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=os.path.dirname(peers),
                       check=True)
    print(f"peers: jscpd {package_version(peers, 'jscpd')} (native), "
          f"jscpd {package_version(peers, 'jscpd-js')} (JavaScript, timed once for context)")

    files, lines = count_lines(args.corpus)
    print(f"corpus {args.corpus}: {files} Python files, {lines} lines; {os.cpu_count()} cores; "
          f"{args.repeat} rounds")
    runs = {
        "tree-sitter parse only": [parse_only, args.corpus],
        "scbench measure, no rules": [scbench, "measure", args.corpus, "--format", "json", "--no-builtin-rules"],
        "scbench measure (json)": [scbench, "measure", args.corpus, "--format", "json"],
        "radon cc (json)": ["radon", "cc", "-j", args.corpus],
        "jscpd (exact tokens)": jscpd + ["-f", "python", "-r", "silent", args.corpus],
        "jscpd (renamed ids)": jscpd + ["-f", "python", "--ignore-identifiers", "-r", "silent", args.corpus],
    }
    samples = timed_together(runs, args.repeat)
    medians = {name: statistics.median(wall for wall, _ in values) for name, values in samples.items()}
    bests = {name: min(wall for wall, _ in values) for name, values in samples.items()}
    cpu = {name: statistics.median(seconds for _, seconds in values) for name, values in samples.items()}
    print(f"  {'':<28} {'median':>8}   {'best':>8}   {'cpu':>8}   klines/s (median)")
    for name in runs:
        print(f"  {name:<28} {medians[name]:8.3f} s {bests[name]:8.3f} s {cpu[name]:8.3f} s "
              f"{lines / medians[name] / 1000:9.0f}")
    print_ratios("median", medians)
    print_ratios("best  ", bests)
    # CPU time is the work done, whatever the neighbours: the cost of the analysis on top
    # of the parse, on the same number of threads.
    parse_cpu = cpu["tree-sitter parse only"]
    print(f"cpu time, scbench / parse only: without rules {cpu['scbench measure, no rules'] / parse_cpu:.2f}x, "
          f"with all rules {cpu['scbench measure (json)'] / parse_cpu:.2f}x")
    javascript, _ = run_once(jscpd_js + ["-f", "python", "-r", "silent", args.corpus])
    print(f"context: jscpd {package_version(peers, 'jscpd-js')} (JavaScript, exact tokens) {javascript:.3f} s, "
          f"{javascript / medians['scbench measure (json)']:.1f}x the median time of scbench with all rules")
    report_language_throughput(scbench, args.language_corpus, args.repeat)


def report_language_throughput(scbench, corpora, repeat):
    """Per-language throughput: lines measured per second, from scbench's own line counts."""
    if not corpora:
        return
    print("throughput per language (scbench measure, every core)")
    for item in corpora:
        language, _, directory = item.partition("=")
        out = subprocess.run([scbench, "measure", directory, "--format", "json"], capture_output=True, text=True)
        if out.returncode != 0:
            print(f"  {language:<12} failed: {out.stderr.strip()[:200]}")
            continue
        summary = json.loads(out.stdout)["summary"]
        seconds = timed([scbench, "measure", directory, "--format", "json"], repeat)
        lines = summary["lines"]["total"]
        print(f"  {language:<12} {summary['files']:>6} files {lines:>9} lines {seconds:7.3f} s "
              f"{lines / seconds / 1000:8.0f} klines/s  parse errors {summary['parse_errors']}")


if __name__ == "__main__":
    main()
