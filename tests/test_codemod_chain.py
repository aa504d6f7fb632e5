"""The chain holds every codemod, and every codemod documents itself with an Example that really becomes its
Use instead."""

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import codemods
from codemods import CHAIN
from tf2migrate.codemod import DOC_HEADINGS, Codemod
from tf2migrate.runner import run_text

CODEMOD_MODULES = sorted(
    name for _, name, _ in pkgutil.iter_modules(codemods.__path__) if not name.startswith("_")
)


def test_every_codemod_module_is_in_the_chain_once():
    in_chain = sorted(codemod.__module__.rsplit(".", 1)[1] for codemod in CHAIN)
    assert in_chain == CODEMOD_MODULES


@pytest.mark.parametrize("module_name", CODEMOD_MODULES)
def test_one_codemod_class_per_module_named_after_the_module(module_name):
    module = importlib.import_module(f"codemods.{module_name}")
    classes = [v for v in vars(module).values() if isinstance(v, type) and issubclass(v, Codemod) and v.__module__ == module.__name__]
    assert len(classes) == 1
    assert classes[0].NAME == module_name.replace("_", "-")
    assert classes[0].TRIGGERS or classes[0].TRIGGER_PATTERN, "a codemod without triggers would run on every file"


@pytest.mark.parametrize("codemod", CHAIN, ids=lambda c: c.NAME)
def test_docstring_has_every_heading_in_order(codemod):
    lines = codemod.documentation().splitlines()
    positions = [lines.index(f"{heading}:") for heading in DOC_HEADINGS]
    assert positions == sorted(positions)
    for heading in DOC_HEADINGS:
        assert codemod.doc_section(heading).strip(), f"{heading} is empty"


@pytest.mark.parametrize("codemod", CHAIN, ids=lambda c: c.NAME)
def test_example_becomes_use_instead(codemod):
    example = codemod.doc_section("Example") + "\n"
    use_instead = codemod.doc_section("Use instead") + "\n"
    assert example != use_instead
    assert run_text(example, [codemod]).new_text == use_instead
    assert run_text(use_instead, [codemod]).new_text is None  # idempotent on its own output


def _imported_modules(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_engine_never_imports_a_codemod_only_the_cli_wires_the_chain():
    engine = Path(__file__).resolve().parent.parent / "tf2migrate"
    importers = {
        p.name
        for p in engine.glob("*.py")
        if any(name == "codemods" or name.startswith("codemods.") for name in _imported_modules(p))
    }
    assert importers == {"cli.py"}
