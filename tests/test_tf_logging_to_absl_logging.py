from codemods.tf_logging_to_absl_logging import TfLoggingToAbslLogging, absl_level_for
from tests.conftest import rewrite
from tf2migrate.results import Status


def convert(source):
    return rewrite(source, TfLoggingToAbslLogging)


def test_logging_calls_and_constants_become_absl_logging():
    result = convert(
        """\
        import tensorflow as tf

        tf.logging.set_verbosity(tf.logging.DEBUG)
        tf.logging.info("step %d", 1)
        tf.logging.warn("slow")
        tf.logging.warning("slower")
        tf.logging.error("bad")
        tf.logging.debug("details")
        tf.logging.log(tf.logging.ERROR, "at %s", "error")
        tf.logging.vlog(tf.logging.INFO, "v")
        tf.logging.log_every_n(tf.logging.INFO, "every %d", 3, 1)
        tf.logging.log_first_n(tf.logging.WARN, "first %d", 2, 1)
        tf.logging.log_if(tf.logging.INFO, "if", True)
        tf.logging.TaskLevelStatusMessage("status")
        """
    )
    assert result.new_text == (
        "from absl import logging\n\n"
        "logging.set_verbosity(logging.DEBUG)\n"
        'logging.info("step %d", 1)\n'
        'logging.warning("slow")\n'
        'logging.warning("slower")\n'
        'logging.error("bad")\n'
        'logging.debug("details")\n'
        'logging.log(logging.ERROR, "at %s", "error")\n'
        'logging.vlog(logging.INFO, "v")\n'
        'logging.log_every_n(logging.INFO, "every %d", 3, 1)\n'
        'logging.log_first_n(logging.WARNING, "first %d", 2, 1)\n'
        'logging.log_if(logging.INFO, "if", True)\n'
        'logging.error("status")\n'
    )
    assert result.findings == ()


def test_compat_v1_and_stdlib_logging_name_clash_import_absl_under_another_name():
    result = convert(
        """\
        import logging
        import tensorflow.compat.v1 as tf

        logging.basicConfig()
        tf.logging.set_verbosity(logging.INFO)
        tf.logging.info("hi")
        """
    )
    assert result.new_text == (
        "import logging\n"
        "from absl import logging as absl_logging\n\n"
        "logging.basicConfig()\n"
        "absl_logging.set_verbosity(absl_logging.INFO)\n"
        'absl_logging.info("hi")\n'
    )


def test_python_level_numbers_become_absl_levels():
    result = convert(
        """\
        import tensorflow as tf
        tf.logging.set_verbosity(20)
        tf.logging.log(level=30, msg="w")
        tf.logging.vlog(1, "below debug")
        """
    )
    assert result.new_text == (
        "from absl import logging\n\n"
        "logging.set_verbosity(logging.INFO)\n"
        'logging.log(level=logging.WARNING, msg="w")\n'
        'logging.vlog(10, "below debug")\n'
    )
    assert [(f.line, f.severity.value) for f in result.findings] == [(4, "info")]


def test_absl_level_for_matches_absl_standard_to_absl():
    assert [absl_level_for(p) for p in (1, 10, 15, 20, 30, 40, 50, 60)] == [
        "10", "DEBUG", "DEBUG", "INFO", "WARNING", "ERROR", "FATAL", "FATAL"
    ]


def test_verbosity_comparisons_are_turned_round_and_save_restore_is_kept():
    result = convert(
        """\
        import tensorflow as tf
        if tf.logging.get_verbosity() <= tf.logging.DEBUG:
            pass
        quiet = 30 < tf.logging.get_verbosity()
        old = tf.logging.get_verbosity()
        tf.logging.set_verbosity(old)
        tf.logging.set_verbosity(tf.logging.get_verbosity())
        """
    )
    assert result.new_text == (
        "from absl import logging\n\n"
        "if logging.get_verbosity() >= logging.DEBUG:\n"
        "    pass\n"
        "quiet = logging.WARNING > logging.get_verbosity()\n"
        "old = logging.get_verbosity()\n"
        "logging.set_verbosity(old)\n"
        "logging.set_verbosity(logging.get_verbosity())\n"
    )
    # the value of get_verbosity() kept in a variable, and a level held in a variable, are pointed out
    assert [(f.line, f.severity.value) for f in result.findings] == [(5, "info"), (6, "info")]


def test_fatal_flush_module_and_unknown_members_are_left_with_findings():
    source = """\
        import tensorflow as tf
        tf.logging.fatal("stop")
        tf.logging.log(tf.logging.FATAL, "stop")
        tf.logging.flush()
        log = tf.logging
        tf.logging.no_such_function()
        setter = tf.logging.set_verbosity
        """
    result = convert(source)
    assert result.status is Status.UNCHANGED
    assert [(f.line, f.severity.value) for f in result.findings] == [(l, "warning") for l in (2, 3, 4, 5, 6, 7)]
    assert "stops the program" in result.findings[0].message


def test_constant_outside_a_logging_call_is_converted_with_a_finding():
    result = convert(
        """\
        import tensorflow as tf
        level = tf.logging.DEBUG if True else tf.logging.INFO
        tf.logging.set_verbosity(level)
        """
    )
    assert result.new_text == (
        "from absl import logging\n\n"
        "level = logging.DEBUG if True else logging.INFO\n"
        "logging.set_verbosity(level)\n"
    )
    assert [f.line for f in result.findings] == [2, 2, 3]


def test_absl_and_unrelated_logging_are_left_alone():
    source = """\
        import logging
        from absl import logging as absl_logging
        import tensorflow as tf
        logging.info("std")
        absl_logging.info("absl")
        logger = tf.get_logger()
        logger.info("tf")
        """
    result = convert(source)
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_existing_absl_import_is_reused():
    result = convert(
        """\
        from absl import logging
        import tensorflow as tf
        logging.info("a")
        tf.logging.info("b")
        """
    )
    assert result.new_text == 'from absl import logging\nlogging.info("a")\nlogging.info("b")\n'
