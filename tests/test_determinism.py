"""Two runs over the same files report the same thing: findings are named in source order, not in the order
libcst's scope metadata (sets of nodes, ordered by memory address) happens to hold them."""

import json
import shutil
from pathlib import Path

from tests.conftest import run_cli

REPO = Path(__file__).resolve().parent.parent
# Programs with several sessions, several blocking uses of one name, and graph programs kept for the fallback.
CASE_DIRS = ("remove_session_scaffolding", "graph_programs_to_eager_functions", "tf1_leftovers_to_compat_v1")


def report(tmp_path: Path, run: int) -> list:
    path = tmp_path / f"report{run}.json"
    proc = run_cli("--jobs", "1", "--report", str(path), str(tmp_path / "project"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return [(f["path"], f["status"], f["findings"]) for f in json.loads(path.read_text())["files"]]


def test_two_runs_report_the_same_findings(tmp_path):
    project = tmp_path / "project"
    for name in CASE_DIRS:
        for case in sorted((REPO / "golden" / name).iterdir()):
            target = project / name / f"{case.name}.py"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(case / "input.py", target)
    first, second = report(tmp_path, 1), report(tmp_path, 2)
    assert sum(len(findings) for _, _, findings in first) > 20
    assert first == second
