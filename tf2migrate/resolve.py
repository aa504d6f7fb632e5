"""Looking dotted names up in the TensorFlow / Keras installed in this environment, and which keywords a
callable accepts. Used by ``tf2migrate verify``; TensorFlow is imported by :meth:`LiveResolver.start`, never
when this module is imported.

A name resolves the way Python finds it: import the root package, then ``getattr`` along the chain; where an
attribute of a module is missing, the submodule of that name is imported (what ``from a import b`` does, and
what an ``import a.b`` elsewhere in the program would have done). A chain is followed only through modules and
classes, whose attributes exist without running the program; past a function or an instance (``tf.float32``)
it counts as resolved. Every lookup is cached per dotted name.

Keywords: a call to a class or a Python function is checked against its signature. A ``**kwargs`` parameter
accepts anything, unless the source of that function shows what it does with it (read by :func:`_kwargs_use`):
the keys it reads (``kwargs.pop("input_shape")``), whether it hands the rest to ``super().__init__(**kwargs)``
(then the next ``__init__`` in the MRO decides), and whether it raises on any left (``if kwargs: raise ...``,
as Keras 3's ``Layer`` and optimizer base classes do). Anything else with ``**kwargs`` is taken to accept
every keyword, so the check errs towards silence.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import os
import sys
import textwrap
import types
from dataclasses import dataclass
from typing import Dict, FrozenSet, Iterator, Optional, Set

import libcst as cst
import libcst.matchers as m

ROOTS = ("tensorflow", "keras", "tf_keras")


class TensorFlowMissing(Exception):
    """``import tensorflow`` failed in this environment."""


@dataclass(frozen=True)
class Lookup:
    """``missing`` is why the name does not exist ("" when it does); ``value`` is the object it names, or None
    where the chain went past what is known statically (an attribute of a function or an instance)."""

    value: object = None
    missing: str = ""

    @property
    def found(self) -> bool:
        return not self.missing


_OPAQUE = Lookup()


@dataclass(frozen=True)
class _KwargsUse:
    reads: FrozenSet[str]  # keys the function takes out of **kwargs itself
    forwards_to_super: bool  # super().__init__(..., **kwargs)
    rejects_rest: bool  # `if kwargs: raise ...`


class LiveResolver:
    """Resolves names against the live packages; one per process (the caches assume the installation does not
    change while it runs)."""

    def __init__(self) -> None:
        self._lookups: Dict[str, Lookup] = {}
        self._keywords: Dict[int, Optional[FrozenSet[str]]] = {}
        self._versions: Dict[str, str] = {}
        self.tensorflow_version = ""

    def start(self) -> None:
        """Import TensorFlow (once); raise :class:`TensorFlowMissing` with a one-line reason when it fails."""
        if self.tensorflow_version:
            return
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # keep TensorFlow's start-up chatter off the output
        try:
            with _native_stderr_silenced():
                import tensorflow
        except BaseException as exc:  # an ImportError, or a broken installation failing as it loads
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise TensorFlowMissing(
                f"`tf2migrate verify` checks code against the TensorFlow installed in this environment, and "
                f"`import tensorflow` failed ({reason}); install TensorFlow here (pip install tensorflow) and run "
                "it again"
            ) from None
        self.tensorflow_version = getattr(tensorflow, "__version__", "?")

    def where(self, dotted: str) -> str:
        """The installation a name was looked up in, for messages: "TF 2.21.0", "standalone Keras 3.15.1"."""
        root = dotted.split(".")[0]
        if root not in self._versions:
            self._versions[root] = _installation(root)
        return self._versions[root]

    def lookup(self, dotted: str) -> Lookup:
        if dotted not in self._lookups:
            self._lookups[dotted] = self._lookup(dotted)
        return self._lookups[dotted]

    def import_module(self, dotted: str) -> Lookup:
        """What ``import dotted`` does: the module itself must import."""
        key = "import " + dotted
        if key not in self._lookups:
            try:
                self._lookups[key] = Lookup(importlib.import_module(dotted))
            except Exception as exc:
                self._lookups[key] = Lookup(missing=_import_failure(dotted, exc))
        return self._lookups[key]

    def _lookup(self, dotted: str) -> Lookup:
        parent_name, _, attribute = dotted.rpartition(".")
        if not parent_name:
            return self.import_module(dotted)
        parent = self.lookup(parent_name)
        if not parent.found or parent.value is None:
            return parent
        if not (isinstance(parent.value, types.ModuleType) or inspect.isclass(parent.value)):
            return _OPAQUE
        try:
            return Lookup(getattr(parent.value, attribute))
        except Exception:  # AttributeError, or a lazily loaded module failing as it loads
            pass
        if isinstance(parent.value, types.ModuleType):
            submodule = self.import_module(dotted)
            if submodule.found:
                return submodule
        return Lookup(missing=f"{parent_name} has no attribute '{attribute}'")

    def accepted_keywords(self, callee: object) -> Optional[FrozenSet[str]]:
        """The keywords a call to ``callee`` accepts, or None when that cannot be told (anything goes)."""
        key = id(callee)
        if key not in self._keywords:
            try:
                self._keywords[key] = _accepted_keywords(callee)
            except Exception:  # an object inspect cannot read: say nothing about it
                self._keywords[key] = None
        return self._keywords[key]


@contextlib.contextmanager
def _native_stderr_silenced() -> Iterator[None]:
    """TensorFlow's C++ start-up logs lines (oneDNN, CUDA drivers) that no setting turns off; they would bury the
    report. Python-level errors still reach the caller as exceptions."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _installation(root: str) -> str:
    try:
        version = getattr(importlib.import_module(root), "__version__", "?")
    except Exception:
        return f"{root} not importable"
    if root == "tensorflow":
        return f"TF {version}"
    if root == "keras":
        return f"standalone Keras {version}"
    return f"{root} {version}"


def _import_failure(dotted: str, exc: Exception) -> str:
    if isinstance(exc, ModuleNotFoundError) and exc.name and dotted.startswith(exc.name):
        parent, _, name = exc.name.rpartition(".")
        return f"{parent} has no module '{name}'" if parent else f"no module named '{name}'"
    return f"importing {dotted} fails: {type(exc).__name__}: {' '.join(str(exc).split())}"


def _accepted_keywords(callee: object) -> Optional[FrozenSet[str]]:
    if inspect.isclass(callee):
        return _class_keywords(callee)
    if inspect.isfunction(callee) or inspect.ismethod(callee):
        signature = inspect.signature(callee)
        names = _named_parameters(signature)
        kwargs = _var_keyword(signature)
        if kwargs is None:
            return names
        use = _kwargs_use(callee, kwargs)
        return names | use.reads if use is not None and use.rejects_rest else None
    return None


def _class_keywords(cls: type) -> Optional[FrozenSet[str]]:
    """Follow ``__init__`` along the MRO the way ``super().__init__(**kwargs)`` does."""
    if type(cls).__call__ is not type.__call__:
        return None  # a metaclass decides what the call does (tf.Variable)
    names: FrozenSet[str] = frozenset()
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        if klass is object or not (inspect.isfunction(init) or hasattr(init, "__wrapped__")):
            return None  # a C-level or unusual __init__: not inspectable
        signature = inspect.signature(init)
        names |= _named_parameters(signature, skip_first=True)
        kwargs = _var_keyword(signature)
        if kwargs is None:
            return names
        use = _kwargs_use(init, kwargs)
        if use is None:
            return None
        names |= use.reads
        if use.rejects_rest:
            return names
        if not use.forwards_to_super:
            return None
    return None


def _named_parameters(signature: inspect.Signature, skip_first: bool = False) -> FrozenSet[str]:
    parameters = list(signature.parameters.values())[1 if skip_first else 0:]
    kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    return frozenset(p.name for p in parameters if p.kind in kinds)


def _var_keyword(signature: inspect.Signature) -> Optional[str]:
    for parameter in signature.parameters.values():
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            return parameter.name
    return None


_KWARGS_USES: Dict[object, Optional[_KwargsUse]] = {}


def _kwargs_use(function: object, kwargs: str) -> Optional[_KwargsUse]:
    """What ``function``'s own source does with its ``**kwargs`` parameter named ``kwargs``; None without
    source. Cached per function: every Keras layer class leads to ``Layer.__init__``."""
    key = (inspect.unwrap(function), kwargs)
    if key not in _KWARGS_USES:
        try:
            module = cst.parse_module(textwrap.dedent(inspect.getsource(function)))
        except Exception:
            _KWARGS_USES[key] = None
        else:
            reader = _KwargsReader(kwargs)
            module.visit(reader)
            _KWARGS_USES[key] = _KwargsUse(frozenset(reader.reads), reader.forwards, reader.rejects)
    return _KWARGS_USES[key]


class _KwargsReader(cst.CSTVisitor):
    def __init__(self, kwargs: str) -> None:
        super().__init__()
        self.bag = m.Name(kwargs)
        self.reads: Set[str] = set()
        self.forwards = False
        self.rejects = False

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if not isinstance(func, cst.Attribute):
            return
        if func.attr.value in ("pop", "get") and m.matches(func.value, self.bag) and node.args:
            self._read(node.args[0].value)  # kwargs.pop("input_shape", None)
        elif func.attr.value == "__init__" and m.matches(func.value, m.Call(func=m.Name("super"))):
            self.forwards |= any(arg.star == "**" and m.matches(arg.value, self.bag) for arg in node.args)

    def visit_Subscript(self, node: cst.Subscript) -> None:
        if m.matches(node.value, self.bag) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
            self._read(node.slice[0].slice.value)  # kwargs["name"]

    def visit_Comparison(self, node: cst.Comparison) -> None:
        if len(node.comparisons) == 1 and isinstance(node.comparisons[0].operator, cst.In):
            if m.matches(node.comparisons[0].comparator, self.bag):
                self._read(node.left)  # "name" in kwargs

    def visit_If(self, node: cst.If) -> None:
        if m.matches(node.test, self.bag) and isinstance(node.body, cst.IndentedBlock):
            self.rejects |= any(  # if kwargs: raise ...
                isinstance(line, cst.SimpleStatementLine) and any(isinstance(s, cst.Raise) for s in line.body)
                for line in node.body.body
            )

    def _read(self, node: cst.BaseExpression) -> None:
        value = node.evaluated_value if isinstance(node, cst.SimpleString) else None
        if isinstance(value, str):
            self.reads.add(value)


