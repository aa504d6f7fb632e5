from codemods.tf_flags_to_absl_flags import TfFlagsToAbslFlags
from tests.conftest import rewrite
from tf2migrate.results import Status


def convert(source):
    return rewrite(source, TfFlagsToAbslFlags)


def test_app_flags_and_run_without_main_become_absl():
    result = convert(
        """\
        import tensorflow as tf

        tf.app.flags.DEFINE_integer("epochs", 3, "Passes.")
        tf.flags.DEFINE_string(flag_name="name", default_value="x", docstring="Name.")
        FLAGS = tf.app.flags.FLAGS


        def main(_):
            print(FLAGS.epochs, tf.flags.FLAGS.name)


        if __name__ == "__main__":
            tf.app.run()
        """
    )
    assert result.new_text == (
        "from absl import app, flags\n\n"
        'flags.DEFINE_integer("epochs", 3, "Passes.")\n'
        'flags.DEFINE_string(name="name", default="x", help="Name.")\n'
        "FLAGS = flags.FLAGS\n\n\n"
        "def main(_):\n"
        "    print(FLAGS.epochs, flags.FLAGS.name)\n\n\n"
        'if __name__ == "__main__":\n'
        "    app.run(main)\n"
    )
    [finding] = result.findings
    assert finding.line == 13 and finding.severity.value == "info" and "Unknown command line flag" in finding.message


def test_module_alias_goes_and_main_keyword_becomes_positional():
    result = convert(
        """\
        import sys
        import tensorflow.compat.v1 as tf

        flags = tf.app.flags  # the flags module
        flags.DEFINE_bool("fast", False, "Go fast.")
        FLAGS = flags.FLAGS

        def run(argv):
            print(FLAGS.fast)

        tf.app.run(main=run, argv=sys.argv[:1])
        """
    )
    assert result.new_text == (
        "import sys\n"
        "from absl import app, flags\n\n"
        "# the flags module\n"
        'flags.DEFINE_bool("fast", False, "Go fast.")\n'
        "FLAGS = flags.FLAGS\n\n"
        "def run(argv):\n"
        "    print(FLAGS.fast)\n\n"
        "app.run(run, argv=sys.argv[:1])\n"
    )


def test_names_already_taken_import_absl_under_other_names():
    result = convert(
        """\
        import tensorflow as tf
        from tensorflow.python.platform import flags
        flags.DEFINE_integer("n", 1, "")
        def app():
            return flags.FLAGS.n
        def main(_):
            print(app())
        tf.app.run(main)
        """
    )
    assert result.new_text == (
        "from absl import app as absl_app, flags as absl_flags\n\n"
        'absl_flags.DEFINE_integer("n", 1, "")\n'
        "def app():\n"
        "    return absl_flags.FLAGS.n\n"
        "def main(_):\n"
        "    print(app())\n"
        "absl_app.run(main)\n"
    )


def test_library_module_that_only_defines_flags_is_converted():
    result = convert(
        """\
        import tensorflow as tf
        tf.flags.DEFINE_float("lr", 0.1, "Learning rate.")
        """
    )
    assert result.new_text == 'from absl import flags\n\nflags.DEFINE_float("lr", 0.1, "Learning rate.")\n'
    assert result.findings == ()


def test_flags_read_before_parsing_are_left_with_a_finding():
    module_level = """\
        import tensorflow as tf
        tf.flags.DEFINE_integer("n", 1, "")
        FLAGS = tf.flags.FLAGS
        N = FLAGS.n
        def main(_):
            print(N)
        tf.app.run(main)
        """
    result = convert(module_level)
    assert "tf.flags.DEFINE_integer" in result.new_text and "app.run(main)" in result.new_text
    assert [(f.line, f.severity.value) for f in result.findings] == [(4, "warning"), (7, "info")]

    never_run = """\
        import tensorflow as tf
        tf.flags.DEFINE_integer("n", 1, "")
        def main():
            print(tf.flags.FLAGS.n)
        main()
        """
    result = convert(never_run)
    assert result.status is Status.UNCHANGED
    assert [(f.line, f.severity.value) for f in result.findings] == [(4, "warning")]


def test_explicit_parse_makes_reads_safe():
    result = convert(
        """\
        import sys
        import tensorflow as tf
        tf.flags.DEFINE_integer("n", 1, "")
        FLAGS = tf.flags.FLAGS
        FLAGS(sys.argv)
        print(FLAGS.n)
        """
    )
    assert "FLAGS = flags.FLAGS\nFLAGS(sys.argv)\n" in result.new_text
    assert result.findings == ()


def test_run_without_any_main_is_left():
    result = convert(
        """\
        import tensorflow as tf
        tf.app.run()
        """
    )
    assert result.status is Status.UNCHANGED
    assert [(f.line, f.severity.value) for f in result.findings] == [(2, "warning")]


def test_run_with_main_none_uses_the_module_main():
    result = convert(
        """\
        import tensorflow as tf
        def main(argv):
            pass
        tf.app.run(None, ["prog"])
        """
    )
    assert result.new_text.endswith('app.run(main, ["prog"])\n')


def test_absl_code_and_unrelated_flags_are_left_alone():
    source = """\
        import tensorflow as tf
        from absl import app, flags
        flags.DEFINE_integer("n", 1, "")
        def main(_):
            print(flags.FLAGS.n, tf.constant(1).flags)
        app.run(main)
        """
    result = convert(source)
    assert result.status is Status.UNCHANGED and result.findings == ()
