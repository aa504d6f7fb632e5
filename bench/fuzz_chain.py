#!/usr/bin/env python3
"""The nightly fuzz run: thousands of generated programs through the whole codemod chain.

    python bench/fuzz_chain.py [--examples 2000] [--seed 0] [--failures DIR]

Four families (tests/fuzz_programs.py): TF1/Keras fragments in every kind of block; the same with hypothesmith's
programs between TF1 statements; pure Python from the block builder and from hypothesmith's grammar (each with a
marker comment so that the chain parses it). ``--examples`` is split over the families. Each program must come
back without a crash or a refusal, as Python that compiles, unchanged by a second run, with the same result
when every codemod's trigger is forced on, and, when pure, byte-identical. Prints the counts per family and exits 1 if any program failed a check; ``--failures DIR``
keeps each failing program there.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Dict, List, Tuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

from codemods import CHAIN  # noqa: E402
from tests import fuzz_programs as programs  # noqa: E402

FAMILIES: Dict[str, Tuple[Callable, bool]] = {  # name -> (strategy, pure)
    "tf-blocks": (programs.tf_programs, False),
    "tf-grammar": (programs.grammar_programs_with_tf, False),
    "pure-blocks": (programs.pure_block_programs, True),
    "pure-grammar": (programs.pure_grammar_programs, True),
}


def run_family(name: str, examples: int, run_seed: int) -> Tuple[Counter, List[Tuple[programs.Outcome, str]]]:
    strategy, pure = FAMILIES[name]
    tally: Counter = Counter()
    failures: List[Tuple[programs.Outcome, str]] = []

    @seed(run_seed)
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy())
    def check(text: str) -> None:
        outcome = programs.check_program(text, CHAIN, pure, check_triggers=not pure)
        tally[outcome] += 1
        if outcome in programs.FAILURES:
            failures.append((outcome, text))

    check()
    return tally, failures


def keep(failures: List[Tuple[programs.Outcome, str]], directory: Path, family: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for i, (outcome, text) in enumerate(failures):
        slug = outcome.name.lower()
        (directory / f"{family}-{i:03d}-{slug}.py").write_bytes(text.encode("utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=2000, help="programs in all, split over the families")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--failures", type=Path, help="write each failing program into this directory")
    args = parser.parse_args()

    per_family = max(1, args.examples // len(FAMILIES))
    total: Counter = Counter()
    print(f"hypothesmith: {'yes' if programs.hypothesmith else 'no (block builder only)'}; seed {args.seed}")
    for name in FAMILIES:
        start = time.perf_counter()
        tally, failures = run_family(name, per_family, args.seed)
        total.update(tally)
        counts = ", ".join(f"{outcome.value} {n}" for outcome, n in sorted(tally.items(), key=lambda kv: kv[0].name))
        print(f"{name:<13} {sum(tally.values()):>5} programs in {time.perf_counter() - start:6.1f}s: {counts}")
        if failures and args.failures:
            keep(failures, args.failures, name)
    bad = sum(n for outcome, n in total.items() if outcome in programs.FAILURES)
    print(
        f"total {sum(total.values())} programs: "
        f"crashed {total[programs.Outcome.CRASHED]}, "
        f"refused valid input {total[programs.Outcome.REFUSED_VALID_INPUT]}, "
        f"output does not compile {total[programs.Outcome.OUTPUT_DOES_NOT_COMPILE]}, "
        f"non-idempotent {total[programs.Outcome.NOT_IDEMPOTENT]}, "
        f"changed pure files {total[programs.Outcome.CHANGED_PURE_FILE]}, "
        f"trigger missed {total[programs.Outcome.TRIGGER_MISSED]}; "
        f"left alone for a libcst limitation {total[programs.Outcome.LIBCST_LIMITATION]}"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
