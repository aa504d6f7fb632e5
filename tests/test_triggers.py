"""Triggers only save time: a codemod skipped because its trigger is absent from the text would have changed and
reported nothing. Checked by running every golden input and example twice, once with every trigger forced on,
and comparing the two results: text, mode and findings."""

from pathlib import Path

import pytest

from codemods import CHAIN
from tests.conftest import REPO, force_every_trigger
from tests.test_golden import CASES, IDS, case_settings
from tf2migrate.codemod import Settings
from tf2migrate.runner import run_file

EXAMPLES = sorted((REPO / "examples").rglob("*.py"))
INPUTS = [(case / "input.py", case_settings(case)) for case in CASES] + [(p, Settings()) for p in EXAMPLES]
INPUT_IDS = IDS + [str(p.relative_to(REPO)) for p in EXAMPLES]


def outcome(path: Path, settings: Settings) -> tuple:
    result = run_file(path, path.parent, CHAIN, settings)
    return result.status, result.new_text, result.mode, result.findings, result.error


@pytest.mark.parametrize("path, settings", INPUTS, ids=INPUT_IDS)
def test_a_skipped_codemod_would_have_done_nothing(path: Path, settings: Settings, monkeypatch):
    with_triggers = outcome(path, settings)
    force_every_trigger(monkeypatch)
    assert outcome(path, settings) == with_triggers


def test_triggers_skip_something(monkeypatch):
    """The property above must be able to fail: the triggers skip codemods on these inputs."""
    skipped = 0
    for path, _ in INPUTS:
        text = path.read_text(encoding="utf-8")
        skipped += sum(not codemod.is_triggered_by(text) for codemod in CHAIN)
    assert skipped > len(INPUTS)
