from textwrap import dedent

from codemods.remove_session_scaffolding import RemoveSessionScaffolding
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


def test_session_used_for_run_is_kept_with_a_finding():
    source = """\
        import tensorflow as tf
        from keras import backend as K
        sess = tf.Session()
        K.set_session(sess)
        print(sess.run(tf.constant(1)))
        """
    result = remove(source)
    assert result.status is Status.UNCHANGED
    assert [(f.line, f.codemod) for f in result.findings] == [(5, "remove-session-scaffolding")]
    assert "sess" in result.findings[0].message


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


def test_with_session_that_runs_ops_is_kept_and_reported():
    source = """\
        import tensorflow as tf
        with tf.Session() as sess:
            print(sess.run(tf.constant(1)))
        """
    result = remove(source)
    assert result.status is Status.UNCHANGED
    [finding] = result.findings
    assert finding.line == 3 and "kept" in finding.message


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
