"""The command line: options in, engine calls, exit codes out. This is the one place that wires the codemod
chain into the engine.

Exit codes: 0 success (nothing to change, or changes applied / shown); 1 ``--check`` found files that would
change; 2 usage error, or any file failed (unreadable, unparsable, not writable).
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from codemods import CHAIN
from tf2migrate import __version__
from tf2migrate.codemod import FallbackMode, KerasTarget, Settings
from tf2migrate.config import ConfigError, describe, resolve_command
from tf2migrate.diffs import print_diff, result_diff
from tf2migrate.engine import (
    Run,
    UsageError,
    check_output_dir,
    migrate,
    select_chain,
    write_changes,
    write_output_dir,
)
from tf2migrate.formats import OutputFormat, rules_for_chain, write_format
from tf2migrate.progress import LazyProgress
from tf2migrate.report import print_findings, print_summary, write_json_report
from tf2migrate.results import FileError, Status

EXIT_OK, EXIT_CHANGES, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("migrate", "list", "explain", "verify")

app = typer.Typer(
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Rewrite TensorFlow 1.x / standalone Keras 2.x code into TensorFlow 2 (Keras 3). "
    "`tf2migrate PATH...` is short for `tf2migrate migrate PATH...`.",
)


@app.command("migrate")
def migrate_command(
    ctx: typer.Context,
    paths: Optional[List[str]] = typer.Argument(None, metavar="PATH...", help="Files and directories to migrate."),
    write: bool = typer.Option(False, "--write", "-w", help="Rewrite changed files in place."),
    output_dir: Optional[Path] = typer.Option(
        None, "--output-dir", "-o", help="Write the migrated tree here; the input is left untouched."
    ),
    interactive: bool = typer.Option(False, "--interactive", "-i", help="Review and apply changes hunk by hunk."),
    check: bool = typer.Option(False, "--check", help="Exit 1 if any file would change; write nothing."),
    select: Optional[str] = typer.Option(None, "--select", metavar="NAME,...", help="Run only these codemods."),
    ignore: Optional[str] = typer.Option(None, "--ignore", metavar="NAME,...", help="Do not run these codemods."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Also apply fixes that may change behaviour."),
    gpu_memory_limit: Optional[int] = typer.Option(
        None, "--gpu-memory-limit", metavar="MB", min=1,
        help="Convert per_process_gpu_memory_fraction to this fixed per-GPU memory limit instead of memory growth.",
    ),
    keras: KerasTarget = typer.Option(
        KerasTarget.KERAS3, "--keras", case_sensitive=False,
        help="Target Keras: 3 (tf.keras in TF 2.21) or legacy (the tf_keras package: Keras 2 semantics).",
    ),
    fallback: FallbackMode = typer.Option(
        FallbackMode.COMPAT, "--fallback", case_sensitive=False,
        help="Files still needing TF 1.x after every rewrite: compat (tf.compat.v1 names, graph mode where needed) "
        "or none (left as they are, with findings).",
    ),
    exclude: List[str] = typer.Option([], "--exclude", metavar="GLOB", help="Skip paths matching GLOB (repeatable)."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Parallel workers (default: one per core)."),
    report: Optional[Path] = typer.Option(None, "--report", metavar="FILE.json", help="Write a JSON report."),
    output_format: OutputFormat = typer.Option(
        OutputFormat.TEXT, "--format", case_sensitive=False,
        help="stdout: text (diffs, findings on stderr), sarif (SARIF 2.1.0) or github (Actions annotations).",
    ),
    show_config: bool = typer.Option(
        False, "--show-config", help="Print the effective configuration ([tool.tf2migrate] and flags) and exit."
    ),
    no_color: bool = typer.Option(False, "--no-color", help="Plain output even on a terminal."),
) -> None:
    """Show the changes as a diff (default), or apply them with --write / --output-dir / --interactive."""
    out = Console(no_color=no_color, highlight=False)
    err = Console(stderr=True, no_color=no_color, highlight=False)
    modes = [write, output_dir is not None, interactive, check]
    try:
        config = resolve_command(ctx, paths or [])
        if show_config:
            out.print("\n".join(describe(config)), markup=False, highlight=False, soft_wrap=True)
            return
        if not paths:
            raise UsageError("missing PATH... (files and directories to migrate)")
        if sum(modes) > 1:
            raise UsageError("--write, --output-dir, --interactive and --check exclude each other")
        if interactive and output_format is not OutputFormat.TEXT:
            raise UsageError("--interactive prints to the terminal: it cannot be combined with --format")
        unsafe_fixes, exclude, jobs = config["unsafe-fixes"], list(config["exclude"]), config["jobs"]
        gpu_memory_limit, keras, fallback = config["gpu-memory-limit"], config["keras"], config["fallback"]
        chain = select_chain(CHAIN, config["select"], config["ignore"], unsafe_fixes)
        if output_dir is not None:
            check_output_dir(output_dir, paths)
    except (UsageError, ConfigError) as exc:
        err.print(f"error: {exc}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_ERROR)

    progress = LazyProgress(err)
    try:
        settings = Settings(
            unsafe_fixes=unsafe_fixes, gpu_memory_limit_mb=gpu_memory_limit, keras_target=keras, fallback=fallback
        )
        run = migrate(paths, chain, settings, exclude, jobs, progress.set_total, progress.advance)
    finally:
        progress.close()

    changed_word = "would change"
    if write:
        run, changed_word = write_changes(run), "changed"
    elif output_dir is not None:
        run, changed_word = write_output_dir(run, output_dir), f"changed (written to {output_dir})"
    elif interactive:
        run, changed_word = _review(run, out), "changed (reviewed)"
    elif output_format is not OutputFormat.TEXT:
        pass  # stdout is the formatted report alone
    elif check:
        for result in run.changed:
            out.print(f"would change: {result.path}", highlight=False, soft_wrap=True)
    else:
        for result in run.changed:
            print_diff(out, result_diff(result))

    if output_format is OutputFormat.TEXT:
        print_findings(err, run)
    else:
        write_format(output_format, run, rules_for_chain(CHAIN), sys.stdout)
    print_summary(err, run, changed_word)
    if report is not None:
        write_json_report(report, run)
    if run.failed:
        raise typer.Exit(EXIT_ERROR)
    if check and run.changed:
        raise typer.Exit(EXIT_CHANGES)


def _review(run: Run, console: Console) -> Run:
    from tf2migrate.review import review  # the terminal loop is only needed in this mode

    try:
        outcome = review(run.changed, stdin=sys.stdin, console=console)
    except KeyboardInterrupt:
        console.print("\ninterrupted: nothing written for the file under review", highlight=False)
        raise typer.Exit(130)
    refused = dict(outcome.refused)
    results = tuple(
        dataclasses.replace(r, status=Status.FAILED, error=FileError(refused[r.path])) if r.path in refused else r
        for r in run.results
    )
    return dataclasses.replace(run, results=results)


@app.command("list")
def list_command() -> None:
    """List the codemods, in the order they run."""
    console = Console(highlight=False)
    width = max(len(codemod.NAME) for codemod in CHAIN)
    for codemod in CHAIN:
        console.print(f"{codemod.NAME:<{width}}  {codemod.FIX_SAFETY.value:<6}  {codemod.summary()}", soft_wrap=True)


@app.command("explain")
def explain_command(name: str = typer.Argument(..., help="A codemod name, as `tf2migrate list` prints it.")) -> None:
    """Show a codemod's documentation: what it does, why, an example, fix safety and limitations."""
    wanted = name.strip().lower().replace("_", "-")
    for codemod in CHAIN:
        if codemod.NAME == wanted:
            Console(highlight=False).print(f"{codemod.NAME} ({codemod.FIX_SAFETY.value} fix)\n", markup=False)
            Console(highlight=False).print(codemod.documentation(), markup=False, soft_wrap=True)
            return
    Console(stderr=True).print(f"error: unknown codemod {name!r}; see `tf2migrate list`", highlight=False)
    raise typer.Exit(EXIT_ERROR)


@app.command("verify")
def verify_command(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Files and directories to check."),
    exclude: List[str] = typer.Option([], "--exclude", metavar="GLOB", help="Skip paths matching GLOB (repeatable)."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Parallel parsing workers (default: one per core)."),
    report: Optional[Path] = typer.Option(None, "--report", metavar="FILE.json", help="Write a JSON report."),
    no_color: bool = typer.Option(False, "--no-color", help="Plain output even on a terminal."),
) -> None:
    """Check every TensorFlow / Keras name the code uses against the TensorFlow installed here (needs TensorFlow).
    Exit 1 if any does not resolve."""
    import time

    from tf2migrate.verify import TensorFlowMissing, verify_paths, write_verify_report

    out = Console(no_color=no_color, highlight=False)
    err = Console(stderr=True, no_color=no_color, highlight=False)
    started = time.perf_counter()
    try:
        run = verify_paths(paths, exclude, jobs)
    except TensorFlowMissing as exc:
        err.print(f"error: {exc}", markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_ERROR)
    for path, message in run.bad_paths:
        err.print(f"{path}: error {message}", markup=False, soft_wrap=True)
    for check in run.files:
        if check.error:
            where = f"{check.path}:{check.error_line}" if check.error_line else check.path
            err.print(f"{where}: error {check.error}; not checked", markup=False, soft_wrap=True)
        for problem in check.unresolved:
            out.print(problem.text(), markup=False, soft_wrap=True)
    failed = len(run.errors) + len(run.bad_paths)
    with_problems = sum(1 for check in run.files if check.unresolved)
    err.print(
        f"{len(run.files)} file{'s' if len(run.files) != 1 else ''} checked against TF {run.tensorflow_version}: "
        f"{len(run.unresolved)} name{'s' if len(run.unresolved) != 1 else ''} not resolved in {with_problems} "
        f"file{'s' if with_problems != 1 else ''}, {failed} failed ({time.perf_counter() - started:.1f}s)",
        markup=False, soft_wrap=True,
    )
    if report is not None:
        write_verify_report(report, run)
    if failed:
        raise typer.Exit(EXIT_ERROR)
    if run.unresolved:
        raise typer.Exit(EXIT_CHANGES)


def _version_callback(value: bool) -> None:
    if value:
        print(f"tf2migrate {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version_callback, is_eager=True, help="Show the version."),
) -> None:
    pass


def main(argv: Optional[List[str]] = None) -> None:
    """Console script entry point: a first argument that is not a subcommand means `migrate`."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in (*SUBCOMMANDS, "-h", "--help", "--version"):
        args.insert(0, "migrate")
    app(args=args, prog_name="tf2migrate")
