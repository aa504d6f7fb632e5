"""Findings, the end-of-run summary, and the JSON report."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Dict

from rich.console import Console
from rich.text import Text

from tf2migrate import __version__
from tf2migrate.engine import Run
from tf2migrate.results import Mode, Severity, Status, location

REPORT_SCHEMA_VERSION = 1

_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def counts(run: Run) -> Dict[str, int]:
    """Files by status, and how the files that were read ended up: ``converted`` (changed, idiomatic TF2),
    ``compat`` (runs through tf.compat.v1), ``tf1`` (TF 1.x-only APIs left, with --fallback none)."""
    by_status = Counter(result.status for result in run.results)
    by_mode = Counter(result.mode for result in run.results if result.status is not Status.FAILED)
    converted = sum(1 for r in run.results if r.status is Status.CHANGED and r.mode is None)
    return {
        "scanned": len(run.results),
        "changed": by_status[Status.CHANGED],
        "unchanged": by_status[Status.UNCHANGED],
        "skipped": by_status[Status.SKIPPED],
        "failed": by_status[Status.FAILED] + len(run.bad_paths),
        "converted": converted,
        "compat": by_mode[Mode.COMPAT],
        "tf1": by_mode[Mode.TF1],
    }


def findings_by_codemod(run: Run) -> Dict[str, int]:
    tally = Counter(f.codemod for result in run.results for f in result.findings)
    return dict(sorted(tally.items()))


def print_findings(console: Console, run: Run) -> None:
    """One line per problem, ``path:line:col: severity [codemod] message``, then how to fix it."""
    for path, message in run.bad_paths:
        console.print(Text.assemble((f"{path}: ", "bold"), ("error", _SEVERITY_STYLE[Severity.ERROR]), f" {message}"))
    for result in run.results:
        if result.error is not None:
            where = location(result.path, result.error.line, result.error.column, result.error.cell)
            console.print(
                Text.assemble((f"{where}: ", "bold"), ("error", _SEVERITY_STYLE[Severity.ERROR]), f" {result.error.message}"),
                soft_wrap=True,
            )
        for finding in result.findings:
            console.print(
                Text.assemble(
                    (f"{location(result.path, finding.line, finding.column, finding.cell)}: ", "bold"),
                    (finding.severity.value, _SEVERITY_STYLE[finding.severity]),
                    f" [{finding.codemod}] {finding.text()}",
                ),
                soft_wrap=True,
            )
            if finding.suggestion:
                console.print(Text(f"    help: {finding.suggestion}", style="dim"), soft_wrap=True)


def print_summary(console: Console, run: Run, changed_word: str) -> None:
    c = counts(run)
    console.print(
        f"{c['scanned']} file{'s' if c['scanned'] != 1 else ''} scanned: {c['changed']} {changed_word}, "
        f"{c['unchanged']} unchanged, {c['skipped']} skipped (no TensorFlow/Keras code), {c['failed']} failed",
        highlight=False,
        soft_wrap=True,
    )
    if c["converted"] or c["compat"] or c["tf1"]:
        left = f", {c['tf1']} left with TF 1.x-only APIs (--fallback none)" if c["tf1"] else ""
        console.print(
            f"{c['converted']} converted to idiomatic TF2, {c['compat']} kept in compat mode (tf.compat.v1){left}",
            highlight=False,
            soft_wrap=True,
        )
    tally = findings_by_codemod(run)
    if tally:
        console.print("findings: " + ", ".join(f"{name} {n}" for name, n in tally.items()), highlight=False, soft_wrap=True)


def write_json_report(path: Path, run: Run) -> None:
    """The JSON Schema is report.schema.json next to this module (shipped in the package). Schema (version 1): {schema_version, tool, version, summary{scanned, changed, unchanged, skipped, failed,
    converted, compat, tf1}, findings_by_codemod{name: n}, invalid_paths[{path, message}], files[{path, status,
    findings[{codemod, line, column, severity, message, suggestion, related[{line, what}]}],
    error{message, line, column, traceback} | null, mode: "compat" | "tf1" | null}]}."""
    document = {
        "schema_version": REPORT_SCHEMA_VERSION,
        "tool": "tf2migrate",
        "version": __version__,
        "summary": counts(run),
        "findings_by_codemod": findings_by_codemod(run),
        "invalid_paths": [{"path": str(p), "message": m} for p, m in run.bad_paths],
        "files": [result.as_dict() for result in run.results],
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
