"""Every TensorFlow / Keras name in the migrated examples exists in TF 2.21, or the run said why not: each
reference that does not resolve (`tf2migrate verify`'s checker, tf2migrate/verify.py) is on a line the chain
reported a finding for."""

from difflib import SequenceMatcher
from pathlib import Path
from typing import Dict, List, Set

import pytest

from codemods import CHAIN
from tests.conftest import REPO, requires_tf2
from tf2migrate.runner import run_file
from tf2migrate.verify import Unresolved, check_source

EXAMPLES = REPO / "examples"


def unresolved_references(source: str) -> List[Unresolved]:
    return list(check_source(source).unresolved)
EXAMPLE_FILES = sorted(EXAMPLES.rglob("*.py"))


def original_lines(original: str, migrated: str) -> Dict[int, Set[int]]:
    """Migrated line -> the original lines it came from (a rewritten region: every line of the original
    region, since a finding may point at any of them)."""
    old, new = original.splitlines(), migrated.splitlines()
    mapping: Dict[int, Set[int]] = {}
    for tag, old_start, old_end, new_start, new_end in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        for offset in range(new_end - new_start):
            if tag == "equal":
                mapping[new_start + offset + 1] = {old_start + offset + 1}
            else:
                mapping[new_start + offset + 1] = set(range(old_start + 1, max(old_end, old_start + 1) + 1))
    return mapping


def unreported_references(path: Path, root: Path) -> List[Unresolved]:
    """The references in ``path`` migrated by the whole chain that do not resolve on TF 2.21 and that no
    finding points at."""
    result = run_file(path, root, CHAIN)
    assert result.error is None, result.error
    migrated = result.new_text if result.new_text is not None else result.old_text
    finding_lines = {finding.line for finding in result.findings}
    to_original = original_lines(result.old_text, migrated)
    return [
        ref for ref in unresolved_references(migrated)
        if not to_original.get(ref.line, {ref.line}) & finding_lines
    ]


def test_there_are_examples():
    assert len(EXAMPLE_FILES) >= 5


@requires_tf2
@pytest.mark.tf2
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_migrated_example_names_resolve_or_are_reported(path):
    assert unreported_references(path, EXAMPLES) == []


@requires_tf2
@pytest.mark.tf2
def test_an_unreported_broken_name_is_caught_and_a_reported_one_is_not(tmp_path):
    program = tmp_path / "program.py"
    program.write_text(
        "import tensorflow as tf\n"
        "import keras\n"
        "from keras.utils import multi_gpu_model\n"  # no Keras 3 home: kept, and reported
        "x = tf.this_name_does_not_exist\n"  # nothing in the chain knows it: unreported
        "y = keras.utils.multi_gpu_model\n"
    )
    assert [(ref.line, ref.name) for ref in unreported_references(program, tmp_path)] == [
        (4, "tensorflow.this_name_does_not_exist")
    ]


@requires_tf2
@pytest.mark.tf2
def test_resolver_finds_broken_names_and_accepts_good_ones():
    source = (
        "import tensorflow as tf\n"
        "from tensorflow import keras\n"
        "from tensorflow.keras import backend as K\n"
        "from tensorflow.keras.layers import Dense, Merge\n"
        "import keras.layers.merge\n"
        "sess = tf.Session()\n"
        "gpus = tf.config.list_physical_devices('GPU')\n"
        "layer = keras.layers.merge.Concatenate()\n"
        "K.get_session()\n"
        "K.epsilon()\n"
        "shape = tf.keras.layers.Dense(2)(x).shape.whatever\n"
        "fit = tf.keras.Model.fit\n"
        "nothing = tf.keras.Model.no_such_method\n"
        "dtype = tf.float32.as_numpy_dtype\n"
    )
    assert [(ref.line, ref.name) for ref in unresolved_references(source)] == [
        (4, "tensorflow.keras.layers.Merge"),
        (5, "keras.layers.merge"),
        (6, "tensorflow.Session"),
        (8, "keras.layers.merge.Concatenate"),
        (9, "tensorflow.keras.backend.get_session"),
        (13, "tensorflow.keras.Model.no_such_method"),
    ]


def test_line_mapping_points_rewritten_lines_at_their_original_region():
    original = "a\nb\nc\nd\n"
    migrated = "a\nB1\nB2\nd\n"
    assert original_lines(original, migrated) == {1: {1}, 2: {2, 3}, 3: {2, 3}, 4: {4}}
