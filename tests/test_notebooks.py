"""Jupyter notebooks: code cells migrated as one module, written back with only the changed sources different.

Every expected notebook here is built by the test itself (json.dumps of hand-written sources, or a literal text
splice), never by tf2migrate's own serialiser.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from codemods import CHAIN
from tests.conftest import run_cli
from tf2migrate.discover import discover
from tf2migrate.notebook import read_notebook, run_notebook
from tf2migrate.notebook_cells import mask_cell, restore_cell
from tf2migrate.results import FileResult, Status
from tf2migrate.review import review
from tf2migrate.runner import run_file
from tf2migrate.source import SourceError

PY3_METADATA = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python", "version": "3.7.3"},
}


def code(*lines, count=None, outputs=()):
    return {"cell_type": "code", "execution_count": count, "metadata": {}, "outputs": list(outputs), "source": list(lines)}


def markdown(text):
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def raw(text):
    return {"cell_type": "raw", "metadata": {"format": "text/plain"}, "source": [text]}


STREAM = {"name": "stdout", "output_type": "stream", "text": ["Tensor(\"Log:0\", shape=(), dtype=float32) é\n"]}
IMAGE = {"data": {"image/png": "iVBORw0KGgo=\n", "text/plain": ["<Figure>"]}, "metadata": {}, "output_type": "display_data"}

# Cross-cell scaffolding: the session is made in cell 4 and handed to Keras in cell 5; cell 6 is a %%time cell.
CELLS = [
    markdown("# Training é\nSome *notes*."),
    code("%matplotlib inline\n", "!pip install x\n", "import tensorflow as tf\n", "from keras import backend as K", count=1),
    raw("raw text"),
    code("sess = tf.Session()", count=2, outputs=[STREAM]),
    code("K.set_session(sess)\n", "?tf.Session\n", "files = !ls\n", "x = tf.log(2.0)\n", "print(x)", count=3, outputs=[IMAGE]),
    code("%%time\n", "y = tf.log(3.0)\n", "!echo done", count=4),
]
# What the cells become (cells 1, 3 and 6 are not touched).
EXPECTED_SOURCES = {
    2: ["%matplotlib inline\n", "!pip install x\n", "import tensorflow as tf"],
    4: [],
    5: ["?tf.Session\n", "files = !ls\n", "x = tf.math.log(2.0)\n", "print(x)"],
}


def notebook(cells, metadata=PY3_METADATA, **dump_options):
    options = {"indent": 1, "sort_keys": True, "ensure_ascii": False}
    options.update(dump_options)
    return json.dumps({"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 2}, **options) + "\n"


def with_sources(cells, sources):
    return [dict(cell, source=sources[i]) if i in sources else cell for i, cell in enumerate(cells, 1)]


def write(tmp_path, text, name="nb.ipynb"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    "options",
    [
        {"indent": 1, "sort_keys": True, "ensure_ascii": False},  # nbformat's own layout
        {"indent": 2, "sort_keys": False, "ensure_ascii": False},
        {"indent": 4, "sort_keys": False, "ensure_ascii": True},
    ],
    ids=["indent1-sorted", "indent2-insertion-order", "indent4-ascii"],
)
def test_only_changed_sources_differ_byte_for_byte(tmp_path, options):
    path = write(tmp_path, notebook(CELLS, **options))
    result = run_file(path, tmp_path, CHAIN)
    assert result.status is Status.CHANGED, result.error
    path.write_bytes(result.source.encode(result.new_text))
    assert path.read_text(encoding="utf-8") == notebook(with_sources(CELLS, EXPECTED_SOURCES), **options)


def test_no_trailing_newline_and_a_string_source_are_kept(tmp_path):
    cells = [code("import tensorflow as tf\n"), {**code(), "source": "x = tf.log(2.0)\n%time y = 1\n"}]
    path = write(tmp_path, notebook(cells)[:-1])
    result = run_file(path, tmp_path, CHAIN)
    expected = notebook(with_sources(cells, {2: "x = tf.math.log(2.0)\n%time y = 1\n"}))[:-1]
    assert result.source.encode(result.new_text).decode("utf-8") == expected


def test_a_layout_json_dumps_cannot_reproduce_is_spliced(tmp_path):
    # CRLF newlines, an exponent written 1.0E-5 and an escaped slash: json.dumps writes none of these.
    original = (
        '{\r\n  "cells": [\r\n    {\r\n      "cell_type": "code",\r\n      "execution_count": null,\r\n'
        '      "metadata": {"lr": 1.0E-5, "url": "http:\\/\\/x"},\r\n      "outputs": [],\r\n      "source": [\r\n'
        '        "import tensorflow as tf\\n",\r\n        "x = tf.log(2.0)\\n",\r\n        "print(\\u0022\\u00e9\\u0022)"\r\n'
        '      ]\r\n    }\r\n  ],\r\n  "metadata": {},\r\n  "nbformat": 4,\r\n  "nbformat_minor": 5\r\n}'
    )
    path = write(tmp_path, original)
    result = run_file(path, tmp_path, CHAIN)
    assert result.status is Status.CHANGED, result.error
    expected = original.replace('"x = tf.log(2.0)\\n"', '"x = tf.math.log(2.0)\\n"')
    assert result.source.encode(result.new_text).decode("utf-8") == expected


def test_cli_dry_run_names_cells_and_write_writes(tmp_path):
    text = notebook(CELLS)
    path = write(tmp_path, text)
    shown = run_cli("nb.ipynb", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "--- a/nb.ipynb:cell 2\n+++ b/nb.ipynb:cell 2\n" in shown.stdout
    assert "--- a/nb.ipynb:cell 5" in shown.stdout and "cell 6" not in shown.stdout
    assert " !pip install x\n" in shown.stdout and "-sess = tf.Session()\n" in shown.stdout
    assert "pass  # tf2migrate" not in shown.stdout
    assert path.read_text(encoding="utf-8") == text

    written = run_cli("--write", "nb.ipynb", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    assert path.read_text(encoding="utf-8") == notebook(with_sources(CELLS, EXPECTED_SOURCES))


def test_second_run_changes_nothing(tmp_path):
    path = write(tmp_path, notebook(CELLS, indent=2))
    assert run_cli("--write", "nb.ipynb", cwd=tmp_path).returncode == 0
    once = path.read_bytes()
    again = run_cli("--check", "nb.ipynb", cwd=tmp_path)
    assert again.returncode == 0 and "0 would change, 1 unchanged" in again.stderr
    assert path.read_bytes() == once


def test_bad_notebooks_are_reported_untouched_and_the_others_processed(tmp_path):
    broken = write(tmp_path, '{"cells": [', "broken.ipynb")
    python2 = write(tmp_path, notebook([code("import tensorflow as tf\n", 'print "x"')], metadata={
        "kernelspec": {"display_name": "Python 2", "language": "python", "name": "python2"}}), "old.ipynb")
    print_statement = write(tmp_path, notebook([code("import tensorflow as tf"), code("x = 1\n", 'print "x"')]), "print.ipynb")
    good = write(tmp_path, notebook(CELLS), "good.ipynb")
    script = tmp_path / "train.py"
    script.write_text("import tensorflow as tf\nx = tf.log(2.0)\n")
    before = {p: p.read_bytes() for p in (broken, python2, print_statement)}

    completed = run_cli("--write", ".", cwd=tmp_path)
    assert completed.returncode == 2
    assert "broken.ipynb:1:0: error not a notebook: invalid JSON" in completed.stderr
    assert "old.ipynb: error Python 2 notebook (kernel python2)" in completed.stderr
    assert "print.ipynb:cell 2:2:1: error" in completed.stderr and "Python 2 syntax (a print statement)" in completed.stderr
    assert all(path.read_bytes() == data for path, data in before.items())
    assert script.read_text() == "import tensorflow as tf\nx = tf.math.log(2.0)\n"
    assert good.read_text(encoding="utf-8") == notebook(with_sources(CELLS, EXPECTED_SOURCES))


def test_json_report_gives_findings_their_cell(tmp_path):
    cells = [code("import tensorflow as tf\n", "x = tf.constant(1.0)"), markdown("m"),
             code("y = tf.log(x)\n", "tf.reset_default_graph()")]
    write(tmp_path, notebook(cells))
    write(tmp_path, notebook([markdown("m"), code("import tensorflow as tf\n", 'print "x"')]), "py2.ipynb")
    completed = run_cli("nb.ipynb", "py2.ipynb", "--report", "report.json", cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text())
    finding = report["files"][0]["findings"][0]
    assert (finding["cell"], finding["line"]) == (3, 2), finding
    assert f"nb.ipynb:cell 3:2:{finding['column']}: " in completed.stderr
    error = report["files"][1]["error"]
    assert (error["cell"], error["line"], error["column"]) == (2, 2, 1) and "Python 2" in error["message"]
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = Path(__file__).resolve().parent.parent / "tf2migrate" / "report.schema.json"
    if schema_path.exists():
        jsonschema.validate(report, json.loads(schema_path.read_text(encoding="utf-8")))


def test_interactive_review_works_per_cell(tmp_path):
    path = write(tmp_path, notebook(CELLS))
    result = run_file(path, tmp_path, CHAIN)
    out = io.StringIO()
    # cell 2: no; cell 4: no; cell 5: split, then no to the set_session removal and yes to tf.log.
    outcome = review([result], stdin=io.StringIO("n\nn\ns\nn\ny\n"), console=Console(file=out, no_color=True, width=200))
    shown = out.getvalue()
    assert outcome.written == (path,), shown
    labels = re.findall(r"@@ -\S+ \+\S+ @@ \S*?([^/\s]+:cell \d+)", shown)
    assert labels == ["nb.ipynb:cell 2", "nb.ipynb:cell 4", "nb.ipynb:cell 5", "nb.ipynb:cell 5", "nb.ipynb:cell 5"]
    assert "@@ -1,4 +1,3 @@ " in shown
    assert " %matplotlib inline" in shown and "pass  # tf2migrate" not in shown
    only_log = {5: ["K.set_session(sess)\n", "?tf.Session\n", "files = !ls\n", "x = tf.math.log(2.0)\n", "print(x)"]}
    assert path.read_text(encoding="utf-8") == notebook(with_sources(CELLS, only_log))


def test_discovery_takes_notebooks_and_skips_checkpoints(tmp_path):
    for name in ("a.ipynb", "b.py", ".ipynb_checkpoints/a-checkpoint.ipynb", "ignored/c.ipynb"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(notebook([code("import keras")]))
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("ignored/\n")
    found = sorted(p.relative_to(tmp_path).as_posix() for p, _ in discover([str(tmp_path)]).files)
    assert found == ["a.ipynb", "b.py"]


def test_notebook_without_tensorflow_code_is_skipped(tmp_path):
    path = write(tmp_path, notebook([markdown("uses keras"), code("!pip install tensorflow\n", "x = 1")]))
    assert run_file(path, tmp_path, CHAIN).status is Status.SKIPPED


def test_output_dir_gets_the_migrated_notebook(tmp_path):
    source_dir = tmp_path / "src"
    source_dir.mkdir()
    text = notebook(CELLS, indent=2)
    write(source_dir, text)
    completed = run_cli("src", "--output-dir", "out", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "out" / "nb.ipynb").read_text(encoding="utf-8") == notebook(with_sources(CELLS, EXPECTED_SOURCES), indent=2)
    assert (source_dir / "nb.ipynb").read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    "line",
    ["%time x = 1", "!ls -l", "files = !ls", "a, b = %sx echo 1 2", "?tf.Session", "tf.Session?", "tf.Session??", "    !echo $i"],
)
def test_ipython_lines_are_masked(line):
    cell = mask_cell(1, f"for i in range(2):\n    pass\n{line}\n")
    assert cell.hidden == (("1.1", line),)
    assert cell.chunk.splitlines()[2].strip() == "pass  # tf2migrate:ipython 1.1"


@pytest.mark.parametrize(
    "source",
    ['s = """\n%d items\n!really?\n"""\n', "x = (1\n    % 2)\n", "y = 3 \\\n    % 2\n", "z = 1  # why?\n", "a != b\n"],
)
def test_python_lines_are_not_masked(source):
    assert mask_cell(1, source).hidden == ()


def test_a_cell_magic_cell_is_masked_whole_and_restored_byte_for_byte():
    source = "%%time\nfor i in range(3):\n    y = tf.log(3.0)\r\n!echo done"
    cell = mask_cell(6, source)
    assert len(cell.hidden) == 4 and cell.chunk.count("\n") == 4
    assert restore_cell(cell, cell.chunk) == source


def test_a_moved_ipython_line_or_lost_marker_fails_the_notebook(tmp_path):
    path = write(tmp_path, notebook(CELLS))
    source = read_notebook(path)

    def dropping(marker_text):
        def transform(joined):
            return FileResult(path, tmp_path, Status.CHANGED, joined, new_text=joined.text.replace(marker_text, "x = 0", 1))
        return transform

    lost_marker = run_notebook(source, tmp_path, dropping("pass  # tf2migrate:cell 4"))
    assert lost_marker.status is Status.FAILED and "cell boundaries were lost" in lost_marker.error.message
    lost_magic = run_notebook(source, tmp_path, dropping("pass  # tf2migrate:ipython 2.1"))
    assert lost_magic.status is Status.FAILED and "cell 2: the rewrite would move or change an IPython line" in lost_magic.error.message
    with pytest.raises(SourceError):
        source.encode(source.text.replace("pass  # tf2migrate:cell 5\n", ""))
    assert path.read_text(encoding="utf-8") == notebook(CELLS)


def test_marker_text_in_a_cell_is_refused(tmp_path):
    path = write(tmp_path, notebook([code("import tensorflow as tf  # tf2migrate:cell 9")]))
    result = run_file(path, tmp_path, CHAIN)
    assert result.status is Status.FAILED and "marker text" in result.error.message


def test_schema_problems_are_a_warning_not_a_refusal(tmp_path):
    cells = [dict(code("import tensorflow as tf\n", "x = tf.log(2.0)"), execution_count="one")]
    path = write(tmp_path, notebook(cells))
    result = run_file(path, tmp_path, CHAIN)
    assert result.status is Status.CHANGED
    assert result.findings[0].codemod == "notebook" and "nbformat schema" in result.findings[0].message


def test_unchanged_notebook_reproduces_its_bytes(tmp_path):
    path = write(tmp_path, notebook([code("import tensorflow as tf\n", "x = tf.math.log(2.0)")], indent=3))
    result = run_file(path, tmp_path, CHAIN)
    assert result.status is Status.UNCHANGED and result.source.encode(result.source.text) == path.read_bytes()


def test_cells_are_counted_from_one_including_markdown(tmp_path):
    path = write(tmp_path, notebook([markdown("a"), markdown("b"), code("import tensorflow as tf\n", "x = tf.log(1.0)")]))
    result = run_file(path, tmp_path, CHAIN)
    from tf2migrate.diffs import result_diff

    assert result_diff(result)[0] == f"--- a/{Path(path).as_posix().lstrip('/')}:cell 3"
