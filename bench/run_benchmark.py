#!/usr/bin/env python3
"""tf2migrate against TensorFlow's own upgrader (tf_upgrade_v2), on corpora built on the fly.

    python bench/run_benchmark.py [--rounds 3] [--files 300] [--no-upgrader] [--no-mixed]

Corpora (in a temporary directory):
- tf-dense: the golden inputs and examples/ replicated with small variations (renamed variables, a header) into
  about 300 files / 50k lines of TensorFlow 1.x + Keras 2 code;
- mixed: the same plus the Python standard library's own source tree (thousands of files without TensorFlow).

Each tool runs in a process of its own, the tools alternating round by round; the median round is reported with
wall time, files/s, lines/s and the peak RSS of the tool's main process. The floor is libcst's parse + print
of the tf-dense files in one process: the cost of the parser tf2migrate is built on. The last line holds the
ratios the targets are stated in. Needs the test extra (tensorflow-cpu provides tf_upgrade_v2).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

REPO = Path(__file__).resolve().parent.parent
TARGET_LINES_PER_FILE = 167  # 300 files x 167 lines ~ 50k lines
RENAMED = ("model", "history", "x", "y", "score")
QUIET_TF = {"TF_CPP_MIN_LOG_LEVEL": "3", "NO_COLOR": "1"}

FLOOR_SCRIPT = """
import sys, time, pathlib, libcst
files = [p for p in pathlib.Path(sys.argv[1]).rglob("*.py")]
start = time.perf_counter()
for p in files:
    text = p.read_text(encoding="utf-8")
    assert libcst.parse_module(text).code == text
print(time.perf_counter() - start)
"""


@dataclass
class Corpus:
    name: str
    root: Path
    files: int
    lines: int


@dataclass
class Run:
    wall: float
    peak_rss_mb: float


def legacy_programs() -> List[str]:
    sources = sorted(REPO.glob("golden/*/*/input.py")) + sorted((REPO / "examples").rglob("*.py"))
    return [p.read_text(encoding="utf-8") for p in sources]


def variant(text: str, index: int) -> str:
    """The same program with some variable names suffixed: the same shapes, other text. Keyword arguments
    (`fit(x=...)`) and attributes (`.x`) keep their names."""

    def rename(match: "re.Match[str]") -> str:
        before = text[: match.start()].rstrip()
        keyword = re.match(r"\s*=(?!=)", text[match.end():]) and before.endswith(("(", ","))
        return match.group(0) if keyword else f"{match.group(0)}_{index}"

    pattern = re.compile(r"(?<![\w.])(?:%s)\b" % "|".join(RENAMED))
    return f"# variant {index}\n" + pattern.sub(rename, text)


def build_tf_dense(root: Path, files: int) -> Corpus:
    programs = legacy_programs()
    root.mkdir(parents=True)
    total_lines = 0
    cursor = 0
    for index in range(files):
        parts: List[str] = []
        lines = 0
        while lines < TARGET_LINES_PER_FILE:
            text = variant(programs[cursor % len(programs)], index)
            cursor += 1
            parts.append(text)
            lines += text.count("\n")
        package = root / f"pkg{index % 10}"
        package.mkdir(exist_ok=True)
        (package / f"module_{index}.py").write_text("\n".join(parts), encoding="utf-8")
        total_lines += lines
    return Corpus("tf-dense", root, files, total_lines)


def build_mixed(root: Path, tf_dense: Corpus) -> Corpus:
    shutil.copytree(tf_dense.root, root / "project")
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    ignore = shutil.ignore_patterns("site-packages", "__pycache__", "*.pyc", "*.so")
    shutil.copytree(stdlib, root / "stdlib", ignore=ignore, symlinks=True)
    files = lines = 0
    for path in root.rglob("*.py"):
        if path.is_file() and not path.is_symlink():
            files += 1
            lines += path.read_bytes().count(b"\n")
    return Corpus("mixed", root, files, lines)


def measure(argv: Sequence[str], cwd: Path) -> Run:
    """Wall time and peak RSS (VmHWM) of the process itself, sampled until it exits."""
    env = dict(os.environ, **QUIET_TF)
    start = time.perf_counter()
    stderr = tempfile.TemporaryFile()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    peak_kb = 0
    status = Path(f"/proc/{proc.pid}/status")
    while proc.poll() is None:
        try:
            match = re.search(r"VmHWM:\s+(\d+)", status.read_text())
            peak_kb = max(peak_kb, int(match.group(1))) if match else peak_kb
        except OSError:
            pass
        time.sleep(0.02)
    wall = time.perf_counter() - start
    # A dry run exits 0 (2 when a file fails, which the corpora must not hold); a tool that did not start exits 1.
    if proc.returncode != 0:
        stderr.seek(0)
        tail = stderr.read().decode("utf-8", "replace")[-2000:]
        raise SystemExit(f"{' '.join(argv)} exited with {proc.returncode}:\n{tail}")
    return Run(wall, peak_kb / 1024)


def commands(corpus: Corpus, scratch: Path, with_upgrader: bool) -> Dict[str, List[str]]:
    tf2migrate = shutil.which("tf2migrate") or sys.exit("tf2migrate is not installed (pip install -e '.[test]')")
    tools = {
        "tf2migrate --jobs 1": [tf2migrate, str(corpus.root), "--jobs", "1", "--no-color"],
        "tf2migrate (default jobs)": [tf2migrate, str(corpus.root), "--no-color"],
    }
    if with_upgrader:
        upgrader = shutil.which("tf_upgrade_v2") or sys.exit("tf_upgrade_v2 not found (pip install -e '.[test]')")
        tools["tf_upgrade_v2"] = [
            upgrader, "--intree", str(corpus.root), "--outtree", str(scratch / "upgraded"),
            "--reportfile", str(scratch / "upgrade_report.txt"),
        ]
    return tools


def run_corpus(corpus: Corpus, scratch: Path, rounds: int, with_upgrader: bool) -> Dict[str, Run]:
    tools = commands(corpus, scratch, with_upgrader)
    runs: Dict[str, List[Run]] = {name: [] for name in tools}
    for _ in range(rounds):
        for name, argv in tools.items():  # alternating: one run of each tool per round
            shutil.rmtree(scratch / "upgraded", ignore_errors=True)
            runs[name].append(measure(argv, scratch))
    return {name: _median(found) for name, found in runs.items()}


def _median(runs: List[Run]) -> Run:
    ordered = sorted(runs, key=lambda r: r.wall)
    return ordered[len(ordered) // 2]


def libcst_floor(corpus: Corpus, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        out = subprocess.run([sys.executable, "-c", FLOOR_SCRIPT, str(corpus.root)],
                             capture_output=True, text=True, check=True).stdout
        times.append(float(out.strip()))
    return statistics.median(times)


def report(corpus: Corpus, results: Dict[str, Run]) -> None:
    print(f"\n{corpus.name}: {corpus.files} files, {corpus.lines} lines")
    print(f"  {'tool':28} {'wall s':>8} {'files/s':>9} {'lines/s':>10} {'peak RSS MB':>12}")
    for name, run in results.items():
        print(f"  {name:28} {run.wall:8.2f} {corpus.files / run.wall:9.0f} {corpus.lines / run.wall:10.0f} "
              f"{run.peak_rss_mb:12.0f}")


def ratio(numerator: Optional[Run], denominator: Optional[Run]) -> str:
    if numerator is None or denominator is None:
        return "n/a"
    return f"{numerator.wall / denominator.wall:.3f}"


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--files", type=int, default=300, help="files in the tf-dense corpus")
    parser.add_argument("--no-upgrader", action="store_true", help="skip tf_upgrade_v2")
    parser.add_argument("--no-mixed", action="store_true", help="skip the mixed corpus")
    args = parser.parse_args(argv)
    with_upgrader = not args.no_upgrader

    with tempfile.TemporaryDirectory(prefix="tf2migrate-bench-") as tmp:
        tmp_path = Path(tmp)
        dense = build_tf_dense(tmp_path / "tf-dense", args.files)
        floor = libcst_floor(dense, args.rounds)
        dense_results = run_corpus(dense, tmp_path, args.rounds, with_upgrader)
        report(dense, dense_results)
        print(f"  {'libcst parse+print floor':28} {floor:8.2f}")
        mixed_results: Dict[str, Run] = {}
        if not args.no_mixed:
            mixed = build_mixed(tmp_path / "mixed", dense)
            mixed_results = run_corpus(mixed, tmp_path, args.rounds, with_upgrader)
            report(mixed, mixed_results)

    default, single = "tf2migrate (default jobs)", "tf2migrate --jobs 1"
    upgrader = "tf_upgrade_v2"
    print(
        "\nratios: tf-dense default/upgrader {} (target <= 0.5); tf-dense jobs1/floor {:.3f} (target <= 2); "
        "mixed default/upgrader {} (target <= 0.05)".format(
            ratio(dense_results.get(default), dense_results.get(upgrader)),
            dense_results[single].wall / floor,
            ratio(mixed_results.get(default), mixed_results.get(upgrader)),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
