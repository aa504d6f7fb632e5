from textwrap import dedent

from codemods.config_proto_to_tf_config import ConfigProtoToTfConfig
from codemods.remove_session_scaffolding import RemoveSessionScaffolding
from tests.conftest import rewrite
from tf2migrate.results import Status

GROWTH_LOOP = (
    'for gpu in tf.config.list_physical_devices("GPU"):\n'
    "    tf.config.experimental.set_memory_growth(gpu, True)\n"
)


def convert(source):
    return rewrite(source, ConfigProtoToTfConfig)


def test_variable_built_config_becomes_memory_growth_before_the_session():
    result = convert(
        """\
        import tensorflow as tf
        config = tf.ConfigProto()
        config.gpu_options.allow_growth = True
        sess = tf.Session(config=config)
        """
    )
    assert result.new_text == "import tensorflow as tf\n" + GROWTH_LOOP + "sess = tf.Session()\n"
    assert result.findings == ()


def test_all_mapped_fields_in_a_fixed_order():
    result = convert(
        """\
        import tensorflow as tf
        config = tf.ConfigProto(inter_op_parallelism_threads=4, allow_soft_placement=True)
        config.intra_op_parallelism_threads = 2
        config.log_device_placement = True
        config.gpu_options.allow_growth = True
        with tf.Session(config=config) as sess:
            pass
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n"
        + GROWTH_LOOP
        + "tf.debugging.set_log_device_placement(True)\n"
        "tf.config.set_soft_device_placement(True)\n"
        "tf.config.threading.set_intra_op_parallelism_threads(2)\n"
        "tf.config.threading.set_inter_op_parallelism_threads(4)\n"
        "with tf.Session() as sess:\n"
        "    pass\n"
    )


def test_inline_nested_config_in_set_session_call():
    result = convert(
        """\
        import tensorflow as tf
        from keras import backend as K
        K.set_session(tf.Session(config=tf.ConfigProto(gpu_options=tf.GPUOptions(allow_growth=True))))
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\nfrom keras import backend as K\n" + GROWTH_LOOP + "K.set_session(tf.Session())\n"
    )


def test_compat_v1_alias_and_runtime_value_are_kept():
    result = convert(
        """\
        import tensorflow.compat.v1 as tf
        def setup(flag):
            config = tf.ConfigProto()
            config.gpu_options.allow_growth = flag
            return tf.Session(config=config)
        """
    )
    assert result.new_text == dedent(
        """\
        import tensorflow.compat.v1 as tf
        def setup(flag):
            for gpu in tf.config.list_physical_devices("GPU"):
                tf.config.experimental.set_memory_growth(gpu, flag)
            return tf.Session()
        """
    )


def test_allow_growth_false_emits_nothing_and_tabs_are_kept():
    result = convert("import tensorflow as tf\ndef f():\n\tc = tf.ConfigProto()\n\tc.gpu_options.allow_growth = False\n\ts = tf.Session(config=c)\n\treturn s\n")
    assert result.new_text == "import tensorflow as tf\ndef f():\n\ts = tf.Session()\n\treturn s\n"


def test_tab_indented_loop_uses_tabs():
    result = convert("import tensorflow as tf\nif True:\n\tc = tf.ConfigProto()\n\tc.gpu_options.allow_growth = True\n\ts = tf.Session(config=c)\n")
    assert result.new_text == (
        "import tensorflow as tf\nif True:\n"
        '\tfor gpu in tf.config.list_physical_devices("GPU"):\n'
        "\t\ttf.config.experimental.set_memory_growth(gpu, True)\n"
        "\ts = tf.Session()\n"
    )


def test_comments_on_removed_lines_survive():
    result = convert(
        """\
        import tensorflow as tf

        # GPU: grow memory — nicht alles reservieren
        config = tf.ConfigProto()
        # config.gpu_options.per_process_gpu_memory_fraction = 0.5
        config.gpu_options.allow_growth = True  # on demand
        sess = tf.Session(config=config)
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n\n"
        "# GPU: grow memory — nicht alles reservieren\n"
        "# config.gpu_options.per_process_gpu_memory_fraction = 0.5\n"
        "# on demand\n" + GROWTH_LOOP + "sess = tf.Session()\n"
    )


def test_loop_variable_avoids_an_existing_gpu_name():
    result = convert(
        """\
        import tensorflow as tf
        gpu = "0"
        c = tf.ConfigProto()
        c.gpu_options.allow_growth = True
        s = tf.Session(config=c)
        """
    )
    assert 'for gpu_device in tf.config.list_physical_devices("GPU"):' in result.new_text
    assert "set_memory_growth(gpu_device, True)" in result.new_text


def test_tensorflow_import_added_when_names_were_imported_directly():
    result = convert(
        """\
        from tensorflow import ConfigProto, Session
        c = ConfigProto(log_device_placement=True)
        s = Session(config=c)
        """
    )
    assert result.new_text == (
        "from tensorflow import Session\nimport tensorflow as tf\n\n"
        "tf.debugging.set_log_device_placement(True)\ns = Session()\n"
    )


def test_unmappable_field_leaves_the_whole_block_and_reports_it():
    source = """\
        import tensorflow as tf
        config = tf.ConfigProto()
        config.gpu_options.allow_growth = True
        config.gpu_options.force_gpu_compatible = True
        sess = tf.Session(config=config)
        """
    result = convert(source)
    assert result.status is Status.UNCHANGED
    assert [(f.line, f.codemod) for f in result.findings] == [(4, "config-proto-to-tf-config")]
    assert "force_gpu_compatible" in result.findings[0].message


def test_config_used_elsewhere_is_not_half_converted():
    result = convert(
        """\
        import tensorflow as tf
        config = tf.ConfigProto()
        config.gpu_options.allow_growth = True
        run_config = tf.estimator.RunConfig(session_config=config)
        sess = tf.Session(config=config)
        """
    )
    assert result.status is Status.UNCHANGED
    assert [f.line for f in result.findings] == [4]


def test_config_never_given_to_a_session_is_reported():
    result = convert("import tensorflow as tf\nconfig = tf.ConfigProto()\nprint(config)\n")
    assert result.status is Status.UNCHANGED
    assert len(result.findings) == 1 and result.findings[0].line == 3


def test_no_config_proto_is_a_no_op():
    source = "import tensorflow as tf\nsess = tf.Session()\nx = tf.constant(1)\n"
    result = convert(source)
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_with_session_scaffolding_codemod_the_block_disappears():
    result = rewrite(
        """\
        import tensorflow as tf
        from keras.backend.tensorflow_backend import set_session

        config = tf.ConfigProto()
        config.gpu_options.allow_growth = True
        sess = tf.Session(config=config)
        set_session(sess)

        x = tf.constant(1)
        """,
        ConfigProtoToTfConfig,
        RemoveSessionScaffolding,
    )
    assert result.new_text == "import tensorflow as tf\n\n" + GROWTH_LOOP + "\nx = tf.constant(1)\n"
