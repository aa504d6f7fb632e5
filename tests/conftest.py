from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Sequence, Type

import pytest

from tf2migrate.codemod import Codemod, Settings
from tf2migrate.results import FileResult
from tf2migrate.runner import run_text

REPO = Path(__file__).resolve().parent.parent


def rewrite(source: str, *codemods: Type[Codemod], settings: Settings = Settings()) -> FileResult:
    """Run dedented ``source`` through ``codemods`` (in the given order)."""
    return run_text(textwrap.dedent(source), codemods, settings)


def force_every_trigger(monkeypatch) -> None:
    """Every codemod runs on every file, as if its trigger always matched."""
    monkeypatch.setattr(Codemod, "is_triggered_by", classmethod(lambda cls, text: True))


def tf2_available() -> bool:
    return importlib.util.find_spec("tensorflow") is not None


requires_tf2 = pytest.mark.skipif(not tf2_available(), reason="TensorFlow 2.21 is not installed (pip install -e '.[test]')")


def run_python(
    path: Path, cwd: Path, extra_env: dict = None, timeout: int = 300, args: Sequence[str] = ()
) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONHASHSEED="0", TF_CPP_MIN_LOG_LEVEL="3", PYTHONDONTWRITEBYTECODE="1")
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, str(path), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def console_script() -> str:
    """The installed `tf2migrate` console script (tests that need it skip clearly when it is missing)."""
    found = shutil.which("tf2migrate")
    if found is None:
        pytest.skip("the tf2migrate console script is not installed (pip install -e '.[test]')")
    return found


def run_cli(
    *args: str, cwd: Path = REPO, input: str = None, prefix: Sequence[str] = ()
) -> subprocess.CompletedProcess:
    """The installed console script; ``prefix`` runs it under another command (e.g. ``setpriv``)."""
    env = dict(os.environ, NO_COLOR="1", COLUMNS="200")
    return subprocess.run(
        [*prefix, console_script(), *args], cwd=cwd, env=env, capture_output=True, text=True, input=input, timeout=300
    )


def skip_if_not_for_tf2(case: Path) -> None:
    """Golden case dirs holding a ``no_tf2_run`` file (its text: why) have an expected.py meant not to run on TF 2
    (e.g. `--fallback none` output)."""
    marker = case / "no_tf2_run"
    if marker.exists():
        pytest.skip(f"expected.py is not meant to run on TF 2: {marker.read_text(encoding='utf-8').strip()}")
