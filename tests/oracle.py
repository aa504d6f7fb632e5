#!/usr/bin/env python3
"""The TF 1.15 oracle: the legacy runtime the golden and example programs were written for.

Every golden case ``golden/<codemod>/<case>/`` holds ``input.py`` (a legacy program for
TensorFlow 1.15 + standalone Keras 2.2.4), ``expected.py`` (the same program after the whole
codemod chain) and ``expected.out`` (the stdout of ``input.py`` on the oracle).  The rewritten
program must print exactly ``expected.out`` on TensorFlow 2.21.

The oracle is a Python 3.7 virtual environment (TensorFlow 1.15 has no wheels for newer
Pythons), at ``$TF2MIGRATE_ORACLE_VENV`` or ``~/.cache/tf2migrate/oracle-py37``.

Importable (``find_python37``, ``oracle_python``, ``run_program``, ``run_module``...) and a script::

    python tests/oracle.py record [CASE_DIR ...]   # (re)record expected.out (default: all golden cases)
    python tests/oracle.py check  [CASE_DIR ...]   # re-run and report mismatches (exit 1 on any)
    python tests/oracle.py record --examples       # same for tests/data/examples_expected/*.out
    python tests/oracle.py check --examples
    python tests/oracle.py setup                   # create the oracle venv if it is missing

Add ``--create`` to ``record``/``check`` to create the venv when it is missing.
"""
from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = REPO_ROOT / "golden"
EXAMPLES_DIR = REPO_ROOT / "examples"
EXAMPLES_EXPECTED_DIR = REPO_ROOT / "tests" / "data" / "examples_expected"

#: What the oracle venv holds; installed with ``pip install`` into a fresh Python 3.7 venv.
ORACLE_REQUIREMENTS = ["tensorflow==1.15.5", "keras==2.2.4", "h5py<3", "protobuf<3.21"]
DEFAULT_ORACLE_VENV = Path.home() / ".cache" / "tf2migrate" / "oracle-py37"
TIMEOUT_S = 300

#: Entry points of examples/, run with cwd examples/: name -> argv after the interpreter.
#: The name is also the stem of the recorded output in tests/data/examples_expected/.
EXAMPLES: Dict[str, List[str]] = {
    "gpu_keras_classifier": ["gpu_keras_classifier.py"],
    "session_script": ["session_script.py"],
    "legacy_pkg.train": ["-m", "legacy_pkg.train"],
    "linear_regression_graph": ["linear_regression_graph.py"],
    "tensor_stats": ["tensor_stats.py"],
}


class ProgramFailed(RuntimeError):
    """A program exited non-zero (or timed out); the message ends with the tail of its stderr."""


# --------------------------------------------------------------------------- interpreters

def _is_executable(path: Optional[str]) -> bool:
    return bool(path) and os.path.isfile(path) and os.access(path, os.X_OK)


def _pyenv_roots() -> List[str]:
    roots: List[str] = []
    pyenv = shutil.which("pyenv")
    if pyenv:
        try:
            out = subprocess.run(
                [pyenv, "root"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                universal_newlines=True, timeout=30, check=False,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out:
            roots.append(out)
    if os.environ.get("PYENV_ROOT"):
        roots.append(os.environ["PYENV_ROOT"])
    roots.append(os.path.expanduser("~/.pyenv"))
    seen: List[str] = []
    for root in roots:
        if root not in seen:
            seen.append(root)
    return seen


def find_python37() -> Optional[str]:
    """A Python 3.7 interpreter: ``$TF2MIGRATE_PYTHON37``, ``python3.7`` on PATH, or a pyenv 3.7.x."""
    env = os.environ.get("TF2MIGRATE_PYTHON37")
    if env:
        return env if _is_executable(env) else None
    on_path = shutil.which("python3.7")
    # A pyenv shim is on PATH even when 3.7 is not the selected version, and then it exits 127: try it first.
    if on_path and _runs(on_path):
        return on_path
    for root in _pyenv_roots():
        # Newest patch release first (3.7.17 before 3.7.9).
        candidates = glob.glob(os.path.join(root, "versions", "3.7*", "bin", "python3.7"))
        candidates.sort(key=_version_key, reverse=True)
        for cand in candidates:
            if _is_executable(cand):
                return cand
    return None


def _runs(python: str) -> bool:
    try:
        return subprocess.run([python, "-c", "pass"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              timeout=60, check=False).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _version_key(path: str) -> Tuple[int, ...]:
    name = Path(path).parent.parent.name  # e.g. "3.7.16"
    parts = []
    for piece in name.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else -1)
    return tuple(parts)


def oracle_venv_dir() -> Path:
    env = os.environ.get("TF2MIGRATE_ORACLE_VENV")
    return Path(env).expanduser() if env else DEFAULT_ORACLE_VENV


def _venv_python(venv: Path) -> Path:
    return venv / "bin" / "python"


def oracle_python(create: bool = False) -> Optional[str]:
    """The oracle venv's python, or None when it is unavailable.

    With ``create`` a missing venv is created with
    ``python3.7 -m venv DIR && DIR/bin/pip install tensorflow==1.15.5 keras==2.2.4 'h5py<3' 'protobuf<3.21'``
    (needs Python 3.7, see :func:`find_python37`, and access to PyPI); when that fails it
    returns None and removes the venv it started.
    """
    venv = oracle_venv_dir()
    python = _venv_python(venv)
    if _is_executable(str(python)) and _oracle_works(str(python)):
        return str(python)
    if not create:
        return None
    py37 = find_python37()
    if py37 is None:
        return None
    created = False
    try:
        if not _is_executable(str(python)):
            venv.parent.mkdir(parents=True, exist_ok=True)
            created = not venv.exists()
            subprocess.run([py37, "-m", "venv", str(venv)], check=True, timeout=600)
        # An existing but broken venv is repaired in place, never deleted.
        subprocess.run([str(python), "-m", "pip", "install", *ORACLE_REQUIREMENTS],
                       check=True, timeout=3600)
    except (OSError, subprocess.SubprocessError) as exc:
        print("tf2migrate oracle: could not create %s: %s" % (venv, exc), file=sys.stderr)
        if created:
            shutil.rmtree(str(venv), ignore_errors=True)
        return None
    _WORKING.pop(str(python), None)
    return str(python) if _oracle_works(str(python)) else None


_WORKING: Dict[str, bool] = {}


def _oracle_works(python: str) -> bool:
    """Whether ``python`` imports tensorflow and keras (cached per interpreter path)."""
    if python not in _WORKING:
        _WORKING[python] = _imports_ok(python)
    return _WORKING[python]


def _imports_ok(python: str) -> bool:
    try:
        proc = subprocess.run(
            [python, "-c", "import tensorflow, keras"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=_program_env(False), timeout=TIMEOUT_S, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return proc.returncode == 0


# --------------------------------------------------------------------------- running programs

# Importing TensorFlow 2 sets these in its process (a test run imports it); a TF 1.15 child that inherits
# TF2_BEHAVIOR=1 runs eagerly and fails on the first placeholder.
_TF2_IMPORT_LEFTOVERS = ("TF2_BEHAVIOR", "TPU_ML_PLATFORM", "TPU_ML_PLATFORM_VERSION", "HDF5_PLUGIN_PATH")


def _program_env(hide_gpus: bool, extra_env: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _TF2_IMPORT_LEFTOVERS}
    env["PYTHONHASHSEED"] = "0"
    env["TF_CPP_MIN_LOG_LEVEL"] = "3"
    env["PYTHONIOENCODING"] = "utf-8"
    # Running examples/legacy_pkg must not leave __pycache__ in the repository.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if hide_gpus:
        env["CUDA_VISIBLE_DEVICES"] = ""
    if extra_env:
        env.update(extra_env)
    return env


def _run(python: str, argv: Sequence[str], cwd, hide_gpus: bool,
         timeout: float, extra_env: Optional[Mapping[str, str]]) -> str:
    cmd = [str(python), *[str(a) for a in argv]]
    try:
        proc = subprocess.run(
            cmd, cwd=str(cwd), env=_program_env(hide_gpus, extra_env),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ProgramFailed("%s timed out after %ss (cwd %s)%s"
                            % (" ".join(cmd), timeout, cwd, _tail(exc.stderr))) from None
    if proc.returncode != 0:
        raise ProgramFailed("%s exited with %d (cwd %s)%s"
                            % (" ".join(cmd), proc.returncode, cwd, _tail(proc.stderr)))
    return proc.stdout.decode("utf-8")


def _tail(stderr, lines: int = 30) -> str:
    if not stderr:
        return ""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    return "\n--- stderr (tail) ---\n" + "\n".join(text.rstrip().splitlines()[-lines:])


def run_program(python: str, path, cwd, hide_gpus: bool = False, *,
                timeout: float = TIMEOUT_S, extra_env: Optional[Mapping[str, str]] = None) -> str:
    """Run ``python path`` with ``cwd``; return its stdout, raise :class:`ProgramFailed` on failure.

    The environment is the caller's plus ``PYTHONHASHSEED=0``, ``TF_CPP_MIN_LOG_LEVEL=3``,
    ``PYTHONIOENCODING=utf-8``, ``PYTHONDONTWRITEBYTECODE=1`` and, with ``hide_gpus``,
    ``CUDA_VISIBLE_DEVICES=""``.
    """
    return _run(python, [str(path)], cwd, hide_gpus, timeout, extra_env)


def run_module(python: str, module: str, cwd, hide_gpus: bool = False, *,
               timeout: float = TIMEOUT_S, extra_env: Optional[Mapping[str, str]] = None) -> str:
    """Like :func:`run_program` for ``python -m module`` (the package must be importable from cwd)."""
    return _run(python, ["-m", module], cwd, hide_gpus, timeout, extra_env)


def run_example(python: str, name: str, examples_dir=EXAMPLES_DIR, hide_gpus: bool = False, *,
                timeout: float = TIMEOUT_S) -> str:
    """Run the example entry point ``name`` (a key of :data:`EXAMPLES`) with cwd ``examples_dir``."""
    return _run(python, EXAMPLES[name], examples_dir, hide_gpus, timeout, None)


# --------------------------------------------------------------------------- golden cases

def golden_cases(root: Path = GOLDEN_DIR) -> List[Path]:
    """Every ``golden/<codemod>/<case>/`` directory holding an ``input.py``, sorted."""
    return sorted(p.parent for p in root.glob("*/*/input.py"))


def _targets(args: argparse.Namespace) -> List[Tuple[str, object]]:
    """(label, target) pairs: a golden case dir, or an example name."""
    if args.examples:
        names = args.targets or sorted(EXAMPLES)
        unknown = [n for n in names if n not in EXAMPLES]
        if unknown:
            raise SystemExit("unknown example(s): %s (known: %s)"
                             % (", ".join(unknown), ", ".join(sorted(EXAMPLES))))
        return [("examples/" + n, n) for n in names]
    dirs = [Path(t).resolve() for t in args.targets] if args.targets else golden_cases()
    out = []
    for d in dirs:
        if not (d / "input.py").is_file():
            raise SystemExit("not a golden case (no input.py): %s" % d)
        out.append((_rel(d), d))
    return out


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def _expected_path(target) -> Path:
    if isinstance(target, Path):
        return target / "expected.out"
    return EXAMPLES_EXPECTED_DIR / (target + ".out")


def _run_target(python: str, target, hide_gpus: bool) -> str:
    if isinstance(target, Path):
        return run_program(python, "input.py", target, hide_gpus)
    return run_example(python, target, hide_gpus=hide_gpus)


def first_difference(expected: str, actual: str) -> str:
    exp_lines, act_lines = expected.splitlines(True), actual.splitlines(True)
    for i in range(max(len(exp_lines), len(act_lines))):
        e = exp_lines[i] if i < len(exp_lines) else "<end of output>"
        a = act_lines[i] if i < len(act_lines) else "<end of output>"
        if e != a:
            return "line %d:\n  expected: %r\n  actual:   %r" % (i + 1, e, a)
    return "(outputs differ)"


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command")
    for name, help_ in (("record", "(re)record expected outputs on the oracle"),
                        ("check", "re-run on the oracle and report mismatches")):
        p = sub.add_parser(name, help=help_)
        p.add_argument("targets", nargs="*",
                       help="golden case dirs (default: all), or example names with --examples")
        p.add_argument("--examples", action="store_true",
                       help="the examples/ entry points instead of golden cases")
        p.add_argument("--create", action="store_true", help="create the oracle venv if missing")
        p.add_argument("--hide-gpus", action="store_true", help='run with CUDA_VISIBLE_DEVICES=""')
    sub.add_parser("setup", help="create the oracle venv if it is missing")
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2

    python = oracle_python(create=args.command == "setup" or args.create)
    if python is None:
        print("tf2migrate oracle: unavailable (no venv at %s; python3.7: %s). "
              "Run `python tests/oracle.py setup`."
              % (oracle_venv_dir(), find_python37() or "not found"), file=sys.stderr)
        return 2
    print("oracle: %s" % python)
    if args.command == "setup":
        return 0

    failures = 0
    targets = _targets(args)
    for label, target in targets:
        expected_path = _expected_path(target)
        try:
            out = _run_target(python, target, args.hide_gpus)
        except ProgramFailed as exc:
            failures += 1
            print("FAIL    %s: %s" % (label, exc))
            continue
        if args.command == "record":
            old = expected_path.read_bytes().decode("utf-8") if expected_path.exists() else None
            expected_path.parent.mkdir(parents=True, exist_ok=True)
            expected_path.write_bytes(out.encode("utf-8"))
            state = "new" if old is None else ("unchanged" if old == out else "changed")
            print("recorded %s -> %s (%d lines, %s)"
                  % (label, _rel(expected_path), len(out.splitlines()), state))
        else:
            if not expected_path.exists():
                failures += 1
                print("MISSING %s: no %s" % (label, _rel(expected_path)))
                continue
            expected = expected_path.read_bytes().decode("utf-8")
            if expected == out:
                print("ok      %s" % label)
            else:
                failures += 1
                print("DIFF    %s: %s" % (label, first_difference(expected, out)))
    print("%d target(s), %d problem(s)" % (len(targets), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
