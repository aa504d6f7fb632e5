"""Property-based: generated programs through the whole chain. No exception escapes a codemod, the output
compiles, a second run changes nothing, and a file without TF/Keras code comes back byte-identical.

Deterministic (``derandomize``) and a few hundred programs in all; ``FUZZ_EXAMPLES=N`` runs N per property.
bench/fuzz_chain.py is the long, seeded run.
"""

import os

import libcst as cst
from hypothesis import HealthCheck, given, settings

from codemods import CHAIN
from tests import fuzz_programs as programs
from tf2migrate.codemod import Codemod
from tf2migrate.results import Status
from tf2migrate.runner import run_text


def fuzz_settings(default: int):
    return settings(
        max_examples=int(os.environ.get("FUZZ_EXAMPLES", default)),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


def assert_ok(text: str, pure: bool) -> None:
    outcome = programs.check_program(text, CHAIN, pure, check_triggers=not pure)
    assert outcome not in programs.FAILURES, f"{outcome.value}:\n{text}"


@fuzz_settings(120)
@given(programs.tf_programs())
def test_tf1_fragments_in_every_kind_of_block(text):
    assert_ok(text, pure=False)


@fuzz_settings(60)
@given(programs.grammar_programs_with_tf())
def test_grammar_programs_around_tf1_statements(text):
    assert_ok(text, pure=False)


@fuzz_settings(60)
@given(programs.pure_block_programs())
def test_programs_without_tf_come_back_byte_identical(text):
    assert_ok(text, pure=True)


@fuzz_settings(40)
@given(programs.pure_grammar_programs())
def test_grammar_programs_without_tf_come_back_byte_identical(text):
    assert_ok(text, pure=True)


def test_string_optimizer_next_to_tf_layers_is_migrated_in_one_run():
    """Found by the fuzzer, fixed by the chain order: contrib-and-tf-layers-to-tf-keras used to write
    `tf.keras.layers.Dense` before optimizer-lr-to-learning-rate looked, which then saw "both standalone Keras and
    tf.keras" and left "adagrad" for a second run."""
    text = (
        "import tensorflow as tf\nfrom keras.callbacks import ModelCheckpoint\n"
        'model.compile(optimizer="adagrad", loss="mse")\nh = tf.layers.dense(x, 3)\n'
    )
    first = run_text(text, CHAIN)
    assert first.status is Status.CHANGED
    assert run_text(first.new_text, CHAIN).status is Status.UNCHANGED


class AppendsAStatement(Codemod):
    NAME = "appends-a-statement"
    TRIGGERS = ("keras", "tensorflow")

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        return tree.with_changes(body=[*tree.body, cst.parse_statement("pass\n")])


class TriggersOnAWordItDoesNotNeed(Codemod):
    NAME = "triggers-on-a-word-it-does-not-need"
    TRIGGERS = ("keras",)

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.Name:
        return updated_node.with_changes(value="tf") if updated_node.value == "tensorflow" else updated_node


class Crashes(Codemod):
    NAME = "crashes"
    TRIGGERS = ("tensorflow",)

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        raise RuntimeError("boom")


def test_the_checks_can_fail():
    """A codemod that changes pure files, is not idempotent, raises, or is skipped where it would act is caught
    by the same checks."""
    assert programs.check_program("# keras-free helpers\nx = 1\n", (AppendsAStatement,), pure=True) is (
        programs.Outcome.CHANGED_PURE_FILE
    )
    assert programs.check_program("import tensorflow as tf\n", (AppendsAStatement,), pure=False) is (
        programs.Outcome.NOT_IDEMPOTENT
    )
    assert programs.check_program("import tensorflow as tf\n", (Crashes,), pure=False) is programs.Outcome.CRASHED
    assert programs.check_program("x = tensorflow\n", (TriggersOnAWordItDoesNotNeed,), False, check_triggers=True) is (
        programs.Outcome.TRIGGER_MISSED
    )


def test_keras_backend_tf_alias_is_migrated_in_one_run():
    """Found by the fuzzer, fixed by the chain order: keras-backend-graph-symbols-to-tf2 turns `K.tf` into `tf`;
    tf1-symbols-to-tf2 used to run before it, leaving `tf.log` (an AttributeError on TF 2.21) for a second run."""
    first = run_text("import tensorflow as tf\nfrom keras import backend as K\nx = K.tf.log(1.0)\n", CHAIN)
    assert first.new_text == "import tensorflow as tf\nx = tf.math.log(1.0)\n"


def test_adding_the_tensorflow_import_does_not_change_what_a_second_run_does():
    """Found by the fuzzer: `tf` used without an import (e.g. from a star import) is not TensorFlow to the chain;
    optimizer-lr-to-learning-rate used to import tensorflow as `tf`, and the next run rewrote `tf.to_float`. Now no
    codemod imports TensorFlow under a name the module already uses (TracksImports.tensorflow_name): it is
    imported as plain `tensorflow`, and `tf` keeps its meaning."""
    text = "from keras.optimizers import SGD\nopt = SGD(lr=0.01, decay=1e-6)\nx = tf.to_float(1)\n"
    first = run_text(text, CHAIN)
    assert "import tensorflow\n" in first.new_text and "x = tf.to_float(1)\n" in first.new_text
    assert run_text(first.new_text, CHAIN).status is Status.UNCHANGED


def test_session_rebound_after_a_removed_with_block_is_handled_in_one_run():
    """Found by the fuzzer: remove-session-scaffolding used to unwrap `with tf.Session() as sess:` but keep the
    later `sess = tf.Session()` ("the name is assigned more than once", counting the with-binding it had just
    removed); the fallback then spelled it tf.compat.v1.Session, and the next run removed it. Now every session of
    a name a session is assigned to more than once is kept, the `with` one included, on every run."""
    text = "import tensorflow as tf\nwith tf.Session() as sess:\n    y = 1\nsess = tf.Session()\n"
    first = run_text(text, CHAIN)
    assert "with tf.compat.v1.Session() as sess:\n" in first.new_text
    assert run_text(first.new_text, CHAIN).status is Status.UNCHANGED


def test_graph_mode_is_set_in_the_run_that_adds_the_tensorflow_import():
    """Found by the fuzzer: tf1-leftovers-to-compat-v1 adds `import tensorflow as tf` for a free `sess.run(...,
    feed_dict=...)`, and used to disable eager execution only on the next run, once that import was there."""
    first = run_text("import keras\n\nout = sess.run(y, feed_dict={x: [[1.0]]})\n", CHAIN)
    assert "tf.compat.v1.disable_eager_execution()" in first.new_text
    assert run_text(first.new_text, CHAIN).status is Status.UNCHANGED


def test_nested_with_sessions_of_one_name_are_handled_in_one_run():
    """Found by the fuzzer: the outer `with tf.Session() as sess:` was kept (its name is bound again inside),
    the inner one unwrapped, and the next run then removed the outer one. Both are kept now."""
    text = "import tensorflow as tf\nwith tf.Session() as sess:\n    with tf.Session() as sess:\n        y = 1\n"
    first = run_text(text, CHAIN)
    assert first.new_text.count("Session()") == 2
    assert run_text(first.new_text, CHAIN).status is Status.UNCHANGED


def test_graph_mode_follows_an_import_added_to_a_file_without_tensorflow_imports():
    """Found by the fuzzer: with no TensorFlow import at all, tf1-leftovers-to-compat-v1 found nothing to put
    `disable_eager_execution()` after in the run that added `import tensorflow as tf`."""
    text = "from keras.backend.tensorflow_backend import set_session\n\nout = sess.run(y, feed_dict={x: [[1.0]]})\n"
    first = run_text(text, CHAIN)
    assert "import tensorflow as tf\n\ntf.compat.v1.disable_eager_execution()\n" in first.new_text
    assert run_text(first.new_text, CHAIN).status is Status.UNCHANGED
