from codemods.tf1_leftovers_to_compat_v1 import Tf1LeftoversToCompatV1
from tests.conftest import rewrite
from tf2migrate.codemod import FallbackMode, Settings
from tf2migrate.results import Mode, Severity, Status

NONE = Settings(fallback=FallbackMode.NONE)


def convert(source, settings=Settings()):
    return rewrite(source, Tf1LeftoversToCompatV1, settings=settings)


def assert_idempotent(text):
    again = convert(text)
    assert again.status is Status.UNCHANGED, again.new_text


def test_graph_program_gets_compat_names_and_graph_mode_after_the_tf_imports():
    result = convert(
        """\
        import numpy as np
        import tensorflow as tf
        import os

        x = tf.placeholder(tf.float32, shape=[None, 1])
        w = tf.Variable(tf.zeros([1, 1]))
        loss = tf.reduce_sum(tf.matmul(x, w))
        train_op = tf.train.AdamOptimizer(0.1).minimize(loss)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            print(sess.run(loss, feed_dict={x: np.ones([2, 1])}))
        """
    )
    assert result.new_text == (
        "import numpy as np\n"
        "import tensorflow as tf\n"
        "import os\n"
        "tf.compat.v1.disable_eager_execution()\n\n"
        "x = tf.compat.v1.placeholder(tf.float32, shape=[None, 1])\n"
        "w = tf.Variable(tf.zeros([1, 1]))\n"
        "loss = tf.reduce_sum(tf.matmul(x, w))\n"
        "train_op = tf.compat.v1.train.AdamOptimizer(0.1).minimize(loss)\n"
        "with tf.compat.v1.Session() as sess:\n"
        "    sess.run(tf.compat.v1.global_variables_initializer())\n"
        "    print(sess.run(loss, feed_dict={x: np.ones([2, 1])}))\n"
    )
    assert result.mode is Mode.COMPAT
    assert_idempotent(result.new_text)


def test_insertion_follows_docstring_and_future_imports():
    result = convert(
        '''\
        """Module docstring."""
        from __future__ import absolute_import, print_function

        import tensorflow as tf

        ph = tf.placeholder(tf.float32)
        '''
    )
    assert result.new_text == (
        '"""Module docstring."""\n'
        "from __future__ import absolute_import, print_function\n\n"
        "import tensorflow as tf\n"
        "tf.compat.v1.disable_eager_execution()\n\n"
        "ph = tf.compat.v1.placeholder(tf.float32)\n"
    )
    assert_idempotent(result.new_text)


def test_other_alias_plain_import_and_import_in_try():
    result = convert(
        """\
        try:
            import tensorflow as tfx
        except ImportError:
            tfx = None
        g = tfx.get_default_graph()
        """
    )
    assert result.new_text == (
        "try:\n"
        "    import tensorflow as tfx\n"
        "except ImportError:\n"
        "    tfx = None\n"
        "tfx.compat.v1.disable_eager_execution()\n"
        "g = tfx.compat.v1.get_default_graph()\n"
    )
    plain = convert("import tensorflow\nsaver = tensorflow.train.Saver()\n")
    assert plain.new_text == (
        "import tensorflow\ntensorflow.compat.v1.disable_eager_execution()\n"
        "saver = tensorflow.compat.v1.train.Saver()\n"
    )


def test_v1_only_names_without_graph_constructs_get_the_prefix_but_stay_eager():
    result = convert(
        """\
        import tensorflow as tf
        tf.set_random_seed(0)
        print(tf.constant(1.0))
        """
    )
    assert result.new_text == "import tensorflow as tf\ntf.compat.v1.set_random_seed(0)\nprint(tf.constant(1.0))\n"
    [finding] = result.findings
    assert "eager mode" in finding.message and finding.related == ((2, "tf.set_random_seed"),)
    assert result.mode is Mode.COMPAT


def test_from_imports_of_v1_names_become_compat_attributes_and_the_import_goes():
    result = convert(
        """\
        import tensorflow as tf
        from tensorflow import placeholder as ph, constant
        from tensorflow.train import GradientDescentOptimizer

        x = ph(tf.float32)
        opt = GradientDescentOptimizer(0.5)
        c = constant(1.0)
        def f(ph):
            return ph
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n"
        "from tensorflow import constant\n"
        "tf.compat.v1.disable_eager_execution()\n\n"
        "x = tf.compat.v1.placeholder(tf.float32)\n"
        "opt = tf.compat.v1.train.GradientDescentOptimizer(0.5)\n"
        "c = constant(1.0)\n"
        "def f(ph):\n"
        "    return ph\n"
    )


def test_compat_v1_module_alias_gets_graph_mode_in_its_own_spelling():
    result = convert(
        """\
        import tensorflow.compat.v1 as tf
        x = tf.placeholder(tf.float32)
        """
    )
    assert result.new_text == (
        "import tensorflow.compat.v1 as tf\ntf.disable_eager_execution()\nx = tf.placeholder(tf.float32)\n"
    )
    already = convert("import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\nx = tf.placeholder(tf.float32)\n")
    assert already.status is Status.UNCHANGED and already.mode is Mode.COMPAT
    assert "the file disables eager execution itself" in already.findings[0].message


def test_compat_v1_module_alias_becomes_tensorflow_when_nothing_needs_tf1():
    result = convert(
        """\
        import tensorflow.compat.v1 as tf
        print(tf.reduce_sum(tf.constant([1, 2])).numpy())
        """
    )
    assert result.new_text == "import tensorflow as tf\nprint(tf.reduce_sum(tf.constant([1, 2])).numpy())\n"
    assert result.mode is None
    [finding] = result.findings
    assert finding.severity is Severity.INFO and finding.line == 1
    assert_idempotent(result.new_text)


def test_compat_v1_module_alias_stays_when_graph_mode_is_asked_for_or_a_v1_name_is_used():
    for body in ("tf.disable_v2_behavior()\n", "tf.set_random_seed(1)\n"):
        result = convert("import tensorflow.compat.v1 as tf\n" + body)
        assert result.new_text is None and result.mode is Mode.COMPAT, body


def test_graph_constructs_other_than_names():
    result = convert(
        """\
        import tensorflow as tf
        x = tf.constant(1.0)
        sess = tf.InteractiveSession()
        print(x.eval())
        with tf.Graph().as_default():
            pass
        """
    )
    assert result.new_text.splitlines()[1] == "tf.compat.v1.disable_eager_execution()"
    [finding] = result.findings
    assert [what for _, what in finding.related] == ["tf.InteractiveSession*", "Tensor.eval()*", "tf.Graph().as_default()*"]


def test_no_graph_mode_and_no_change_for_tf2_code():
    source = """\
        import tensorflow as tf
        x = tf.constant([1.0, 2.0])
        print(tf.reduce_sum(x).numpy(), tf.train.Checkpoint, tf.compat.v1)
        model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
        result = df.eval("a + b")
        """
    result = convert(source)
    assert result.status is Status.UNCHANGED and result.findings == () and result.mode is None


def test_layers_contrib_keras_and_tutorials_are_never_prefixed():
    source = """\
        import tensorflow as tf
        from tensorflow.examples.tutorials.mnist import input_data
        from tensorflow.contrib import slim

        mnist = input_data.read_data_sets("/tmp/mnist", one_hot=True)
        h = tf.layers.dense(mnist, 3)
        h = tf.contrib.layers.flatten(h)
        h = tf.compat.v1.layers.dense(h, 2)
        k = tf.compat.v1.keras.layers.Dense(2)
        ok = tf.keras.layers.Dense(2)
        """
    result = convert(source)
    assert result.status is Status.UNCHANGED
    warnings = [(f.line, f.message.split("`")[1]) for f in result.findings if f.severity is Severity.WARNING]
    assert warnings == [
        (2, "tensorflow.examples.tutorials.mnist"),
        (3, "tensorflow.contrib"),
        (6, "tf.layers.dense"),
        (7, "tf.contrib.layers.flatten"),
        (8, "tf.compat.v1.layers.dense"),
        (9, "tf.compat.v1.keras.layers.Dense"),
    ]
    tutorials = result.findings[0]
    assert "tf.keras.datasets.mnist" in tutorials.suggestion and "784" in tutorials.suggestion


def test_fallback_none_changes_nothing_and_lists_what_will_fail():
    source = """\
        import tensorflow as tf
        tf.set_random_seed(1)
        x = tf.placeholder(tf.float32)
        with tf.Session() as sess:
            print(sess.run(x, feed_dict={x: 2.0}))
        """
    result = convert(source, NONE)
    assert result.status is Status.UNCHANGED and result.mode is Mode.TF1
    [finding] = result.findings
    assert finding.severity is Severity.WARNING and finding.line == 2
    assert "--fallback none" in finding.message and "--fallback compat" in finding.suggestion
    assert finding.related == (
        (2, "tf.set_random_seed"),
        (3, "tf.placeholder*"),
        (4, "tf.Session*"),
        (5, "feed_dict=*"),
    )
    assert finding.text().endswith("tf.set_random_seed (line 2), tf.placeholder* (line 3), tf.Session* (line 4), feed_dict=* (line 5)")


def test_fallback_none_on_a_file_already_in_compat_graph_mode_reports_nothing():
    result = convert("import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\nx = tf.placeholder(tf.float32)\n", NONE)
    assert result.findings == () and result.mode is Mode.COMPAT


def test_one_finding_lists_every_construct_with_lines_and_what_to_do():
    result = convert(
        """\
        import tensorflow as tf
        from keras.models import Sequential

        v = tf.get_variable("v", [1])
        tf.add_to_collection("extra", v)
        print(tf.get_collection("extra"))
        model = Sequential()
        """
    )
    [finding] = result.findings
    assert finding.line == 4 and finding.severity is Severity.WARNING
    assert "tf.compat.v1.disable_eager_execution()" in finding.message
    assert finding.related == ((4, "tf.get_variable*"), (5, "tf.add_to_collection*"), (6, "tf.get_collection*"))
    assert "Keras 3 does not run with eager execution disabled" in finding.suggestion
    assert "GradientTape" in finding.suggestion


def test_findings_point_at_the_original_lines_after_earlier_codemods():
    from codemods.remove_session_scaffolding import RemoveSessionScaffolding

    result = rewrite(
        """\
        import tensorflow as tf
        from keras import backend as K
        sess = tf.Session()
        K.set_session(sess)
        x = tf.placeholder(tf.float32)
        """,
        RemoveSessionScaffolding,
        Tf1LeftoversToCompatV1,
    )
    [finding] = [f for f in result.findings if f.codemod == Tf1LeftoversToCompatV1.NAME]
    assert finding.line == 5 and finding.related == ((5, "tf.placeholder*"),)
