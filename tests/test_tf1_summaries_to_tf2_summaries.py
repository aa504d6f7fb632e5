from codemods.tf1_summaries_to_tf2_summaries import Tf1SummariesToTf2Summaries
from tests.conftest import rewrite
from tf2migrate.codemod import FallbackMode, Settings
from tf2migrate.results import Severity, Status


def convert(source, settings=Settings()):
    return rewrite(source, Tf1SummariesToTf2Summaries, settings=settings)


def messages(result, severity=None):
    return [f.message for f in result.findings if severity is None or f.severity is severity]


# --- eager files: FileWriter + Summary protos -> TF2 writer + tf.summary.scalar ---------------------------------


def test_proto_built_just_before_add_summary_becomes_scalars_in_writer_context():
    result = convert(
        """\
        import tensorflow as tf

        writer = tf.summary.FileWriter("logs", sess_graph.graph)
        for step in range(3):
            # log it
            summary = tf.Summary(value=[
                tf.Summary.Value(tag="loss", simple_value=float(losses[step])),
                tf.Summary.Value(tag="acc", simple_value=accuracy),
            ])
            writer.add_summary(summary, step * 10)
        writer.flush()
        writer.close()
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n\n"
        'writer = tf.summary.create_file_writer("logs")\n'
        "for step in range(3):\n"
        "    # log it\n"
        "    with writer.as_default():\n"
        '        tf.summary.scalar("loss", float(losses[step]), step=step * 10)\n'
        '        tf.summary.scalar("acc", accuracy, step=step * 10)\n'
        "writer.flush()\n"
        "writer.close()\n"
    )
    infos = messages(result, Severity.INFO)
    assert len(result.findings) == 2 and len(infos) == 2
    assert any("graph is no longer written" in info for info in infos)
    assert any("`tensorboard` package" in info for info in infos)


def test_inline_proto_with_global_step_keyword_and_writer_keywords():
    result = convert(
        """\
        import tensorflow as tf
        import numpy as np

        def log(values):
            w = tf.summary.FileWriter(logdir="out", max_queue=5, flush_secs=2)
            w.add_summary(tf.Summary(value=[tf.Summary.Value(tag="m", simple_value=np.mean(values))]), global_step=7)
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n"
        "import numpy as np\n\n"
        "def log(values):\n"
        '    w = tf.summary.create_file_writer(logdir="out", max_queue=5, flush_millis=2000)\n'
        "    with w.as_default():\n"
        '        tf.summary.scalar("m", np.mean(values), step=7)\n'
    )


def test_get_default_graph_argument_is_dropped_and_compat_v1_names_are_read_and_their_import_goes():
    result = convert(
        """\
        import tensorflow.compat.v1 as tf1
        import tensorflow as tf

        writer = tf1.summary.FileWriter("logs", graph=tf1.get_default_graph())
        writer.add_summary(tf1.Summary(value=[tf1.Summary.Value(tag="x", simple_value=1.0)]), 0)
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n\n"
        'writer = tf.summary.create_file_writer("logs")\n'
        "with writer.as_default():\n"
        '    tf.summary.scalar("x", 1.0, step=0)\n'
    )


def test_writer_with_a_use_tf2_writers_lack_is_kept_with_a_warning_and_compat_names():
    result = convert(
        """\
        import tensorflow as tf

        writer = tf.summary.FileWriter("logs")
        writer.add_summary(tf.Summary(value=[tf.Summary.Value(tag="x", simple_value=1.0)]), 0)
        writer.add_graph(graph)
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n\n"
        'writer = tf.compat.v1.summary.FileWriter("logs")\n'
        'writer.add_summary(tf.compat.v1.Summary(value=[tf.compat.v1.Summary.Value(tag="x", simple_value=1.0)]), 0)\n'
        "writer.add_graph(graph)\n"
    )
    (warning,) = messages(result, Severity.WARNING)
    assert "FileWriter` is kept: TF2 writers have no `add_graph()`" in warning
    assert result.findings[0].line == 5


def test_protos_that_cannot_become_scalars_keep_the_writer():
    cases = {
        "image": 'w.add_summary(tf.Summary(value=[tf.Summary.Value(tag="i", image=img)]), 0)',
        "no step": 'w.add_summary(tf.Summary(value=[tf.Summary.Value(tag="x", simple_value=v)]))',
        "impure step": 'w.add_summary(tf.Summary(value=[tf.Summary.Value(tag="x", simple_value=v)]), next(it))',
        "impure value": 'w.add_summary(tf.Summary(value=[tf.Summary.Value(tag="x", simple_value=f(v))]), 0)',
        "proto from elsewhere": "w.add_summary(make_summary(v), 0)",
        "in an expression": 'ok = w.add_summary(tf.Summary(value=[tf.Summary.Value(tag="x", simple_value=v)]), 0)',
    }
    for case, line in cases.items():
        result = convert(f'import tensorflow as tf\nw = tf.summary.FileWriter("d")\n{line}\n')
        assert "tf.summary.create_file_writer" not in result.new_text, case
        assert "tf.compat.v1.summary.FileWriter" in result.new_text, case
        assert len(messages(result, Severity.WARNING)) == 1, case


def test_proto_not_built_just_before_its_add_summary_keeps_the_writer():
    result = convert(
        """\
        import tensorflow as tf
        w = tf.summary.FileWriter("d")
        s = tf.Summary(value=[tf.Summary.Value(tag="x", simple_value=1.0)])
        print("logging")
        w.add_summary(s, 0)
        """
    )
    assert "w.add_summary(s, 0)" in result.new_text
    assert "is not built in the statement just before" in messages(result, Severity.WARNING)[0]


def test_writer_assigned_twice_or_passed_on_is_kept():
    for source in (
        'import tensorflow as tf\nw = tf.summary.FileWriter("a")\nw = tf.summary.FileWriter("b")\n',
        'import tensorflow as tf\nw = tf.summary.FileWriter("a")\nlog_to(w)\n',
    ):
        result = convert(source)
        assert "create_file_writer" not in result.new_text
        assert all(f.severity is Severity.WARNING for f in result.findings) and result.findings


def test_with_fallback_none_eager_leftovers_only_get_findings():
    source = 'import tensorflow as tf\nw = tf.summary.FileWriter("a")\nw.add_graph(g)\n'
    result = convert(source, Settings(fallback=FallbackMode.NONE))
    assert result.status is Status.UNCHANGED
    assert len(messages(result, Severity.WARNING)) == 1


# --- graph files: explicit tf.compat.v1 names -------------------------------------------------------------------


GRAPH_PROGRAM = """\
    import tensorflow as tf

    x = tf.placeholder(tf.float32, [])
    tf.summary.scalar("x", x)
    tf.summary.histogram("h", x, collections=["c"])
    merged = tf.summary.merge_all()
    with tf.Session() as sess:
        writer = tf.summary.FileWriter("logs", sess.graph)
        writer.add_summary(sess.run(merged, feed_dict={x: 1.0}), 0)
        writer.add_summary(tf.Summary(value=[tf.Summary.Value(tag="y", simple_value=2.0)]), 0)
        meta = tf.SummaryMetadata()
    """


def test_graph_file_gets_compat_v1_summary_names_and_one_info():
    result = convert(GRAPH_PROGRAM)
    assert result.new_text == (
        "import tensorflow as tf\n\n"
        "x = tf.placeholder(tf.float32, [])\n"
        'tf.compat.v1.summary.scalar("x", x)\n'
        'tf.compat.v1.summary.histogram("h", x, collections=["c"])\n'
        "merged = tf.compat.v1.summary.merge_all()\n"
        "with tf.Session() as sess:\n"
        '    writer = tf.compat.v1.summary.FileWriter("logs", sess.graph)\n'
        "    writer.add_summary(sess.run(merged, feed_dict={x: 1.0}), 0)\n"
        '    writer.add_summary(tf.compat.v1.Summary(value=[tf.compat.v1.Summary.Value(tag="y", simple_value=2.0)]), 0)\n'
        "    meta = tf.compat.v1.SummaryMetadata()\n"
    )
    (finding,) = result.findings
    assert finding.severity is Severity.INFO and finding.line == 4
    assert "graph mode (`tf.placeholder` on line 3)" in finding.message


def test_graph_file_with_fallback_none_is_left_with_a_warning():
    result = convert(GRAPH_PROGRAM, Settings(fallback=FallbackMode.NONE))
    assert result.status is Status.UNCHANGED
    (finding,) = result.findings
    assert finding.severity is Severity.WARNING and "left as they are" in finding.message


def test_summary_ops_without_a_session_are_graph_ops_with_a_warning():
    result = convert(
        """\
        import tensorflow as tf

        def model_fn(loss):
            tf.summary.scalar("loss", loss)
            return tf.summary.merge_all()
        """
    )
    assert 'tf.compat.v1.summary.scalar("loss", loss)' in result.new_text
    assert "return tf.compat.v1.summary.merge_all()" in result.new_text
    (finding,) = result.findings
    assert finding.severity is Severity.WARNING and "record nothing" in finding.message


def test_session_kept_by_an_earlier_codemod_makes_the_writer_compat():
    result = convert(
        """\
        import tensorflow as tf
        sess = tf.Session()
        writer = tf.summary.FileWriter("logs", sess.graph)
        writer.add_summary(tf.Summary(value=[tf.Summary.Value(tag="y", simple_value=2.0)]), 0)
        """
    )
    assert 'writer = tf.compat.v1.summary.FileWriter("logs", sess.graph)' in result.new_text
    assert "create_file_writer" not in result.new_text


def test_compat_v1_graph_file_is_already_explicit():
    source = """\
        import tensorflow.compat.v1 as tf
        tf.disable_eager_execution()
        tf.summary.scalar("x", tf.placeholder(tf.float32, []))
        merged = tf.summary.merge_all()
        """
    result = convert(source)
    assert result.status is Status.UNCHANGED and result.findings == ()


# --- left alone -------------------------------------------------------------------------------------------------


def test_tf2_summaries_are_left_alone():
    source = """\
        import tensorflow as tf
        writer = tf.summary.create_file_writer("logs")
        with writer.as_default():
            tf.summary.scalar("loss", 0.5, step=1)
            tf.summary.histogram("w", [1.0, 2.0], step=1)
        writer.flush()
        summary = "not a tf summary"
        """
    result = convert(source)
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_contrib_summaries_and_from_imports_are_reported():
    result = convert(
        """\
        import tensorflow as tf
        from tensorflow.summary import FileWriter

        writer = tf.contrib.summary.create_file_writer("logs")
        with tf.contrib.summary.always_record_summaries():
            tf.contrib.summary.scalar("loss", 0.5, step=1)
        """
    )
    assert result.status is Status.UNCHANGED
    found = messages(result, Severity.WARNING)
    assert len(found) == 2
    assert any("`tf.contrib.summary` does not exist" in message for message in found)
    assert any("`FileWriter` is imported" in message for message in found)


def test_tensorflow_is_imported_as_tf_when_only_compat_v1_was_imported_under_another_name():
    result = convert(
        """\
        import tensorflow.compat.v1 as v1
        w = v1.summary.FileWriter("d")
        w.close()
        """
    )
    assert result.new_text == 'import tensorflow as tf\n\nw = tf.summary.create_file_writer("d")\nw.close()\n'


def test_writer_is_kept_when_tf_names_compat_v1():
    source = """\
        import tensorflow.compat.v1 as tf
        w = tf.summary.FileWriter("d")
        w.close()
        """
    result = convert(source)
    assert result.status is Status.UNCHANGED
    assert "`tf` names something other than TensorFlow" in messages(result, Severity.WARNING)[0]
