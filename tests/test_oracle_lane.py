"""The golden-oracle lane: every golden input.py and example still prints its recorded output on the real
TF 1.15.5 + Keras 2.2.4 runtime, so no expected.out can drift from what TF1 really printed.

The oracle is a Python 3.7 virtual environment (tests/oracle.py); it is created on first use where a Python 3.7
interpreter is available, and the lane skips with the reason where it is not.
"""

import functools

import pytest

from tests import oracle

CASES = oracle.golden_cases()
IDS = [f"{c.parent.name}/{c.name}" for c in CASES]


@functools.lru_cache(maxsize=None)
def oracle_or_skip_reason():
    """(python, None) or (None, why the lane cannot run here)."""
    if oracle.find_python37() is None:
        return None, "no Python 3.7 here ($TF2MIGRATE_PYTHON37, python3.7 on PATH, or pyenv 3.7.x): the TF 1.15 oracle cannot run"
    python = oracle.oracle_python(create=True)
    if python is None:
        return None, f"the TF 1.15 oracle venv could not be created at {oracle.oracle_venv_dir()} (see stderr)"
    return python, None


def oracle_python():
    python, reason = oracle_or_skip_reason()
    if python is None:
        pytest.skip(reason)
    return python


@pytest.mark.oracle
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_golden_input_prints_its_expected_out_on_tf1(case):
    out = oracle.run_program(oracle_python(), "input.py", case)
    expected = (case / "expected.out").read_text(encoding="utf-8")
    assert out == expected, oracle.first_difference(expected, out)


@pytest.mark.oracle
@pytest.mark.parametrize("name", sorted(oracle.EXAMPLES))
def test_example_prints_its_recorded_output_on_tf1(name):
    out = oracle.run_example(oracle_python(), name)
    expected = (oracle.EXAMPLES_EXPECTED_DIR / f"{name}.out").read_text(encoding="utf-8")
    assert out == expected, oracle.first_difference(expected, out)


@pytest.mark.oracle
def test_tf2_left_in_this_process_does_not_reach_the_oracle(monkeypatch):
    """Importing TensorFlow 2 in the test process sets TF2_BEHAVIOR=1; TF 1.15 must not inherit it."""
    monkeypatch.setenv("TF2_BEHAVIOR", "1")
    case = CASES[0]
    out = oracle.run_program(oracle_python(), "input.py", case)
    assert out == (case / "expected.out").read_text(encoding="utf-8")
