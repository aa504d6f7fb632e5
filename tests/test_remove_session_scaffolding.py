from textwrap import dedent

from codemods.remove_session_scaffolding import (
    KERAS_GET_SESSION,
    RESET_DEFAULT_GRAPH,
    SESSIONS,
    TF_BACKEND_CLEAR_SESSION,
    RemoveSessionScaffolding,
)
from tests.conftest import rewrite
from tf2migrate.results import Status


def remove(source):
    return rewrite(source, RemoveSessionScaffolding)


def test_session_only_handed_to_keras_is_removed_with_its_import():
    result = remove(
        """\
        import tensorflow as tf
        from keras.backend.tensorflow_backend import set_session
        from keras.models import Sequential

        sess = tf.Session()
        set_session(sess)
        model = Sequential()
        sess.close()
        """
    )
    assert result.new_text == "from keras.models import Sequential\n\nmodel = Sequential()\n"
    assert result.findings == ()


def test_k_set_session_keeps_k_when_k_is_still_used():
    result = remove(
        """\
        import tensorflow as tf
        from keras import backend as K
        sess = tf.InteractiveSession()
        K.set_session(sess)
        K.clear_session()
        """
    )
    assert result.new_text == "from keras import backend as K\nK.clear_session()\n"


def test_inline_set_session_of_a_bare_session_is_removed():
    result = remove(
        """\
        import tensorflow as tf
        import keras.backend.tensorflow_backend as KTF
        def main():
            KTF.set_session(tf.Session())
        """
    )
    assert result.new_text == "def main():\n    pass\n"


def test_tensorflow_backend_clear_session_moves_to_tf_keras():
    result = remove(
        """\
        import tensorflow as tf
        import keras.backend.tensorflow_backend as KTF
        KTF.clear_session()
        """
    )
    assert result.new_text == "import tensorflow as tf\ntf.keras.backend.clear_session()\n"


def test_tf_keras_and_compat_set_session_forms():
    result = remove(
        """\
        import tensorflow as tf
        s = tf.compat.v1.Session()
        tf.compat.v1.keras.backend.set_session(s)
        print(tf.constant(1))
        """
    )
    assert result.new_text == "import tensorflow as tf\nprint(tf.constant(1))\n"


def test_session_handed_to_keras_and_fetching_a_constant_is_removed():
    result = remove(
        """\
        import tensorflow as tf
        from keras import backend as K
        sess = tf.Session()
        K.set_session(sess)
        print(sess.run(tf.constant(1)))
        """
    )
    assert result.new_text == "import tensorflow as tf\nprint(tf.constant(1).numpy())\n"
    assert result.findings == ()


def test_session_whose_run_feeds_a_placeholder_is_kept_with_a_finding():
    source = """\
        import tensorflow as tf
        x = tf.placeholder(tf.float32)
        sess = tf.Session()
        print(sess.run(x * 2, feed_dict={x: 1.0}))
        """
    result = remove(source)
    assert result.status is Status.UNCHANGED
    assert [(f.line, f.codemod) for f in result.findings] == [(4, "remove-session-scaffolding")]
    assert "`sess`" in result.findings[0].message and "feed_dict" in result.findings[0].message


def test_session_with_arguments_is_kept_with_a_finding():
    result = remove("import tensorflow as tf\nsess = tf.Session(config=cfg)\n")
    assert result.status is Status.UNCHANGED
    assert [f.line for f in result.findings] == [2]


def test_comments_above_removed_statements_survive():
    result = remove(
        """\
        import tensorflow as tf
        from keras import backend as K
        # keras needs a session
        sess = tf.Session()
        K.set_session(sess)  # register it
        x = K.constant(1.0)
        """
    )
    assert result.new_text == dedent(
        """\
        from keras import backend as K
        # keras needs a session
        # register it
        x = K.constant(1.0)
        """
    )


def test_no_session_is_a_no_op():
    result = remove("import tensorflow as tf\nprint(tf.constant(1))\n")
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_with_session_only_handed_to_keras_is_unwrapped_with_its_comments():
    result = remove(
        """\
        import tensorflow as tf
        from keras import backend as K

        # one session for the whole program
        with tf.Session() as sess:  # GPU session
            K.set_session(sess)
            if True:
                x = K.constant(1.0)
            # done
        print("after")
        """
    )
    assert result.new_text == dedent(
        """\
        from keras import backend as K

        # one session for the whole program
        # GPU session
        if True:
            x = K.constant(1.0)
        # done
        print("after")
        """
    )


def test_with_session_that_runs_a_state_changing_op_is_kept_and_reported():
    source = """\
        import tensorflow as tf
        v = tf.Variable(0)
        step = tf.assign_add(v, 1)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            for _ in range(3):
                sess.run(step)
            print(sess.run(v))
        """
    result = remove(source)
    assert result.status is Status.UNCHANGED
    [finding] = result.findings
    assert finding.line == 7 and "kept" in finding.message and "line 7: `sess.run(step)`" in finding.message
    assert "tf.assign_add" in finding.message


def test_session_factory_only_handed_to_keras_loses_its_return():
    result = remove(
        """\
        import tensorflow as tf
        import keras.backend.tensorflow_backend as KTF

        def get_session(fraction=0.3):
            \"\"\"A session for Keras.\"\"\"
            return tf.Session()

        KTF.set_session(get_session(0.5))  # share the GPU
        """
    )
    assert result.new_text == dedent(
        """\

        def get_session(fraction=0.3):
            \"\"\"A session for Keras.\"\"\"

        get_session(0.5)  # share the GPU
        """
    )
    assert [(f.line, f.severity.value) for f in result.findings] == [(4, "info")]


def test_session_factory_whose_session_is_used_is_kept_and_reported():
    source = """\
        import tensorflow as tf
        from keras import backend as K

        def get_session():
            return tf.Session()

        K.set_session(get_session())
        sess = get_session()
        """
    result = remove(source)
    assert result.status is Status.UNCHANGED
    [finding] = result.findings
    assert finding.line == 8 and "returned by `get_session()`" in finding.message


def test_sess_run_fetches_become_numpy_values():
    result = remove(
        """\
        import numpy as np
        import tensorflow as tf

        a = tf.constant([[1.0, 2.0]])
        b = tf.constant(np.ones((2, 1), dtype="float32"))
        c = tf.matmul(a, b) + 1
        sess = tf.compat.v1.Session()
        sess.run(c)
        a_val, b_val = sess.run([a, b])
        print(sess.run((a, b)), sess.run({"c": c}), sess.run(a * 2)[0])
        sess.close()
        """
    )
    assert result.new_text == dedent(
        """\
        import numpy as np
        import tensorflow as tf

        a = tf.constant([[1.0, 2.0]])
        b = tf.constant(np.ones((2, 1), dtype="float32"))
        c = tf.matmul(a, b) + 1
        a_val, b_val = [a.numpy(), b.numpy()]
        print((a.numpy(), b.numpy()), {"c": c.numpy()}, (a * 2).numpy()[0])
        """
    )
    assert result.findings == ()


def test_interactive_session_evals_and_initializer_run_become_eager():
    result = remove(
        """\
        import tensorflow as tf
        sess = tf.InteractiveSession()
        w = tf.Variable(tf.ones([3]))
        tf.global_variables_initializer().run()
        print(w.eval(), tf.reduce_sum(w).eval())
        sess.close()
        """
    )
    assert result.new_text == dedent(
        """\
        import tensorflow as tf
        w = tf.Variable(tf.ones([3]))
        print(w.numpy(), tf.reduce_sum(w).numpy())
        """
    )


def test_initializer_assignment_goes_with_its_runs():
    result = remove(
        """\
        import tensorflow as tf
        v = tf.Variable(2.0)
        init = tf.global_variables_initializer()
        with tf.Session() as sess:
            sess.run(init)
            print(v.eval(session=sess))
        """
    )
    assert result.new_text == "import tensorflow as tf\nv = tf.Variable(2.0)\nprint(v.numpy())\n"


def test_keras_get_session_holder_goes_with_keras_import():
    result = remove(
        """\
        import tensorflow as tf
        from keras import backend as K
        sess = K.get_session()
        total = tf.reduce_sum(tf.ones([2, 2]))
        print(sess.run(total))
        """
    )
    assert result.new_text == "import tensorflow as tf\ntotal = tf.reduce_sum(tf.ones([2, 2]))\nprint(total.numpy())\n"


def test_reset_default_graph_at_starts_becomes_clear_session_elsewhere_a_finding():
    result = remove(
        """\
        import tensorflow as tf
        tf.reset_default_graph()
        def build():
            \"\"\"Fresh.\"\"\"
            tf.reset_default_graph()
            return tf.constant(1)
        x = build()
        tf.reset_default_graph()
        """
    )
    assert result.new_text == dedent(
        """\
        import tensorflow as tf
        tf.keras.backend.clear_session()
        def build():
            \"\"\"Fresh.\"\"\"
            tf.keras.backend.clear_session()
            return tf.constant(1)
        x = build()
        tf.reset_default_graph()
        """
    )
    assert [f.line for f in result.findings] == [8]


def test_random_fetch_keeps_the_session():
    result = remove(
        """\
        import tensorflow as tf
        r = tf.random_normal([2])
        with tf.Session() as s:
            print(s.run(r))
        """
    )
    assert result.status is Status.UNCHANGED
    [finding] = result.findings
    assert finding.line == 4 and "random" in finding.message and "(line 2)" in finding.message


def test_fetch_of_a_parameter_keeps_the_session():
    result = remove(
        """\
        import tensorflow as tf
        def show(sess, t):
            print(sess.run(t))
        sess = tf.Session()
        show(sess, tf.constant(1))
        """
    )
    assert result.status is Status.UNCHANGED
    assert [f.line for f in result.findings] == [5]
    assert "hands the session to `show`" in result.findings[0].message


def test_variable_changed_outside_a_run_keeps_the_session():
    result = remove(
        """\
        import tensorflow as tf
        v = tf.Variable(1.0)
        up = v.assign(2.0)
        with tf.Session() as s:
            s.run(tf.global_variables_initializer())
            print(s.run(v))
        """
    )
    assert result.status is Status.UNCHANGED
    assert [f.line for f in result.findings] == [3]


def test_session_on_self_is_reported_and_keeps_the_other_sessions():
    result = remove(
        """\
        import tensorflow as tf
        class Model:
            def __init__(self):
                self.sess = tf.Session()
        y = tf.constant(1.0)
        with tf.Session() as sess:
            print(sess.run(y))
        """
    )
    assert result.status is Status.UNCHANGED
    assert [f.line for f in result.findings] == [4, 4]
    assert "self.sess" in result.findings[0].message
    assert "tf.Session `sess` (line 6) is kept" in result.findings[1].message


def test_graph_only_code_elsewhere_keeps_eager_conversions():
    result = remove(
        """\
        import tensorflow as tf
        x = tf.placeholder(tf.float32)
        with tf.Session() as sess:
            print(sess.run(tf.constant(1)))
        """
    )
    assert result.status is Status.UNCHANGED
    [finding] = result.findings
    assert finding.line == 2 and "graph mode" in finding.message


def test_two_with_blocks_reusing_the_name_are_both_unwrapped():
    result = remove(
        """\
        import tensorflow as tf
        a = tf.constant(1)
        with tf.Session() as sess:
            print(sess.run(a))
        with tf.Session() as sess:
            print(sess.run(a + 1))
        """
    )
    assert result.new_text == "import tensorflow as tf\na = tf.constant(1)\nprint(a.numpy())\nprint((a + 1).numpy())\n"



def test_with_session_and_a_later_session_of_the_same_name_are_both_kept():
    """Unwrapping the `with` alone would leave `sess` assigned once, and the next run would remove the other
    session: every session of a name assigned more than once is kept."""
    source = """\
        import tensorflow as tf
        with tf.Session() as sess:
            y = 1
        sess = tf.Session()
        """
    result = remove(source)
    assert result.status is Status.UNCHANGED
    assert [(f.line, f.codemod) for f in result.findings] == [
        (2, "remove-session-scaffolding"),
        (4, "remove-session-scaffolding"),
    ]
    assert all("the name is assigned more than once" in f.message for f in result.findings)


def test_clear_session_is_left_with_a_finding_when_tf_is_a_free_name():
    result = remove(
        """\
        import keras.backend.tensorflow_backend as KTF
        KTF.clear_session()
        tf.print(1)
        """
    )
    assert result.status is Status.UNCHANGED
    [finding] = result.findings
    assert finding.line == 2 and "uses `tf` for something else" in finding.message

def test_eval_in_a_helper_function_keeps_a_with_session():
    result = remove(
        """\
        import tensorflow as tf
        def show(t):
            print(t.eval())
        with tf.Session():
            show(tf.constant(1))
        """
    )
    assert result.status is Status.UNCHANGED
    [finding] = result.findings
    assert finding.line == 3 and "default" in finding.message


def test_initializer_used_elsewhere_keeps_the_session():
    result = remove(
        """\
        import tensorflow as tf
        v = tf.Variable(1.0)
        init = tf.global_variables_initializer()
        ops = [init]
        with tf.Session() as sess:
            sess.run(init)
            print(sess.run(v))
        """
    )
    assert result.status is Status.UNCHANGED
    assert [f.line for f in result.findings] == [4]


def test_trigger_skips_a_keras_file_without_sessions():
    keras_model = "from keras import backend as K\n\nK.clear_session()\nK.set_session(sess)\n"
    assert not RemoveSessionScaffolding.is_triggered_by(keras_model)


def test_trigger_fires_for_every_name_that_starts_a_rewrite():
    for qualified in (*SESSIONS, *KERAS_GET_SESSION, RESET_DEFAULT_GRAPH, TF_BACKEND_CLEAR_SESSION):
        module, _, name = qualified.rpartition(".")
        assert RemoveSessionScaffolding.is_triggered_by(f"from {module} import {name} as f\nf()\n"), qualified
        assert RemoveSessionScaffolding.is_triggered_by(f"import {module} as m\nm.{name}()\n"), qualified
