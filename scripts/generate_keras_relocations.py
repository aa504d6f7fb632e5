#!/usr/bin/env python3
"""Generate codemods/data/keras_relocations.json: where every public Keras 2.2.4 name lives in TF 2.21's tf.keras.

    python scripts/generate_keras_relocations.py            # regenerate the data file
    python scripts/generate_keras_relocations.py --check    # exit 1 when the committed file is out of date
    python scripts/generate_keras_relocations.py --report   # also print what could not be matched, and why

Two steps:

1. Dump, under the TF 1.15 oracle interpreter (tests/oracle.py's ``oracle_python()``; this same file run with
   ``--dump``): every module under ``keras`` and every public name importable from it, with what the object
   is (class, function, module, constant) and which paths name the same object (``optimizers.adam`` is
   ``optimizers.Adam``, ``layers.Convolution2D`` is ``layers.Conv2D``).
2. Resolve, under TF 2.21 in this interpreter, each old path to its tf.keras home, first match wins:
   the same path (or the path of another name for the same object); the same name in the folded parent
   module (``layers.core.Dense`` -> ``layers.Dense``); the same object name in the most specific tf.keras
   namespace (``engine.topology.Layer`` -> ``layers.Layer``); else no home (null). A home must be importable
   the way the codemod writes it (``from tensorflow.keras.<module> import <name>``) and of a compatible kind:
   a class stays a class, a module a module; a function may become a function or a class (Keras 3 made some
   factory functions, e.g. ``initializers.glorot_uniform``, classes; calling them works the same).

The dump step must stay Python 3.7 compatible: the oracle runs it.
"""
from __future__ import absolute_import, division, print_function

import argparse
import importlib
import inspect
import json
import os
import pkgutil
import subprocess
import sys
import types

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(REPO, "codemods", "data", "keras_relocations.json")

# Packages whose objects Keras 2.2.4 re-exports as its own (keras.preprocessing, keras.applications wrap them).
KERAS_PACKAGES = ("keras", "keras_preprocessing", "keras_applications")
CONSTANT_TYPES = (bool, int, float, str)

# Keras 2 modules whose names have no Keras 3 counterpart even where a tf.keras namespace of the same name
# exists: Keras 3's `legacy` is about old saving formats, its `wrappers` hold a different scikit-learn API.
NO_HOME = {
    "legacy": "Keras 2's legacy layers and interfaces were removed; tf.keras.legacy is an unrelated module",
    "wrappers.scikit_learn": "Keras 3's scikit-learn wrappers (SKLearnClassifier, ...) are a different API",
}
COMPATIBLE_KINDS = {
    "class": ("class",),
    "function": ("function", "class"),
    "module": ("module",),
    "constant": ("constant",),
}
# tf.keras namespaces never offered as a new home found by name (they hold Keras 3's own compatibility shims).
SKIPPED_NAMESPACE_SEGMENTS = ("legacy",)


# --------------------------------------------------------------------------- step 1: the Keras 2.2.4 API

def kind_of(value):
    if isinstance(value, types.ModuleType):
        return "module"
    if inspect.isclass(value):
        return "class"
    if callable(value):
        return "function"
    return "constant"


def _is_keras_object(value):
    root = (getattr(value, "__module__", None) or "").split(".")[0]
    return root in KERAS_PACKAGES


def public_names(module):
    """(name, value, kind) for the public names of a Keras module: its submodules, the classes and functions
    Keras defines (wherever in Keras), and simple constants; helpers it imported from elsewhere (numpy, six,
    tensorflow, another Keras module bound as a module) are not part of its API."""
    for name in sorted(dir(module)):
        if name.startswith("_"):
            continue
        value = getattr(module, name)
        kind = kind_of(value)
        if kind == "module":
            if value.__name__ == module.__name__ + "." + name:
                yield name, value, kind
        elif kind == "constant":
            if isinstance(value, CONSTANT_TYPES):
                yield name, value, kind
        elif _is_keras_object(value):
            yield name, value, kind


def relative(dotted):
    return "" if dotted == "keras" else dotted[len("keras."):]


def dump_keras2_api():
    """{"modules": {path: error or None}, "symbols": {path: {"kind", "name", "same_as"}}} for Keras 2.2.4,
    paths relative to ``keras.``."""
    import keras  # noqa: the oracle's Keras 2.2.4

    module_names = ["keras"] + sorted(
        info.name for info in pkgutil.walk_packages(keras.__path__, "keras.", onerror=lambda name: None)
    )
    modules, loaded = {}, {}
    for dotted in module_names:
        try:
            loaded[dotted] = importlib.import_module(dotted)
            modules[relative(dotted)] = None
        except Exception as exc:  # theano/cntk backends: their libraries are not installed
            modules[relative(dotted)] = "%s: %s" % (type(exc).__name__, exc)

    symbols, paths_by_object = {}, {}
    for dotted, module in sorted(loaded.items()):
        prefix = relative(dotted)
        for name, value, kind in public_names(module):
            path = prefix + "." + name if prefix else name
            symbols[path] = {"kind": kind, "name": getattr(value, "__name__", name) if kind != "constant" else name}
            if kind != "constant":  # equal small ints and strings are not aliases of each other
                paths_by_object.setdefault(id(value), []).append(path)
    for paths in paths_by_object.values():
        for path in paths:
            symbols[path]["same_as"] = sorted(p for p in paths if p != path)
    return {"modules": modules, "symbols": symbols}


def dump_under_oracle():
    sys.path.insert(0, REPO)
    from tests.oracle import oracle_python

    python = oracle_python()
    if python is None:
        raise SystemExit("the TF 1.15 oracle is unavailable: run `python tests/oracle.py setup`")
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONDONTWRITEBYTECODE="1", CUDA_VISIBLE_DEVICES="")
    proc = subprocess.run(
        [python, os.path.abspath(__file__), "--dump"], env=env, cwd=REPO,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True, timeout=600,
    )
    if proc.returncode != 0:
        raise SystemExit("the dump step failed on the oracle:\n" + proc.stderr[-3000:])
    return json.loads(proc.stdout)


# --------------------------------------------------------------------------- step 2: homes in tf.keras

class TfKeras(object):
    """TF 2.21's public tf.keras API: every namespace importable as ``tensorflow.keras.<path>``, and its names."""

    def __init__(self):
        import tensorflow  # noqa: TF 2.21

        self.namespaces = {}  # path -> module
        self._walk(importlib.import_module("tensorflow.keras"), "")
        self.by_name = {}  # name -> [(namespace, value)]
        for namespace, module in sorted(self.namespaces.items()):
            for name in dir(module):
                if not name.startswith("_"):
                    self.by_name.setdefault(name, []).append((namespace, getattr(module, name)))

    def _walk(self, module, path):
        self.namespaces[path] = module
        for name in sorted(dir(module)):
            if name.startswith("_"):
                continue
            value = getattr(module, name, None)
            child = path + "." + name if path else name
            if isinstance(value, types.ModuleType) and child not in self.namespaces and _importable(child):
                self._walk(value, child)

    def lookup(self, path):
        """The object at ``tensorflow.keras.<path>`` reached as the codemod's imports reach it, or None."""
        if path in self.namespaces:
            return self.namespaces[path]
        namespace, _, name = path.rpartition(".")
        module = self.namespaces.get(namespace)
        if module is None or name.startswith("_"):
            return None
        return getattr(module, name, None)


def _importable(path):
    try:
        importlib.import_module("tensorflow.keras." + path)
        return True
    except Exception:
        return False


def _parent(path):
    return path.rpartition(".")[0]


def _leaf(path):
    return path.rpartition(".")[2]


def _folded(path):
    """``layers.core.Dense`` -> [``layers.Dense``]: the name in each enclosing module except the root."""
    homes, ancestor = [], _parent(_parent(path))
    while ancestor:
        homes.append(ancestor + "." + _leaf(path))
        ancestor = _parent(ancestor)
    return homes


def _alias_preference(path, alias):
    """Other names of the same object, most like the one written first: same module, same capitalisation
    (``losses.mean_squared_error`` -> ``losses.mse`` rather than ``losses.MSE``), deepest path."""
    return (
        _parent(alias) != _parent(path),
        _leaf(alias)[:1].isupper() != _leaf(path)[:1].isupper(),
        -alias.count("."),
        alias,
    )


def _shared_prefix(a, b):
    count = 0
    for x, y in zip(a.split("."), b.split(".")):
        if x != y:
            break
        count += 1
    return count


class Resolver(object):
    def __init__(self, api, tf_keras):
        self.modules = api["modules"]
        self.symbols = api["symbols"]
        self.tf = tf_keras
        self.unmatched = {}  # old path -> why it has no home
        self.found_by_name = set()  # old paths whose home was found by name (worth a look when reviewing)

    def resolve_all(self):
        symbols = {path: self.symbol_home(path) for path in sorted(self.symbols)}
        modules = {path: self.module_home(path, symbols) for path in sorted(self.modules)}
        # A submodule named as a symbol (`from keras.layers import core`) goes where its module goes.
        for path, home in modules.items():
            if path in symbols:
                symbols[path] = home
        return modules, symbols

    # ---- symbols

    def symbol_home(self, path):
        entry = self.symbols[path]
        if entry["kind"] == "module":
            return None  # filled in from the module table
        why = self._no_home_reason(path)
        if why:
            self.unmatched[path] = why
            return None
        aliases = [p for p in entry.get("same_as", []) if not self._no_home_reason(p)]
        candidates = [path] + sorted(aliases, key=lambda alias: _alias_preference(path, alias))
        for old in candidates:  # the same path, or the folded parent; then the same for other names
            for new in [old] + _folded(old):
                if self._fits(path, new):
                    return new
        return self._by_name(path, candidates)

    def _fits(self, old, new):
        value = self.tf.lookup(new)
        return value is not None and kind_of(value) in COMPATIBLE_KINDS[self.symbols[old]["kind"]]

    def _by_name(self, path, candidates):
        """The same object name in the most specific tf.keras namespace; ambiguous names get no home."""
        names = sorted({_leaf(c) for c in candidates} | {self.symbols[path]["name"]})
        # A module that still exists keeps its names to itself: `backend.dot` must not become `layers.dot`,
        # nor `utils.layer_utils.count_params` `backend.count_params`. Only names of modules Keras 3 dropped
        # altogether (`engine`, `objectives`) are looked for everywhere.
        searched_tops = {c.split(".")[0] for c in candidates} & set(self.tf.namespaces) or None
        found = {}  # id -> (object, [new paths])
        for name in names:
            for namespace, value in self.tf.by_name.get(name, ()):
                top = namespace.split(".")[0]
                if any(s in SKIPPED_NAMESPACE_SEGMENTS for s in namespace.split(".")):
                    continue
                if searched_tops is not None and top not in searched_tops:
                    continue
                new = namespace + "." + name if namespace else name
                if kind_of(value) in COMPATIBLE_KINDS[self.symbols[path]["kind"]]:
                    found.setdefault(id(value), (value, []))[1].append(new)
        if not found:
            self.unmatched[path] = "no object of that name and kind in tf.keras"
            return None
        if len(found) > 1:
            best = max(max(_shared_prefix(n, c) for n in news for c in candidates) for _, news in found.values())
            found = {
                k: v for k, v in found.items()
                if max(_shared_prefix(n, c) for n in v[1] for c in candidates) == best
            }
        if len(found) > 1:
            options = sorted(min(news) for _, news in found.values())
            self.unmatched[path] = "ambiguous: " + ", ".join(options)
            return None
        (_, news), = found.values()
        self.found_by_name.add(path)
        return sorted(news, key=lambda n: (-n.count("."), n))[0]

    def _no_home_reason(self, path):
        for module, why in NO_HOME.items():
            if path == module or path.startswith(module + "."):
                return why
        return None

    # ---- modules

    def module_home(self, path, symbols):
        why = self._no_home_reason(path) or (self.modules[path] and "not importable on TF 1.15")
        if why:
            self.unmatched[path] = why
            return None
        if path in self.tf.namespaces:
            return path
        ancestor = _parent(path)
        while ancestor:
            if ancestor in self.tf.namespaces and self._folded_into(path, ancestor, symbols):
                return ancestor
            ancestor = _parent(ancestor)
        self.unmatched[path] = "no tf.keras module holds most of its names"
        return None

    def _folded_into(self, path, ancestor, symbols):
        """Whether most of the module's classes and functions that have a home found it in ``ancestor``."""
        homes = [
            home for old, home in symbols.items()
            if _parent(old) == path and home is not None and self.symbols[old]["kind"] in ("class", "function")
        ]
        return bool(homes) and 2 * sum(_parent(h) == ancestor for h in homes) >= len(homes)


# --------------------------------------------------------------------------- the data file

COMMENT = (
    "Keras 2.2.4 path -> its tf.keras path in TensorFlow 2.21 (Keras 3), both relative to `keras.` / "
    "`tensorflow.keras.`; null: no Keras 3 home. Generated by `python scripts/generate_keras_relocations.py` "
    "(needs the TF 1.15 oracle, `python tests/oracle.py setup`, and TF 2.21); do not edit by hand. "
    "tests/test_keras_relocations_data.py imports every target on TF 2.21."
)


def build_table():
    api = dump_under_oracle()
    resolver = Resolver(api, TfKeras())
    modules, symbols = resolver.resolve_all()
    table = {"_comment": COMMENT, "modules": modules, "symbols": symbols}
    return table, resolver.unmatched


def render(table):
    return json.dumps(table, indent=1, sort_keys=True) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--check", action="store_true", help="exit 1 when the committed data file is out of date")
    parser.add_argument("--report", action="store_true", help="print the old paths with no home, and why")
    args = parser.parse_args(argv)
    if args.dump:
        json.dump(dump_keras2_api(), sys.stdout, sort_keys=True)
        return 0
    table, unmatched = build_table()
    if args.report:
        for path, why in sorted(unmatched.items()):
            print("%-70s %s" % (path, why))
    text = render(table)
    if args.check:
        with open(DATA, encoding="utf-8") as handle:
            current = handle.read()
        if current != text:
            print("%s is out of date: run scripts/generate_keras_relocations.py" % DATA, file=sys.stderr)
            return 1
        return 0
    with open(DATA, "w", encoding="utf-8") as handle:
        handle.write(text)
    homes = sum(v is not None for v in table["symbols"].values())
    print("wrote %s: %d modules, %d symbols (%d with a home)" % (DATA, len(table["modules"]), len(table["symbols"]), homes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
