from textwrap import dedent

from codemods.config_proto_to_tf_config import ConfigProtoToTfConfig
from codemods.remove_session_scaffolding import RemoveSessionScaffolding
from tests.conftest import rewrite
from tf2migrate.codemod import Settings
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


def test_memory_fraction_becomes_memory_growth_and_says_so():
    result = convert(
        """\
        import tensorflow as tf
        config = tf.ConfigProto()
        config.gpu_options.per_process_gpu_memory_fraction = 0.4
        sess = tf.Session(config=config)
        """
    )
    assert result.new_text == "import tensorflow as tf\n" + GROWTH_LOOP + "sess = tf.Session()\n"
    [finding] = result.findings
    assert finding.line == 3 and "per_process_gpu_memory_fraction=0.4" in finding.message
    assert "--gpu-memory-limit" in finding.suggestion


def test_memory_limit_setting_replaces_growth_never_both():
    result = rewrite(
        """\
        import tensorflow as tf
        gpu_options = tf.GPUOptions(allow_growth=True, per_process_gpu_memory_fraction=0.5)
        sess = tf.Session(config=tf.ConfigProto(gpu_options=gpu_options))
        """,
        ConfigProtoToTfConfig,
        settings=Settings(gpu_memory_limit_mb=2048),
    )
    assert result.new_text == (
        "import tensorflow as tf\n"
        'for gpu in tf.config.list_physical_devices("GPU"):\n'
        "    tf.config.set_logical_device_configuration(gpu, [tf.config.LogicalDeviceConfiguration(memory_limit=2048)])\n"
        "sess = tf.Session()\n"
    )
    assert "set_memory_growth" not in result.new_text
    [finding] = result.findings
    assert "2048 MB" in finding.message and "without memory growth" in finding.message


def test_visible_device_list_literal_indexes_the_physical_gpus():
    result = convert(
        """\
        import tensorflow as tf
        config = tf.ConfigProto()
        config.gpu_options.visible_device_list = "0,1"
        config.gpu_options.allow_growth = True
        sess = tf.Session(config=config)
        """
    )
    assert result.new_text == dedent(
        """\
        import tensorflow as tf
        gpus = tf.config.list_physical_devices("GPU")
        if gpus:
            tf.config.set_visible_devices([gpus[0], gpus[1]], "GPU")
        for gpu in tf.config.get_visible_devices("GPU"):
            tf.config.experimental.set_memory_growth(gpu, True)
        sess = tf.Session()
        """
    )
    assert result.findings == ()


def test_visible_device_list_from_a_runtime_value_and_a_taken_name():
    result = convert(
        """\
        import tensorflow as tf
        def setup(rank, gpus):
            config = tf.ConfigProto()
            config.gpu_options.visible_device_list = str(rank)
            return tf.Session(config=config)
        """
    )
    assert result.new_text == dedent(
        """\
        import tensorflow as tf
        def setup(rank, gpus):
            gpu_devices = tf.config.list_physical_devices("GPU")
            if gpu_devices:
                tf.config.set_visible_devices([gpu_devices[int(i)] for i in str(rank).split(",")], "GPU")
            return tf.Session()
        """
    )


def test_device_count_forms():
    no_gpu = convert(
        """\
        import tensorflow as tf
        sess = tf.Session(config=tf.ConfigProto(device_count={"GPU": 0, "CPU": 1}))
        """
    )
    assert no_gpu.new_text == 'import tensorflow as tf\ntf.config.set_visible_devices([], "GPU")\nsess = tf.Session()\n'
    one_gpu = convert(
        """\
        import tensorflow as tf
        config = tf.ConfigProto(device_count=dict(CPU=1))
        config.device_count["GPU"] = 1
        sess = tf.Session(config=config)
        """
    )
    assert one_gpu.new_text == (
        "import tensorflow as tf\n"
        'gpus = tf.config.list_physical_devices("GPU")\n'
        'tf.config.set_visible_devices(gpus[:1], "GPU")\n'
        "sess = tf.Session()\n"
    )


def test_device_count_cpu_and_unknown_message_fields_are_left_whole():
    for source, word in [
        ("sess = tf.Session(config=tf.ConfigProto(device_count={'CPU': 4}))\n", "device_count['CPU']"),
        ("sess = tf.Session(config=tf.ConfigProto(gpu_options=tf.GPUOptions(force_gpu_compatible=True)))\n",
         "gpu_options.force_gpu_compatible"),
        ("sess = tf.Session(config=tf.ConfigProto(device_count=counts))\n", "literal dict"),
    ]:
        result = convert("import tensorflow as tf\n" + source)
        assert result.status is Status.UNCHANGED, source
        [finding] = result.findings
        assert word in finding.message and finding.line == 2


def test_gpu_options_variable_with_attribute_fields():
    result = convert(
        """\
        import tensorflow as tf
        from keras import backend as K
        gpu_options = tf.GPUOptions()
        gpu_options.allow_growth = True  # grow
        config = tf.ConfigProto(gpu_options=gpu_options, allow_soft_placement=True)
        K.set_session(tf.Session(config=config))
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\nfrom keras import backend as K\n# grow\n"
        + GROWTH_LOOP
        + "tf.config.set_soft_device_placement(True)\nK.set_session(tf.Session())\n"
    )


def test_gpu_options_variable_changed_after_the_config_copied_it_is_left():
    result = convert(
        """\
        import tensorflow as tf
        gpu_options = tf.GPUOptions()
        config = tf.ConfigProto(gpu_options=gpu_options)
        gpu_options.allow_growth = True
        sess = tf.Session(config=config)
        """
    )
    assert result.status is Status.UNCHANGED
    assert [f.line for f in result.findings] == [4]


def test_jit_level_on_1_is_autoclustering_and_on_2_is_reported():
    on_1 = convert(
        """\
        import tensorflow as tf
        config = tf.ConfigProto()
        config.graph_options.optimizer_options.global_jit_level = tf.OptimizerOptions.ON_1
        sess = tf.Session(config=config)
        """
    )
    assert on_1.new_text == 'import tensorflow as tf\ntf.config.optimizer.set_jit("autoclustering")\nsess = tf.Session()\n'
    on_2 = convert(
        """\
        import tensorflow as tf
        opts = tf.GraphOptions(optimizer_options=tf.OptimizerOptions(global_jit_level=tf.OptimizerOptions.ON_2))
        sess = tf.Session(config=tf.ConfigProto(graph_options=opts))
        """
    )
    assert on_2.status is Status.UNCHANGED
    assert "ON_2" in on_2.findings[0].message


def test_block_after_model_code_is_converted_and_reported():
    result = convert(
        """\
        import tensorflow as tf
        from keras.models import Sequential
        tf.set_random_seed(1)
        model = Sequential()
        if True:
            config = tf.ConfigProto()
            config.gpu_options.allow_growth = True
            sess = tf.Session(config=config)
        """
    )
    assert GROWTH_LOOP.replace("\n", "\n    ").strip() in result.new_text
    [finding] = result.findings
    assert finding.line == 8 and "`Sequential` on line 4" in finding.message and "RuntimeError" in finding.message


def test_block_before_model_code_is_not_reported():
    result = convert(
        """\
        import tensorflow as tf
        from keras.models import Sequential
        def build():
            return Sequential()
        tf.set_random_seed(1)
        config = tf.ConfigProto()
        config.gpu_options.allow_growth = True
        sess = tf.Session(config=config)
        model = build()
        """
    )
    assert result.status is Status.CHANGED and result.findings == ()


def test_interactive_session_and_compat_v1_forms_lose_their_config():
    result = convert(
        """\
        import tensorflow as tf
        sess = tf.compat.v1.InteractiveSession(config=tf.compat.v1.ConfigProto(
            gpu_options=tf.compat.v1.GPUOptions(allow_growth=True)))
        """
    )
    assert result.new_text == "import tensorflow as tf\n" + GROWTH_LOOP + "sess = tf.compat.v1.InteractiveSession()\n"
