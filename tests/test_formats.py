"""--format sarif / github and the JSON report: shapes checked against the SARIF 2.1.0 schema (OASIS, committed
in tests/data) and tf2migrate's own report schema (tf2migrate/report.schema.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from codemods import CHAIN
from tests.conftest import REPO, run_cli
from tests.test_cli import LEGACY
from tf2migrate.engine import Run
from tf2migrate.formats import (
    ERROR_RULE,
    REWRITE_RULE,
    Rule,
    escape_github_data,
    escape_github_property,
    github_annotations,
    rules_for_chain,
    sarif_document,
)
from tf2migrate.results import FileError, FileResult, Finding, Severity, Status
from tf2migrate.source import decode_source

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra (pip install -e '.[test]')")

SARIF_SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
REPORT_SCHEMA = json.loads((REPO / "tf2migrate" / "report.schema.json").read_text(encoding="utf-8"))
# Collections keep a graph program in compat mode (no eager conversion exists for them).
GRAPH_PROGRAM = (
    "import tensorflow as tf\n"
    "x = tf.placeholder(tf.float32, [None])\n"
    'tf.add_to_collection("xs", x)\n'
    'y = tf.get_collection("xs")[0] * 2.0\n'
    "with tf.Session() as sess:\n"
    "    print(sess.run(y, feed_dict={x: [1.0]}))\n"
)


def validate(document: dict, schema: dict) -> None:
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = sorted(validator_class(schema).iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def project(tmp_path: Path) -> Path:
    """A tree with every kind of result: a rewrite with a finding, a compat-mode graph program (a finding with
    related places), a clean file, a file that does not parse, and (as a PATH argument) a missing file."""
    root = tmp_path / "project"
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "train.py").write_text(LEGACY + "from keras.engine.topology import Network\n")
    (root / "pkg" / "graph.py").write_text(GRAPH_PROGRAM)
    (root / "clean.py").write_text("import tensorflow as tf\nprint(tf.constant(1))\n")
    (root / "broken.py").write_text("import keras\ndef f(:\n")
    return root


def test_sarif_output_validates_against_the_sarif_2_1_0_schema(tmp_path):
    root = project(tmp_path)
    proc = run_cli("--format", "sarif", ".", "missing.py", cwd=root)
    assert proc.returncode == 2, proc.stderr  # a file failed
    document = json.loads(proc.stdout)  # stdout is the SARIF log alone: no diff
    validate(document, SARIF_SCHEMA)
    assert "files scanned" in proc.stderr  # the human summary still goes to stderr

    [sarif_run] = document["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "tf2migrate"
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert rule_ids[: len(CHAIN)] == [codemod.NAME for codemod in CHAIN]
    assert {ERROR_RULE, REWRITE_RULE} <= set(rule_ids)
    for result in sarif_run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]

    by_rule: dict = {}
    for result in sarif_run["results"]:
        by_rule.setdefault(result["ruleId"], []).append(result)
    [keras_finding] = by_rule["keras-imports-to-tf-keras"]
    assert keras_finding["level"] == "warning"
    location = keras_finding["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "pkg/train.py", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 11, "startColumn": 35}  # `Network`

    [compat] = by_rule["tf1-leftovers-to-compat-v1"]
    assert compat["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "pkg/graph.py"
    related_lines = {r["physicalLocation"]["region"]["startLine"] for r in compat["relatedLocations"]}
    assert {2, 3, 4, 5, 6} <= related_lines

    errors = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r for r in by_rule[ERROR_RULE]}
    assert set(errors) == {"broken.py", "missing.py"}
    assert errors["broken.py"]["level"] == "error"
    assert errors["broken.py"]["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    rewritten = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in by_rule[REWRITE_RULE]}
    assert rewritten == {"pkg/train.py", "pkg/graph.py"}
    assert sarif_run["invocations"] == [{"executionSuccessful": False}]
    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == root.resolve().as_uri() + "/"


def test_sarif_rules_carry_each_codemods_documentation():
    document = sarif_document(Run((), ()), rules_for_chain(CHAIN), base=REPO)
    validate(document, SARIF_SCHEMA)
    rules = {rule["id"]: rule for rule in document["runs"][0]["tool"]["driver"]["rules"]}
    for codemod in CHAIN:
        rule = rules[codemod.NAME]
        assert rule["shortDescription"]["text"] == codemod.summary()
        assert rule["help"]["text"] == codemod.documentation()
        assert rule["properties"]["fixSafety"] == codemod.FIX_SAFETY.value
    assert document["runs"][0]["results"] == []


def _result(path: str, *findings: Finding, error: FileError = None) -> FileResult:
    status = Status.FAILED if error else Status.UNCHANGED
    return FileResult(Path(path), Path("."), status, findings=findings, error=error)


def test_sarif_levels_absolute_paths_and_findings_without_a_place(tmp_path):
    findings = (
        Finding("a-codemod", 3, 5, Severity.INFO, "did a thing"),
        Finding("a-codemod", 0, 0, Severity.ERROR, "no place", suggestion="do this"),
    )
    outside = tmp_path / "elsewhere dir" / "x.py"
    run = Run((_result("in/side.py", *findings), _result(str(outside), findings[0])), ())
    document = sarif_document(run, [Rule("a-codemod", "A codemod.")], base=tmp_path / "cwd")
    validate(document, SARIF_SCHEMA)
    results = document["runs"][0]["results"]
    assert [r["level"] for r in results] == ["note", "error", "note"]
    assert "region" not in results[1]["locations"][0]["physicalLocation"]
    assert results[1]["message"]["text"] == "no place\nhelp: do this"
    assert results[2]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": outside.as_uri()}
    # The schema does hold the document to something: a level SARIF does not define is refused.
    results[0]["level"] = "info"
    assert not jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).is_valid(document)


def test_sarif_adds_a_rule_for_a_finding_of_an_unlisted_codemod():
    run = Run((_result("a.py", Finding("not-in-the-chain", 1, 1, Severity.WARNING, "m")),), ())
    document = sarif_document(run, [], base=REPO)
    validate(document, SARIF_SCHEMA)
    [result] = document["runs"][0]["results"]
    assert document["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "not-in-the-chain"


def test_github_escaping_follows_the_workflow_command_rules():
    assert escape_github_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_github_property("dir,1/a:b%.py") == "dir%2C1/a%3Ab%25.py"


def test_github_annotations_one_per_finding_failure_and_rewrite(tmp_path):
    finding = Finding("some-codemod", 4, 2, Severity.WARNING, "50% of it: kept", suggestion="fix\nit")
    run = Run(
        (
            _result("a,b.py", finding),
            _result("broken.py", error=FileError("cannot parse", 2, 7)),
        ),
        ((Path("gone.py"), "no such file or directory"),),
    )
    lines = list(github_annotations(run, base=Path.cwd()))
    assert lines == [
        "::error file=gone.py,title=tf2migrate/error::no such file or directory",
        "::warning file=a%2Cb.py,line=4,col=2,title=some-codemod::50%25 of it: kept%0Ahelp: fix%0Ait",
        "::error file=broken.py,line=2,col=7,title=tf2migrate/error::cannot parse",
    ]


def test_github_format_on_the_command_line(tmp_path):
    root = project(tmp_path)
    proc = run_cli("--format", "github", "--check", ".", cwd=root)
    assert proc.returncode == 2  # broken.py failed
    lines = proc.stdout.splitlines()
    assert all(line.startswith(("::warning ", "::error ", "::notice ")) for line in lines), proc.stdout
    assert "::warning file=pkg/train.py,line=11,col=35,title=keras-imports-to-tf-keras::" in proc.stdout
    assert "::error file=broken.py,line=2," in proc.stdout
    assert "::notice file=pkg/train.py,line=2,title=tf2migrate/rewrite::" in proc.stdout
    assert "would change:" not in proc.stdout  # the annotations replace --check's list


def test_format_and_interactive_exclude_each_other(tmp_path):
    proc = run_cli("--format", "sarif", "--interactive", str(tmp_path))
    assert proc.returncode == 2 and "--interactive" in proc.stderr


def test_json_report_validates_against_its_schema(tmp_path):
    root = project(tmp_path)
    report = tmp_path / "report.json"
    proc = run_cli(".", "missing.py", "--fallback", "compat", "--report", str(report), cwd=root)
    assert proc.returncode == 2
    document = json.loads(report.read_text())
    validate(document, REPORT_SCHEMA)
    files = {entry["path"]: entry for entry in document["files"]}
    assert files["pkg/graph.py"]["mode"] == "compat"
    assert any(finding["related"] for finding in files["pkg/graph.py"]["findings"])
    assert files["broken.py"]["error"]["line"] == 2
    assert document["invalid_paths"] == [{"path": "missing.py", "message": "no such file or directory"}]


def test_the_report_schema_rejects_what_it_does_not_describe():
    document = {
        "schema_version": 1, "tool": "tf2migrate", "version": "0",
        "summary": dict.fromkeys(["scanned", "changed", "unchanged", "skipped", "failed", "converted", "compat", "tf1"], 0),
        "findings_by_codemod": {}, "invalid_paths": [], "files": [],
    }
    validate(document, REPORT_SCHEMA)
    validator = jsonschema.Draft202012Validator(REPORT_SCHEMA)
    assert not validator.is_valid({**document, "extra": 1})
    assert not validator.is_valid({**document, "files": [{"path": "a.py", "status": "odd", "findings": [],
                                                           "error": None, "mode": None}]})


def test_the_runs_own_text_round_trips_a_real_source_file():
    # first_changed_line works on the file's text, not its bytes: a CRLF file points at the right line.
    source = decode_source(Path("a.py"), b"import tensorflow as tf\r\nx = tf.log(1.0)\r\n")
    result = FileResult(
        Path("a.py"), Path("."), Status.CHANGED, source=source, new_text="import tensorflow as tf\r\nx = tf.math.log(1.0)\r\n"
    )
    [line] = [a for a in github_annotations(Run((result,), ()), base=Path.cwd())]
    assert line.startswith("::notice file=a.py,line=2,title=tf2migrate/rewrite::")


def test_a_notebook_cell_place_goes_into_the_message_not_the_region():
    finding = Finding("a-codemod", 2, 5, Severity.WARNING, "kept", cell=3)
    run = Run((_result("nb.ipynb", finding, error=FileError("bad cell", 4, 1, cell=2)),), ())
    document = sarif_document(run, [Rule("a-codemod", "A codemod.")], base=Path.cwd())
    validate(document, SARIF_SCHEMA)
    error, result = document["runs"][0]["results"]
    assert result["message"]["text"] == "cell 3, line 2: kept"
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert error["message"]["text"] == "cell 2, line 4: bad cell"
    assert list(github_annotations(run, base=Path.cwd())) == [
        "::error file=nb.ipynb,title=tf2migrate/error::cell 2, line 4: bad cell",
        "::warning file=nb.ipynb,title=a-codemod::cell 3, line 2: kept",
    ]
