#!/usr/bin/env python3
"""tf2migrate against TensorFlow's own upgrader (tf_upgrade_v2), on corpora built on the fly.

    python bench/run_benchmark.py [--rounds 3] [--files 300] [--no-upgrader] [--no-mixed] [--no-linearity]

Corpora (in a temporary directory):
- tf-dense: the golden inputs and examples/ replicated with small variations (renamed variables, a header) into
  about 300 files / 50k lines of TensorFlow 1.x + Keras 2 code;
- mixed: the same plus the Python standard library's own source tree (thousands of files without TensorFlow).

Each tool runs in a process of its own, the tools alternating round by round; the median round is reported with
wall time, files/s, lines/s and the peak RSS of the tool's main process. The floor is libcst's parse + print
of the tf-dense files in one process: the cost of the parser tf2migrate is built on. The last line holds the
ratios the targets are stated in, the mixed corpus's peak RSS, and how time grows from half of the tf-dense
files to all of them. tf_upgrade_v2 stops at the first file its parser rejects (the standard library has
`match` statements): that run is shown as crashed, and the ratio uses tf_upgrade_v2's own per-file loop with
each crash caught, in one process. Needs the test extra (tensorflow-cpu provides tf_upgrade_v2).
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


# tf_upgrade_v2's own per-file loop with each file's crash caught: its time over a corpus where the CLI stops at
# the first file its parser (pasta) rejects, e.g. a `match` statement in the standard library.
UPGRADER_PER_FILE_SCRIPT = """
import sys, pathlib
from tensorflow.tools.compatibility import ast_edits, tf_upgrade_v2
upgrader = ast_edits.ASTCodeUpgrader(tf_upgrade_v2.TFAPIChangeSpec())
source, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for path in sorted(source.rglob("*.py")):
    out = target / path.relative_to(source)
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        upgrader.process_file(str(path), str(out))
    except Exception:
        pass
"""
UPGRADER, UPGRADER_PER_FILE = "tf_upgrade_v2", "tf_upgrade_v2 per file"


@dataclass
class Run:
    wall: float
    peak_rss_mb: float
    crash: str = ""  # the last line of a tool's error output when it stopped early


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


def measure(argv: Sequence[str], cwd: Path, may_crash: bool = False) -> Run:
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
    # A dry run exits 0, or 2 when a file fails (the standard library's test data has undecodable files); a tool
    # that did not start, or crashed, exits 1.
    if proc.returncode not in (0, 2):
        stderr.seek(0)
        tail = stderr.read().decode("utf-8", "replace")[-2000:]
        if not may_crash:
            raise SystemExit(f"{' '.join(argv)} exited with {proc.returncode}:\n{tail}")
        last = [line for line in tail.splitlines() if line.strip()][-2:]
        return Run(wall, peak_kb / 1024, crash=f"exit {proc.returncode}: " + " / ".join(l.strip() for l in last))
    return Run(wall, peak_kb / 1024)


def commands(corpus: Corpus, scratch: Path, with_upgrader: bool) -> Dict[str, List[str]]:
    tf2migrate = shutil.which("tf2migrate") or sys.exit("tf2migrate is not installed (pip install -e '.[test]')")
    tools = {
        "tf2migrate --jobs 1": [tf2migrate, str(corpus.root), "--jobs", "1", "--no-color"],
        "tf2migrate (default jobs)": [tf2migrate, str(corpus.root), "--no-color"],
    }
    if with_upgrader:
        upgrader = shutil.which("tf_upgrade_v2") or sys.exit("tf_upgrade_v2 not found (pip install -e '.[test]')")
        tools[UPGRADER] = [
            upgrader, "--intree", str(corpus.root), "--outtree", str(scratch / "upgraded"),
            "--reportfile", str(scratch / "upgrade_report.txt"),
        ]
        tools[UPGRADER_PER_FILE] = [
            sys.executable, "-c", UPGRADER_PER_FILE_SCRIPT, str(corpus.root), str(scratch / "upgraded"),
        ]
    return tools


def run_corpus(corpus: Corpus, scratch: Path, rounds: int, with_upgrader: bool) -> Dict[str, Run]:
    tools = commands(corpus, scratch, with_upgrader)
    runs: Dict[str, List[Run]] = {name: [] for name in tools}
    for _ in range(rounds):
        for name, argv in tools.items():  # alternating: one run of each tool per round
            shutil.rmtree(scratch / "upgraded", ignore_errors=True)
            runs[name].append(measure(argv, scratch, may_crash=name == UPGRADER))
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
        if run.crash:
            print(f"  {'':28} ^ crashed, did not finish: {run.crash[:300]}")


def ratio(numerator: Optional[Run], results: Dict[str, Run]) -> str:
    """Against the upgrader's CLI; against its crash-tolerant per-file loop where the CLI did not finish."""
    cli = results.get(UPGRADER)
    if numerator is None or cli is None:
        return "n/a"
    if not cli.crash:
        return f"{numerator.wall / cli.wall:.3f}"
    return f"{numerator.wall / results[UPGRADER_PER_FILE].wall:.3f} (vs its per-file loop: the CLI crashed)"


def linearity(corpus: Corpus, rounds: int) -> float:
    """Time over all files / time over half of them (`--jobs 1`): 2.0 is linear."""
    tf2migrate = commands(corpus, corpus.root, False)["tf2migrate --jobs 1"]
    packages = sorted(corpus.root.iterdir())
    half = [str(p) for p in packages[: len(packages) // 2]]
    whole = _median([measure(tf2migrate, corpus.root) for _ in range(rounds)]).wall
    part = _median([measure([tf2migrate[0], *half, *tf2migrate[2:]], corpus.root) for _ in range(rounds)]).wall
    return whole / part


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--files", type=int, default=300, help="files in the tf-dense corpus")
    parser.add_argument("--no-upgrader", action="store_true", help="skip tf_upgrade_v2")
    parser.add_argument("--no-mixed", action="store_true", help="skip the mixed corpus")
    parser.add_argument("--no-linearity", dest="linearity", action="store_false",
                        help="skip timing half of the tf-dense corpus")
    args = parser.parse_args(argv)
    with_upgrader = not args.no_upgrader

    with tempfile.TemporaryDirectory(prefix="tf2migrate-bench-") as tmp:
        tmp_path = Path(tmp)
        dense = build_tf_dense(tmp_path / "tf-dense", args.files)
        floor = libcst_floor(dense, args.rounds)
        dense_results = run_corpus(dense, tmp_path, args.rounds, with_upgrader)
        report(dense, dense_results)
        print(f"  {'libcst parse+print floor':28} {floor:8.2f}")
        growth = linearity(dense, args.rounds) if args.linearity else None
        mixed_results: Dict[str, Run] = {}
        if not args.no_mixed:
            mixed = build_mixed(tmp_path / "mixed", dense)
            mixed_results = run_corpus(mixed, tmp_path, args.rounds, with_upgrader)
            report(mixed, mixed_results)

    default, single = "tf2migrate (default jobs)", "tf2migrate --jobs 1"
    mixed_rss = mixed_results[default].peak_rss_mb if default in mixed_results else None
    print(
        "\nratios: tf-dense default/upgrader {} (target <= 0.5); tf-dense jobs1/floor {:.3f} (target <= 2); "
        "mixed default/upgrader {} (target <= 0.05); mixed peak RSS {} MB (target <= 250); "
        "2x files / 1x files time {} (target <= 2.2)".format(
            ratio(dense_results.get(default), dense_results),
            dense_results[single].wall / floor,
            ratio(mixed_results.get(default), mixed_results),
            f"{mixed_rss:.0f}" if mixed_rss is not None else "n/a",
            f"{growth:.2f}" if growth is not None else "n/a",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
