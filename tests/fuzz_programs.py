"""Hypothesis strategies for valid Python programs, with and without TF 1.x / Keras 2 code, and the checks the
fuzz test and bench/fuzz_chain.py apply to each program run through the codemod chain.

Mixed programs are built from fragments: TF1/Keras statements and expressions placed at module level and inside
functions, methods, decorated functions, with/try/for/while/if/match blocks, comprehensions and lambdas, with
4-space or tab indentation and LF or CRLF newlines. Pure programs come from hypothesmith's grammar when it is
installed, and from the same block builder with TF-free statements otherwise.
"""

from __future__ import annotations

import enum
import warnings
from typing import List, Optional

from hypothesis import strategies as st

from tf2migrate.codemod import Codemod
from tf2migrate.results import FileResult, Status
from tf2migrate.runner import Chain, run_text

try:
    import hypothesmith
except ImportError:  # optional: the block builder covers pure Python on its own
    hypothesmith = None

# Fragments use ``tf`` and ``K``; bound here, since a codemod that adds ``import tensorflow as tf`` to a file
# where ``tf`` is a free name changes what that name means (see tests/test_fuzz_regressions.py).
REQUIRED_IMPORTS = ("import tensorflow as tf", "from keras import backend as K")
IMPORTS = (
    "import tensorflow as tf",
    "import tensorflow as tf\nimport numpy as np",
    "import keras",
    "from keras import backend as K",
    "import keras.backend as K",
    "from keras.models import Sequential, Model",
    "from keras.layers import Dense, LSTM, GRU, Input",
    "from keras.optimizers import Adam, SGD",
    "from keras.utils import to_categorical",
    "from keras.backend.tensorflow_backend import set_session",
    "from keras.layers import *",
    "from keras.callbacks import ModelCheckpoint",
    "import tensorflow.contrib.slim as slim",
)

TF_STATEMENTS = (
    "sess = tf.Session()",
    "sess = tf.InteractiveSession()",
    "config = tf.ConfigProto()",
    "config.gpu_options.allow_growth = True",
    "config.gpu_options.per_process_gpu_memory_fraction = 0.5",
    "sess = tf.Session(config=config)",
    "sess = tf.Session(config=tf.ConfigProto(log_device_placement=True))",
    "x = tf.placeholder(tf.float32, [None, 3])",
    "x = tf.placeholder(tf.float32, shape=(None, 4), name='x')",
    "K.set_session(sess)",
    "set_session(sess)",
    "K.clear_session()",
    "sess = K.get_session()",
    'tf.logging.info("x")',
    "tf.logging.set_verbosity(tf.logging.INFO)",
    'tf.logging.warn("w %d", 1)',
    'tf.app.flags.DEFINE_integer("n", 1, "")',
    'tf.flags.DEFINE_string("name", "a", "help")',
    "FLAGS = tf.app.flags.FLAGS",
    "tf.app.run()",
    "y = tf.reduce_sum(x, keep_dims=True)",
    "y = tf.reduce_mean(x, axis=1, keep_dims=False)",
    "h = tf.layers.dense(x, 3)",
    "h = tf.layers.dense(inputs=x, units=3, activation=tf.nn.relu)",
    "h = tf.layers.dropout(h, rate=0.5)",
    "h = tf.nn.dropout(h, keep_prob=0.9)",
    "init = tf.contrib.layers.xavier_initializer()",
    "v = tf.Variable(0.0)",
    "z = tf.log(v)",
    "z = tf.to_float(v)",
    "r = tf.random_normal([2, 3])",
    "tf.set_random_seed(1)",
    "tf.enable_eager_execution()",
    "tf.reset_default_graph()",
    "sess.run(tf.global_variables_initializer())",
    "out = sess.run(y, feed_dict={x: [[1.0, 2.0, 3.0]]})",
    "a, b = sess.run([y, z])",
    "print(sess.run(z))",
    "sess.close()",
    "print(z.eval())",
    'writer = tf.summary.FileWriter("logs")',
    'summary = tf.Summary(value=[tf.Summary.Value(tag="loss", simple_value=1.0)])',
    "writer.add_summary(summary, 1)",
    'tf.summary.scalar("loss", y)',
    "merged = tf.summary.merge_all()",
    "opt = tf.train.AdamOptimizer(0.1)",
    "train_op = tf.train.GradientDescentOptimizer(0.5).minimize(y)",
    "saver = tf.train.Saver()",
    "tf.add_to_collection('losses', y)",
    "w = tf.get_variable('w', shape=[3])",
    "g = tf.gradients(y, [x])",
    "model = Sequential()",
    "model.add(Dense(3, input_dim=4))",
    "model.add(Dense(output_dim=2, init='uniform'))",
    "model.add(LSTM(8))",
    "model.add(GRU(4))",
    'model.compile(optimizer=Adam(lr=0.1), loss="mse", metrics=["accuracy"])',
    'model.compile(optimizer="adagrad", loss="mse")',
    "opt = SGD(lr=0.01, decay=1e-6)",
    "model.fit_generator(gen, steps_per_epoch=1, nb_epoch=2)",
    "model.fit(x, y, nb_epoch=3)",
    "scores = model.evaluate_generator(gen, 2)",
    "classes = model.predict_classes(x)",
    "probs = model.predict_proba(x)",
    'model.save_weights("w.h5")',
    'model.load_weights("w.h5")',
    'model.save("m.h5")',
    'K.set_image_dim_ordering("th")',
    "order = K.image_dim_ordering()",
    "f = K.function([model.input], [model.output])",
    "K.set_value(v, 1.0)",
    "t = K.tf.constant(1)",
    "inp = model.input",
    "yy = to_categorical(y)",
    "m = Model(input=inp, output=h)",
    "keras.backend.set_session(sess)",
    'ckpt = ModelCheckpoint("w.h5", save_weights_only=True)',
    "net = slim.fully_connected(x, 3)",
    "tf = None",
    "del sess",
    "sess = x = tf.Session()",
    "sess: tf.Session = tf.Session()",
    "x += tf.log(v)",
    "(s := tf.Session())",
    "global sess",
)

# Expressions that go into comprehensions, lambdas, arguments and decorators.
TF_EXPRESSIONS = (
    "tf.Session()",
    "tf.placeholder(tf.float32)",
    "tf.log(i)",
    "tf.to_float(i)",
    "tf.reduce_sum(i, keep_dims=True)",
    "tf.layers.dense(i, 3)",
    "sess.run(i)",
    "K.image_dim_ordering()",
    "model.predict_classes(i)",
    "Dense(output_dim=i)",
    "tf.logging.info(i)",
    "tf.app.flags.FLAGS",
    "keras.layers.Dense(3)",
)

DECORATORS = ("@tf.function", "@tf.contrib.eager.defun", "@staticmethod", "@decorator(tf.Session())", "@K.eager")

PURE_STATEMENTS = (
    "pass",
    "a = 1",
    "print(a)",
    "a += 1",
    "assert a, 'message'",
    "a, b = b, a",
    "import os",
    "from collections import OrderedDict as OD",
    "values = [i * 2 for i in range(3) if i]",
    "mapping = {k: v for k, v in zip('ab', 'cd')}",
    "call(*args, **kwargs)",
    "result = f'{a!r:>{10}}'",
    "x = (  1 +\n    2)",
    "s = 'text' \\\n    'more'",
    "lam = lambda q, *r, **s: (q, r, s)",
    "# a comment",
    "x = 1  # trailing comment",
    "a[1:2, ::3] = b",
    "n = None if a else ...",
    "raise ValueError('x') from None",
)

# Fragments whose text mentions neither marker (the runner skips such files unparsed), so a pure program gets
# a marker that makes the whole chain parse and visit it without giving it anything to rewrite.
MARKER_COMMENTS = ("# this module does not use tensorflow", "# keras-free helpers", '"""Nothing from keras here."""')


class Outcome(enum.Enum):
    OK = "ok"
    CRASHED = "crashed"  # an exception escaped a codemod (the runner's FAILED with a traceback)
    REFUSED_VALID_INPUT = "refused"  # FAILED without a traceback on input Python itself compiles
    OUTPUT_DOES_NOT_COMPILE = "output does not compile"
    NOT_IDEMPOTENT = "not idempotent"
    CHANGED_PURE_FILE = "changed a file without TF/Keras code"
    TRIGGER_MISSED = "a codemod its trigger skipped would have acted"
    LIBCST_LIMITATION = "left as it was: libcst cannot parse or reproduce it"  # refused cleanly, not a bug here


FAILURES = frozenset(Outcome) - {Outcome.OK, Outcome.LIBCST_LIMITATION}


def compiles(text: str) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # generated code says odd things, e.g. "'int' object is not callable"
        try:
            compile(text, "<fuzz>", "exec", dont_inherit=True)
        except (SyntaxError, ValueError):
            return False
    return True


def check_program(text: str, chain: Chain, pure: bool, check_triggers: bool = False) -> Outcome:
    """Run ``text`` (which Python compiles) through the chain and classify what came back. ``check_triggers``
    also runs it with every codemod's trigger forced on, which must give the same result."""
    first = run_text(text, chain)
    problem = _failure(first)
    if problem is not None:
        return problem
    if check_triggers and _outcome(_with_every_trigger_on(text, chain)) != _outcome(first):
        return Outcome.TRIGGER_MISSED
    if pure:
        return Outcome.OK if first.status in (Status.UNCHANGED, Status.SKIPPED) else Outcome.CHANGED_PURE_FILE
    if first.status is not Status.CHANGED:
        return Outcome.OK
    assert first.new_text is not None
    if not compiles(first.new_text):
        return Outcome.OUTPUT_DOES_NOT_COMPILE
    second = run_text(first.new_text, chain)
    problem = _failure(second)
    if problem is not None:
        return problem
    return Outcome.OK if second.status is not Status.CHANGED else Outcome.NOT_IDEMPOTENT


def _with_every_trigger_on(text: str, chain: Chain) -> FileResult:
    triggers = Codemod.__dict__["is_triggered_by"]
    Codemod.is_triggered_by = classmethod(lambda cls, text: True)  # type: ignore[method-assign]
    try:
        return run_text(text, chain)
    finally:
        Codemod.is_triggered_by = triggers  # type: ignore[method-assign]


def _outcome(result: FileResult) -> tuple:
    return result.status, result.new_text, result.mode, result.findings


def _failure(result: FileResult) -> Optional[Outcome]:
    if result.status is not Status.FAILED:
        return None
    assert result.error is not None
    if result.error.traceback:
        return Outcome.CRASHED
    return Outcome.LIBCST_LIMITATION if "libcst cannot" in result.error.message else Outcome.REFUSED_VALID_INPUT


def _indent(lines: List[str], unit: str) -> List[str]:
    return [unit + line if line.strip() else line for line in lines]


@st.composite
def _body(draw, statements, expressions, depth: int, unit: str, in_function: bool) -> List[str]:
    """A list of source lines: simple statements and, while ``depth`` lasts, nested blocks."""
    lines: List[str] = []
    for _ in range(draw(st.integers(1, 4))):
        kinds = ["statement", "statement"] + (["expression"] if expressions else [])
        if depth > 0:
            kinds.append("block")
        kind = draw(st.sampled_from(kinds))
        if kind == "statement":
            lines.extend(draw(st.sampled_from(statements)).split("\n"))
        elif kind == "expression":
            lines.append(_expression_statement(draw(st.sampled_from(expressions)), draw(st.integers(0, 5))))
        else:
            lines.extend(draw(_block(statements, expressions, depth - 1, unit, in_function)))
    if in_function and draw(st.booleans()):
        lines.append(draw(st.sampled_from(("return sess", "return", "yield x", "return h"))))
    return lines


def _expression_statement(expression: str, how: int) -> str:
    return (
        f"items = [{expression} for i in range(2)]",
        f"table = {{i: {expression} for i in 'ab'}}",
        f"fn = lambda i: {expression}",
        f"call(key={expression})",
        f"value = {expression} if flag else None",
        f"total = sum({expression} for i in data)",
    )[how]


@st.composite
def _block(draw, statements, expressions, depth: int, unit: str, in_function: bool) -> List[str]:
    def body(function: bool = in_function) -> List[str]:
        return _indent(draw(_body(statements, expressions, depth, unit, function)), unit)

    kind = draw(st.integers(0, 10))
    name = f"f{draw(st.integers(0, 9))}"
    if kind == 0:
        return [f"def {name}(x, i=1, *args, **kwargs):", *body(True)]
    if kind == 1:
        decorator = draw(st.sampled_from(DECORATORS)) if expressions else "@decorator"
        return [decorator, f"def {name}(self, x=None):", *body(True)]
    if kind == 2:
        method = _indent([f"def {name}(self, x):", *body(True)], unit)
        return [f"class C{name}(object):", unit + "attribute = 1", *method]
    if kind == 3:
        manager = draw(st.sampled_from(("tf.Session() as sess", "tf.Graph().as_default()", "tf.variable_scope('s')",
                                        "tf.device('/cpu:0')", "open('f') as fh"))) if expressions else "open('f') as fh"
        return [f"with {manager}:", *body()]
    if kind == 4:
        return ["try:", *body(), "except Exception as error:", *body(), "finally:", *body()]
    if kind == 5:
        return ["for i in range(3):", *body(), "else:", *body()]
    if kind == 6:
        return ["if flag:", *body(), "elif other:", *body(), "else:", *body()]
    if kind == 7:
        return ["while flag:", *body()]
    if kind == 8:
        return ['if __name__ == "__main__":', *body()]
    if kind == 9:
        cases = _indent(["case [first, *rest]:", *body(), "case _:", *body()], unit)
        return ["match value:", *cases]
    return [f"async def {name}(x):", *body(True)]


@st.composite
def program_text(draw, statements, expressions, imports, required=()) -> str:
    unit = draw(st.sampled_from(("    ", "\t", "  ")))
    lines: List[str] = list(required)
    if imports:
        lines.extend(draw(st.lists(st.sampled_from(imports), min_size=1, max_size=4, unique=True)))
    lines.extend(draw(_body(statements, expressions, draw(st.integers(0, 3)), unit, False)))
    newline = draw(st.sampled_from(("\n", "\r\n")))
    return newline.join("\n".join(lines).split("\n")) + newline


def tf_programs() -> st.SearchStrategy[str]:
    """Valid Python mixing TF1/Keras fragments with plain statements, in every kind of block."""
    statements = TF_STATEMENTS + PURE_STATEMENTS
    return program_text(statements, TF_EXPRESSIONS, IMPORTS, REQUIRED_IMPORTS).filter(compiles)


def pure_block_programs() -> st.SearchStrategy[str]:
    """Valid Python with no TF/Keras code, with a marker comment so that the chain does parse it."""
    body = program_text(PURE_STATEMENTS, (), ()).filter(compiles)
    return st.tuples(st.sampled_from(MARKER_COMMENTS), body).map(lambda pair: pair[0] + "\n" + pair[1])


def pure_grammar_programs() -> st.SearchStrategy[str]:
    """hypothesmith's programs (Python's grammar), with a marker comment; pure block programs without it."""
    if hypothesmith is None:
        return pure_block_programs()
    marked = st.tuples(st.sampled_from(MARKER_COMMENTS), hypothesmith.from_grammar())
    return marked.map(lambda pair: pair[0] + "\n" + pair[1]).filter(_is_pure).filter(compiles)


def grammar_programs_with_tf() -> st.SearchStrategy[str]:
    """hypothesmith's programs with TF1/Keras statements before and after them."""
    if hypothesmith is None:
        return tf_programs()
    head = st.lists(st.sampled_from(IMPORTS + TF_STATEMENTS[:20]), min_size=1, max_size=4)
    tail = st.lists(st.sampled_from(TF_STATEMENTS), max_size=3)
    parts = st.tuples(head, hypothesmith.from_grammar(), tail)
    return parts.map(lambda p: "\n".join(p[0]) + "\n" + p[1] + "\n" + "\n".join(p[2]) + "\n").filter(compiles)


def _is_pure(text: str) -> bool:
    """No name a codemod could take for TF/Keras code (hypothesmith may invent ``tf`` or ``Session``)."""
    return not any(
        word in text
        for word in ("tf", "K.", "Session", "Dense", "fit_generator", "predict_classes", "predict_proba",
                     "save_weights", "load_weights", "dim_ordering", "flags", "logging", "tensorflow.", "keras.")
    )
