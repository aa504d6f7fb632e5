"""The engine's shortcuts around libcst's costs give libcst's results: method dispatch looked up once per node
type, import removals gathered into one pass, metadata without libcst's defensive copy, parents and positions
found without libcst's extra walks, declared metadata resolved when first asked for, and ``find_all``."""

import libcst as cst
import libcst.matchers as m
from libcst.codemod import CodemodContext
from libcst.metadata import MetadataWrapper, ParentNodeProvider, PositionProvider, ScopeProvider

from codemods._walk import find_all
from tests.conftest import REPO, rewrite
from tf2migrate.codemod import (
    METADATA_CACHE_KEY,
    Codemod,
    MetadataCache,
    _positions,
    all_still_read,
    parents_if_no_repeated_node,
)

GOLDEN_INPUTS = sorted(REPO.glob("golden/*/*/input.py"))
MARK = "# tensorflow\n"  # the runner parses only files that mention TensorFlow or Keras


class RenamesCallees(Codemod):
    """Uses every hook kind: a node hook, a leave hook, an attribute hook."""

    NAME = "renames-callees"
    TRIGGERS = ("(",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.calls = 0
        self.func_visits = 0

    def visit_Call(self, node):
        self.calls += 1

    def visit_Call_func(self, node):
        self.func_visits += 1

    def leave_Name(self, original_node, updated_node):
        return updated_node.with_changes(value="F") if updated_node.value == "f" else updated_node


class RenamesInsideFunctionsOnly(Codemod):
    """Uses a libcst matcher decorator, so it keeps libcst's own dispatch."""

    NAME = "renames-inside-functions-only"
    TRIGGERS = ("f",)

    @m.call_if_inside(m.FunctionDef())
    def leave_Name(self, original_node, updated_node):
        return updated_node.with_changes(value="g") if updated_node.value == "f" else updated_node


def test_fast_dispatch_calls_node_leave_and_attribute_hooks():
    result = rewrite(MARK + "f(1)\nh(f(2))\n", RenamesCallees)
    assert result.new_text == MARK + "F(1)\nh(F(2))\n"
    assert RenamesCallees._fast_dispatch and RenamesCallees._attribute_hooks


def test_a_codemod_with_matcher_decorators_keeps_libcst_dispatch():
    assert not RenamesInsideFunctionsOnly._fast_dispatch
    result = rewrite(MARK + "f = 1\ndef h():\n    return f\n", RenamesInsideFunctionsOnly)
    assert result.new_text == MARK + "f = 1\ndef h():\n    return g\n"


class RemovesOsImportWhenItDropsTheCall(Codemod):
    NAME = "removes-os-import"
    TRIGGERS = ("os",)

    def leave_Expr(self, original_node, updated_node):
        if m.matches(updated_node, m.Expr(m.Call(m.Attribute(m.Name("os"), m.Name("getcwd"))))):
            self.remove_unused_import("os")
            return updated_node.with_changes(value=cst.Integer("0"))
        return updated_node


class ImportsOsAgain(Codemod):
    """A later codemod that reuses the import the earlier one asked libcst to remove once unused."""

    NAME = "imports-os-again"
    TRIGGERS = ("0",)

    def leave_Integer(self, original_node, updated_node):
        return cst.parse_expression("os.sep") if updated_node.value == "0" else updated_node


def test_import_removals_wait_for_the_end_of_the_chain():
    assert rewrite(MARK + "import os\nos.getcwd()\n", RemovesOsImportWhenItDropsTheCall).new_text == MARK + "0\n"
    # Removed per codemod, the import would be gone by the time the second codemod needs it.
    chain = (RemovesOsImportWhenItDropsTheCall, ImportsOsAgain)
    assert rewrite(MARK + "import os\nos.getcwd()\n", *chain).new_text == MARK + "import os\nos.sep\n"


def test_all_still_read_only_when_python_sees_every_name_read():
    assert all_still_read("import os\nos.sep\n", [("os", None, None)])
    assert not all_still_read("import os\nos = 1\n", [("os", None, None)])  # bound again, never read
    assert not all_still_read("from a import b as c\nb\n", [("a", "b", "c")])
    assert not all_still_read("import a.b\na.b\n", [("a.b", None, None)])  # dotted: libcst decides
    assert not all_still_read("x = (\n", [("os", None, None)])


def test_a_repeated_node_is_found_and_then_copied():
    shared = cst.Name("x")
    tree = cst.Module([cst.SimpleStatementLine([cst.Expr(cst.Tuple([cst.Element(shared), cst.Element(shared)]))])])
    assert parents_if_no_repeated_node(tree) is None
    wrapper = MetadataCache().wrapper_for(tree)
    assert wrapper.module is not tree  # libcst's copy: each occurrence gets its own parent
    parents = wrapper.resolve(ParentNodeProvider)
    names = find_all(wrapper.module, cst.Name)
    assert len({id(parents[name]) for name in names}) == 2


def test_a_parsed_tree_needs_no_copy_and_gets_libcst_parents_and_positions():
    for path in GOLDEN_INPUTS:
        tree = cst.parse_module(path.read_text(encoding="utf-8"))
        wrapper = MetadataCache().wrapper_for(tree)
        assert wrapper.module is tree
        libcst_wrapper = MetadataWrapper(tree, unsafe_skip_copy=True)
        assert dict(wrapper.resolve(ParentNodeProvider)) == dict(libcst_wrapper.resolve(ParentNodeProvider)), path
        assert dict(_positions(wrapper)) == dict(libcst_wrapper.resolve(PositionProvider)), path
        assert wrapper.resolve(PositionProvider) is _positions(wrapper)  # shared with the codemods that declare it


def test_find_all_finds_what_findall_finds_in_the_same_order():
    for path in GOLDEN_INPUTS:
        tree = cst.parse_module(path.read_text(encoding="utf-8"))
        imports = ((cst.Import, cst.ImportFrom), m.Import() | m.ImportFrom())
        for kind, matcher in ((cst.Call, m.Call()), (cst.Name, m.Name()), imports):
            assert find_all(tree, kind) == m.findall(tree, matcher), path
        run_calls = m.Call(func=m.Attribute(attr=m.Name("run")))
        assert find_all(tree, cst.Call, run_calls) == m.findall(tree, run_calls), path


class DeclaresScopesAsksOnlyForCalls(Codemod):
    NAME = "declares-scopes-asks-only-for-calls"
    TRIGGERS = ("tensorflow",)
    METADATA_DEPENDENCIES = (ScopeProvider,)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scopes = []

    def visit_Call(self, node):
        self.scopes.append(self.get_metadata(ScopeProvider, node))


def test_declared_metadata_is_resolved_when_first_asked_for():
    cache = MetadataCache()
    context = CodemodContext(scratch={METADATA_CACHE_KEY: cache})
    no_call = cst.parse_module(MARK + "x = 1\n")
    DeclaresScopesAsksOnlyForCalls(context).transform_module(no_call)
    assert ScopeProvider not in cache.wrapper_for(no_call)._metadata  # never resolved: nothing asked
    with_call = cst.parse_module(MARK + "print(1)\n")
    codemod = DeclaresScopesAsksOnlyForCalls(context)
    codemod.transform_module(with_call)
    assert codemod.scopes and codemod.scopes[0] is not None
