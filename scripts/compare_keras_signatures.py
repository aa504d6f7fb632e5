#!/usr/bin/env python3
"""Which Keras defaults did Keras 3 change, and which of those change what a legacy program computes or prints.

    python scripts/compare_keras_signatures.py                 # regenerate the data file and the report
    python scripts/compare_keras_signatures.py --skip-probes   # signatures only (fast); verdicts unconfirmed

Writes codemods/data/keras3_default_changes.json (read by codemods/keras3_defaults_made_explicit.py) and
scripts/keras_default_changes.md (the readable report, with the probes' outputs as evidence).

Three steps:

1. Dump ``inspect.signature`` of every public callable (classes: ``__init__``) of Keras 2.2.4 and of TF 1.15's
   ``tf.keras`` under the TF 1.15 oracle interpreter (tests/oracle.py's ``oracle_python()``; this same file run
   with ``--dump``), and of TF 2.21's ``tf.keras`` (Keras 3) in this interpreter; also the methods of
   ``Model`` (compile, fit, evaluate, predict, ...).
2. Pair the callables through their public path (``layers.recurrent.LSTM`` -> ``layers.LSTM``: Keras 3 folded
   the layer submodules into their parent) and list every parameter whose default changed, that was renamed
   (same position, new name), removed, or that moved to another position (a positional call then silently
   binds another parameter).
3. Triage each difference (TRIAGE below) and back the verdict with a probe: a small program run on Keras 2.2.4,
   on TF 1.15's tf.keras, on Keras 3 as the migrated program would call it, and on Keras 3 with the fix. The
   script checks each verdict against the probe's outputs (a "fixable" verdict needs Keras 3 with the fix to
   print what Keras 2.2.4 printed) and marks a verdict the outputs contradict as UNCONFIRMED.

The dump step must stay Python 3.7 compatible: the oracle runs this file.
"""
from __future__ import absolute_import, division, print_function

import argparse
import fnmatch
import importlib
import inspect
import io
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(REPO, "codemods", "data", "keras3_default_changes.json")
REPORT = os.path.join(REPO, "scripts", "keras_default_changes.md")

# Keras 2.2.4's public modules; the ones Keras 3 folded into their parent map to it.
KERAS2_MODULES = [
    "", "activations", "applications", "backend", "callbacks", "constraints", "initializers", "layers", "losses",
    "metrics", "models", "optimizers", "preprocessing.image", "preprocessing.sequence", "preprocessing.text",
    "regularizers", "utils",
]
FOLDED = {
    "layers.advanced_activations": "layers", "layers.convolutional": "layers",
    "layers.convolutional_recurrent": "layers", "layers.core": "layers", "layers.cudnn_recurrent": "layers",
    "layers.embeddings": "layers", "layers.local": "layers", "layers.merge": "layers", "layers.noise": "layers",
    "layers.normalization": "layers", "layers.pooling": "layers", "layers.recurrent": "layers",
    "layers.wrappers": "layers", "utils.data_utils": "utils", "utils.generic_utils": "utils",
    "utils.io_utils": "utils", "utils.layer_utils": "utils", "utils.np_utils": "utils", "utils.vis_utils": "utils",
}
MODEL_METHODS = [
    "compile", "fit", "evaluate", "predict", "train_on_batch", "test_on_batch", "predict_on_batch", "fit_generator",
    "evaluate_generator", "predict_generator", "save", "save_weights", "load_weights", "summary", "to_json",
    "get_layer", "reset_states",
]
SEQUENTIAL_ONLY_METHODS = ["predict_classes", "predict_proba"]
OWN_PACKAGES = ("keras", "keras_preprocessing", "keras_applications", "tensorflow", "tensorflow_core")
REQUIRED = "<required>"
# Renames whose default changed too, so that the same-default rule does not see them.
KNOWN_RENAMES = {("lr", "learning_rate")}
# Same place and default, different setting: Keras 3 ignores `input_length`; `write_grads` is gone.
NOT_RENAMES = {("input_length", "lora_rank"), ("write_grads", "write_steps_per_second")}


# --------------------------------------------------------------------------- step 1: dump (Python 3.7)

def _default_repr(value):
    if value is inspect.Parameter.empty:
        return REQUIRED
    if isinstance(value, (str, int, float, bool, type(None))):
        return repr(value)
    if isinstance(value, (tuple, list)) and all(isinstance(v, (str, int, float, bool, type(None), tuple))
                                                 for v in value):
        return repr(value)
    return "<%s>" % type(value).__name__


def _parameters(obj):
    target = obj.__init__ if inspect.isclass(obj) else obj
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):
        return None
    params = list(signature.parameters.values())
    if params and params[0].name == "self":
        params = params[1:]
    return [{"name": p.name, "kind": p.kind.name, "default": _default_repr(p.default)} for p in params]


def _is_own(obj):
    return (getattr(obj, "__module__", None) or "").split(".")[0] in OWN_PACKAGES


def dump(root):
    """Every public callable under ``root`` (``keras`` or ``tensorflow.keras``): path -> object, kind, params."""
    import contextlib
    import warnings

    warnings.filterwarnings("ignore")
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        importlib.import_module(root)
    found = {}
    for module_path in KERAS2_MODULES + sorted(FOLDED):
        try:
            module = importlib.import_module(root + ("." + module_path if module_path else ""))
        except Exception:  # a Keras 2 submodule Keras 3 does not have
            continue
        for name in sorted(dir(module)):
            obj = getattr(module, name, None)
            if name.startswith("_") or inspect.ismodule(obj) or not _is_own(obj):
                continue
            if not (inspect.isclass(obj) or inspect.isroutine(obj)):
                continue
            path = (module_path + "." if module_path else "") + name
            found[path] = {"object": "%s.%s" % (obj.__module__, getattr(obj, "__qualname__", name)),
                           "kind": "class" if inspect.isclass(obj) else "function", "params": _parameters(obj)}
    models = importlib.import_module(root + ".models")
    for method in MODEL_METHODS:
        _add_method(found, models.Model, "Model", method)
    for method in SEQUENTIAL_ONLY_METHODS:
        _add_method(found, models.Sequential, "Sequential", method)
    return found


def _add_method(found, cls, cls_name, method):
    function = getattr(cls, method, None)
    if function is not None:
        found["models.%s.%s" % (cls_name, method)] = {
            "object": "%s.%s" % (cls_name, method), "kind": "method", "params": _parameters(function)}


# --------------------------------------------------------------------------- step 2: pair and compare

def paths_by_object(api):
    """Each object's paths, best first: the one named like the object (``AveragePooling1D``, not ``AvgPool1D``),
    then the shallowest."""
    by_object = {}
    for path, entry in api.items():
        by_object.setdefault(entry["object"], []).append(path)

    def preference(path, obj):
        return (path.rpartition(".")[2] != obj.rpartition(".")[2], path.count("."), path)

    return sorted(sorted(paths, key=lambda p: preference(p, obj)) for obj, paths in by_object.items())


def keras3_path(path):
    if path.startswith("models.Model.") or path.startswith("models.Sequential."):
        return path
    module, _, name = path.rpartition(".")
    module = FOLDED.get(module, module)
    return (module + "." if module else "") + name


def _positional(params):
    return [p["name"] for p in params if p["kind"] in ("POSITIONAL_OR_KEYWORD", "POSITIONAL_ONLY")]


def _renames(old_params, new_params):
    """Positional parameters that kept their place and default under a new name (``alpha`` -> ``negative_slope``),
    and the renames known to be one though the default changed with it (``lr`` -> ``learning_rate``)."""
    old_by_name = {p["name"]: p for p in old_params}
    new_by_name = {p["name"]: p for p in new_params}
    renames = {}
    for old, new in zip(_positional(old_params), _positional(new_params)):
        if old == new or old in new_by_name or new in old_by_name or (old, new) in NOT_RENAMES:
            continue
        if old_by_name[old]["default"] == new_by_name[new]["default"] or (old, new) in KNOWN_RENAMES:
            renames[old] = new
    return renames


def compare(path, old_params, new_params, tf1_params):
    """The differences of one callable: a list of dicts (callable, parameter, change, defaults...)."""
    new_by_name = {p["name"]: p for p in new_params}
    tf1_by_name = {p["name"]: p for p in (tf1_params or [])}
    renames = _renames(old_params, new_params)
    has_var_keyword = any(p["kind"] == "VAR_KEYWORD" for p in new_params)
    positions = {name: i for i, name in enumerate(_positional(old_params))}
    differences = []

    def add(param, change, keras3_name, keras3_default, detail=""):
        differences.append({
            "callable": path, "parameter": param["name"], "change": change, "keras3_parameter": keras3_name,
            "keras2_default": param["default"],
            "tf_keras_1_15_default": tf1_by_name[param["name"]]["default"] if param["name"] in tf1_by_name else None,
            "keras3_default": keras3_default, "keras2_position": positions.get(param["name"]), "detail": detail,
        })

    for param in old_params:
        if param["kind"] in ("VAR_POSITIONAL", "VAR_KEYWORD"):
            continue
        name = param["name"]
        if name in renames:
            new = new_by_name[renames[name]]
            add(param, "renamed", new["name"], new["default"])
        elif name not in new_by_name:
            add(param, "removed", None, None, "Keras 3 takes **kwargs" if has_var_keyword else "")
        elif param["default"] != new_by_name[name]["default"] and param["default"] != REQUIRED:
            new_default = new_by_name[name]["default"]
            add(param, "now required" if new_default == REQUIRED else "default changed", name, new_default)
    moved = _first_moved_position(old_params, new_params, renames)
    if moved is not None:
        old_names = _positional(old_params)
        differences.append({
            "callable": path, "parameter": old_names[moved], "change": "positional order changed",
            "keras3_parameter": _positional(new_params)[moved], "keras2_default": None,
            "tf_keras_1_15_default": None, "keras3_default": None, "keras2_position": moved,
            "keras2_positional": old_names,
            "detail": "from position %d on, Keras 2 had %s; Keras 3 has %s" % (
                moved, ", ".join(old_names[moved:]), ", ".join(_positional(new_params)[moved:])),
        })
    return differences


def _first_moved_position(old_params, new_params, renames):
    old = [renames.get(name, name) for name in _positional(old_params)]
    new = _positional(new_params)
    for i, name in enumerate(old):
        if i >= len(new) or new[i] != name:
            return i if (name in new or i < len(new)) else None
    return None


def all_differences(keras2, tf_keras1, keras3):
    """The differences of every Keras 2 callable that Keras 3 still has, and the paths of those it has not."""
    differences, unpaired = [], []
    for paths in paths_by_object(keras2):
        found = [p for p in paths if keras3_path(p) in keras3]
        if not found:
            unpaired.append(paths[0])
            continue
        path = found[0]
        old, new = keras2[path]["params"], keras3[keras3_path(path)]["params"]
        if old is None or new is None:
            continue
        for difference in compare(path, old, new, tf_keras1.get(path, {}).get("params")):
            difference["aliases"] = [p for p in paths if p != path]  # the same object's other Keras 2 paths
            differences.append(difference)
    return differences, unpaired


# --------------------------------------------------------------------------- running interpreters

def program_env():
    env = dict(os.environ, PYTHONHASHSEED="0", TF_CPP_MIN_LOG_LEVEL="3", PYTHONIOENCODING="utf-8",
               PYTHONDONTWRITEBYTECODE="1", CUDA_VISIBLE_DEVICES="")
    env.pop("PYTHONPATH", None)
    return env


def run_dump(python, root):
    out = subprocess.run([python, os.path.abspath(__file__), "--dump", root], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=program_env(), check=True, timeout=600)
    return json.loads(out.stdout.decode("utf-8"))


def oracle():
    sys.path.insert(0, REPO)
    from tests.oracle import oracle_python

    python = oracle_python()
    if python is None:
        raise SystemExit("the TF 1.15 oracle is unavailable: run `python tests/oracle.py setup`")
    return python



# --------------------------------------------------------------------------- step 3: probes

# Every probe starts with this: ROOT is `keras` (Keras 2.2.4) or `tensorflow.keras` (TF 1.15's, or Keras 3);
# `show(label, thunk)` prints one "label => value" line (numbers rounded to 4 decimals, or "raises Error").
PROBE_HEADER = r'''
import contextlib, importlib, io, os, sys, tempfile, warnings
import numpy as np
warnings.filterwarnings("ignore")
ROOT = sys.argv[1]
with contextlib.redirect_stderr(io.StringIO()):
    keras = importlib.import_module(ROOT)
    (activations, backend, callbacks, initializers, layers, metrics, models, regularizers, utils, image,
     text) = [importlib.import_module(ROOT + "." + name) for name in (
        "activations", "backend", "callbacks", "initializers", "layers", "metrics", "models", "regularizers",
        "utils", "preprocessing.image", "preprocessing.text")]


def _fmt(value):
    if hasattr(value, "numpy") and not isinstance(value, np.ndarray):
        value = value.numpy()
    if isinstance(value, (np.ndarray, np.generic)):
        if value.dtype.kind == "f":
            return str((np.round(value.astype("float64"), 4) + 0.0).tolist())
        return str(value.tolist())
    if isinstance(value, float):
        return str(round(value, 4) + 0.0)
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, (float, np.floating)) for v in value):
        return str([round(float(v), 4) + 0.0 for v in value])
    return str(value)


def show(label, thunk):
    try:
        text = _fmt(thunk())
    except Exception as exc:
        text = "raises %s" % type(exc).__name__
    print("%s => %s" % (label, text))


def stdout_of(thunk):
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        thunk()
    return "prints a progress bar" if buffer.getvalue().strip() else "prints nothing"


def predict(make_layer, data):
    inp = layers.Input(shape=data.shape[1:])
    layer = make_layer()
    return models.Model(inp, layer(inp)).predict(data, verbose=0)


def evaluated(tensor):
    return backend.eval(tensor)


X = np.array([[0.0, 0.5], [1.0, 1.0], [2.0, -1.0], [-1.0, 0.5]], dtype="float32")
Y = np.array([[0.0], [1.0], [1.0], [0.0]], dtype="float32")
Y3 = np.array([[0, 1, 1], [1, 0, 1], [1, 1, 0], [0, 0, 1]], dtype="float32")
SEQ = np.linspace(-2, 2, 24).reshape(2, 4, 3).astype("float32")


def small_model(units=1, activation="sigmoid"):
    return models.Sequential([layers.Dense(units, input_shape=(2,), activation=activation,
                                           kernel_initializer="ones", bias_initializer="zeros")])


def rnn_init():
    return dict(kernel_initializer=initializers.Constant(0.3), recurrent_initializer=initializers.Constant(-0.2),
                bias_initializer=initializers.Constant(0.1))
'''

PROBES = {
    "recurrent_activation": r'''
hs = backend.hard_sigmoid
CLIP = np.linspace(-1, 1, 36).reshape(2, 2, 3, 3, 1).astype("float32")
V = np.array([-3.0, -2.0, -1.0, 0.0, 0.5, 1.0, 2.0, 3.0], dtype="float32")
show("LSTM(2)", lambda: predict(lambda: layers.LSTM(2, **rnn_init()), SEQ))
show("LSTM(2, recurrent_activation='hard_sigmoid')",
     lambda: predict(lambda: layers.LSTM(2, recurrent_activation="hard_sigmoid", **rnn_init()), SEQ))
show("LSTM(2, recurrent_activation=backend.hard_sigmoid)",
     lambda: predict(lambda: layers.LSTM(2, recurrent_activation=hs, **rnn_init()), SEQ))
show("LSTM(2, recurrent_activation=backend.hard_sigmoid, implementation=1)",
     lambda: predict(lambda: layers.LSTM(2, recurrent_activation=hs, implementation=1, **rnn_init()), SEQ))
show("RNN(LSTMCell(2))", lambda: predict(lambda: layers.RNN(layers.LSTMCell(2, **rnn_init())), SEQ))
show("RNN(LSTMCell(2, recurrent_activation=backend.hard_sigmoid))",
     lambda: predict(lambda: layers.RNN(layers.LSTMCell(2, recurrent_activation=hs, **rnn_init())), SEQ))
show("ConvLSTM2D(1, 2)", lambda: predict(lambda: layers.ConvLSTM2D(1, 2, **rnn_init()), CLIP))
show("ConvLSTM2D(1, 2, recurrent_activation=backend.hard_sigmoid)",
     lambda: predict(lambda: layers.ConvLSTM2D(1, 2, recurrent_activation=hs, **rnn_init()), CLIP))
show("ConvLSTM2D(1, 2, strides=(1, 1), dilation_rate=(1, 1), recurrent_activation=backend.hard_sigmoid)",
     lambda: predict(lambda: layers.ConvLSTM2D(1, 2, strides=(1, 1), dilation_rate=(1, 1), recurrent_activation=hs,
                                               **rnn_init()), CLIP))
show("Dense(3, activation='hard_sigmoid')",
     lambda: predict(lambda: layers.Dense(3, activation="hard_sigmoid", kernel_initializer="ones"), SEQ[0]))
show("Dense(3, activation=backend.hard_sigmoid)",
     lambda: predict(lambda: layers.Dense(3, activation=hs, kernel_initializer="ones"), SEQ[0]))
show("Activation('hard_sigmoid')", lambda: predict(lambda: layers.Activation("hard_sigmoid"), SEQ[0]))
show("Activation(backend.hard_sigmoid)", lambda: predict(lambda: layers.Activation(hs), SEQ[0]))
show("activations.hard_sigmoid(v)", lambda: evaluated(activations.hard_sigmoid(backend.constant(V))))
show("backend.hard_sigmoid(v)", lambda: evaluated(backend.hard_sigmoid(backend.constant(V))))
''',
    "gru": r'''
hs = backend.hard_sigmoid
KERNEL = np.linspace(-0.5, 0.5, 18).reshape(3, 6).astype("float32")
RECURRENT = np.linspace(0.4, -0.4, 12).reshape(2, 6).astype("float32")
BIAS = np.linspace(-0.1, 0.1, 6).astype("float32")


def with_keras2_weights(make):
    inp = layers.Input(shape=SEQ.shape[1:])
    layer = make()
    model = models.Model(inp, layer(inp))
    layer.set_weights([KERNEL, RECURRENT, BIAS])
    return model.predict(SEQ, verbose=0)


show("GRU(2)", lambda: predict(lambda: layers.GRU(2, **rnn_init()), SEQ))
show("GRU(2, reset_after=False)", lambda: predict(lambda: layers.GRU(2, reset_after=False, **rnn_init()), SEQ))
show("GRU(2, recurrent_activation=backend.hard_sigmoid)",
     lambda: predict(lambda: layers.GRU(2, recurrent_activation=hs, **rnn_init()), SEQ))
show("GRU(2, recurrent_activation=backend.hard_sigmoid, reset_after=False)",
     lambda: predict(lambda: layers.GRU(2, recurrent_activation=hs, reset_after=False, **rnn_init()), SEQ))
show("GRU(2, recurrent_activation=backend.hard_sigmoid, reset_after=False, implementation=1)",
     lambda: predict(lambda: layers.GRU(2, recurrent_activation=hs, reset_after=False, implementation=1,
                                        **rnn_init()), SEQ))
show("GRU(2) with Keras 2 weights", lambda: with_keras2_weights(lambda: layers.GRU(2)))
show("GRU(2, recurrent_activation=backend.hard_sigmoid, reset_after=False) with Keras 2 weights",
     lambda: with_keras2_weights(lambda: layers.GRU(2, recurrent_activation=hs, reset_after=False)))
show("RNN(GRUCell(2))", lambda: predict(lambda: layers.RNN(layers.GRUCell(2, **rnn_init())), SEQ))
show("RNN(GRUCell(2, recurrent_activation=backend.hard_sigmoid, reset_after=False))",
     lambda: predict(lambda: layers.RNN(layers.GRUCell(2, recurrent_activation=hs, reset_after=False,
                                                       **rnn_init())), SEQ))
''',
    "model_methods": r'''
model = small_model()
model.compile("sgd", "binary_crossentropy")
show("predict(x)", lambda: stdout_of(lambda: model.predict(X)))
show("predict(x, verbose=0)", lambda: stdout_of(lambda: model.predict(X, verbose=0)))
show("predict_on_batch(x)", lambda: stdout_of(lambda: model.predict_on_batch(X)))
show("evaluate(x, y)", lambda: stdout_of(lambda: model.evaluate(X, Y)))
show("evaluate(x, y, verbose=1)", lambda: stdout_of(lambda: model.evaluate(X, Y, verbose=1)))
show("fit(x, y)", lambda: stdout_of(lambda: model.fit(X, Y, shuffle=False)))
show("fit(x, y, verbose=1)", lambda: stdout_of(lambda: model.fit(X, Y, shuffle=False, verbose=1)))
show("predict(x) values", lambda: model.predict(X, verbose=0))
''',
    "metrics": r'''
NAMES = ["acc", "accuracy", "mae", "MAE", "mse", "MSE", "mape", "MAPE", "msle", "MSLE", "ce", "crossentropy",
         "cosine", "cosine_proximity", "logcosh", "binary_accuracy", "categorical_accuracy", "binary_crossentropy",
         "categorical_crossentropy", "hinge", "squared_hinge", "poisson", "top_k_categorical_accuracy",
         "mean_absolute_error", "mean_squared_error", "mean_absolute_percentage_error",
         "mean_squared_logarithmic_error", "kullback_leibler_divergence", "kld", "KLD"]
TARGET = np.eye(3, dtype="float32")[[0, 1, 2, 1]]


def history_keys(metric):
    model = small_model(3, "softmax")
    model.compile("sgd", "categorical_crossentropy", metrics=[metric])
    return sorted(k for k in model.fit(X, TARGET, verbose=0, shuffle=False).history if k != "loss")


for name in NAMES:
    show("history keys for metrics=[%r]" % name, lambda: history_keys(name))


def fitted(metrics_, units=1, target=Y, loss="binary_crossentropy", validation=False):
    model = small_model(units)
    model.compile("sgd", loss, metrics=metrics_)
    history = model.fit(X, target, epochs=2, batch_size=2, verbose=0, shuffle=False,
                        validation_data=(X, target) if validation else None)
    return model, history


show("metrics=['accuracy'] history values", lambda: sorted(fitted(["accuracy"])[1].history.values()))
show("metrics=['accuracy'] history key order with validation",
     lambda: list(fitted(["accuracy"], validation=True)[1].history))
show("metrics=['acc'] history key order with validation",
     lambda: list(fitted(["acc"], validation=True)[1].history))
show("metrics=['accuracy'] metrics_names", lambda: fitted(["accuracy"])[0].metrics_names)
show("metrics=['acc'] metrics_names", lambda: fitted(["acc"])[0].metrics_names)
show("binary_crossentropy, 3 units, metrics=['accuracy']: accuracy",
     lambda: [v for k, v in fitted(["accuracy"], 3, Y3)[1].history.items() if k != "loss"][0])
show("binary_crossentropy, 3 units, metrics=['acc']: acc", lambda: fitted(["acc"], 3, Y3)[1].history["acc"])
show("binary_crossentropy, 3 units, metrics=[metrics.BinaryAccuracy(name='acc')]: acc",
     lambda: fitted([metrics.BinaryAccuracy(name="acc")], 3, Y3)[1].history["acc"])
show("binary_crossentropy, 1 unit, metrics=['acc']: acc", lambda: fitted(["acc"])[1].history["acc"])
show("binary_crossentropy, 1 unit, metrics=[metrics.BinaryAccuracy(name='acc')]: acc",
     lambda: fitted([metrics.BinaryAccuracy(name="acc")])[1].history["acc"])
''',
    "sample_weight": r'''
def evaluate(**kwargs):
    model = small_model()
    model.compile("sgd", "binary_crossentropy")
    return model.evaluate(X, Y, verbose=0, **kwargs)


def fit(**kwargs):
    model = small_model()
    model.compile("sgd", "binary_crossentropy")
    return model.fit(X, Y, epochs=2, batch_size=4, verbose=0, shuffle=False, **kwargs).history["loss"]


show("evaluate(sample_weight=[1, 0, 1, 1])", lambda: evaluate(sample_weight=np.array([1.0, 0.0, 1.0, 1.0])))
show("evaluate(sample_weight=[1, 2, 1, 1])", lambda: evaluate(sample_weight=np.array([1.0, 2.0, 1.0, 1.0])))
show("fit(sample_weight=[1, 0, 1, 1])", lambda: fit(sample_weight=np.array([1.0, 0.0, 1.0, 1.0])))
show("fit(class_weight={0: 0, 1: 2})", lambda: fit(class_weight={0: 0.0, 1: 2.0}))
show("fit(class_weight={0: 1, 1: 2})", lambda: fit(class_weight={0: 1.0, 1: 2.0}))
''',
    "regularizers": r'''
def penalty(regularizer):
    model = models.Sequential([layers.Dense(2, input_shape=(2,), kernel_initializer="ones",
                                            kernel_regularizer=regularizer)])
    model.compile("sgd", "mse")
    return model.evaluate(X, np.zeros((4, 2), dtype="float32") + model.predict(X, verbose=0), verbose=0)


W = backend.constant(np.array([[1.0, -2.0], [0.5, 0.0]], dtype="float32"))
show("l1_l2()", lambda: penalty(regularizers.l1_l2()))
show("l1_l2(l1=0.01, l2=0.01)", lambda: penalty(regularizers.l1_l2(l1=0.01, l2=0.01)))
show("l2(l=0.1)(w)", lambda: evaluated(regularizers.l2(l=0.1)(W)))
show("l2(l2=0.1)(w)", lambda: evaluated(regularizers.l2(l2=0.1)(W)))
show("l2(0.1)(w)", lambda: evaluated(regularizers.l2(0.1)(W)))
show("l1(l=0.1)(w)", lambda: evaluated(regularizers.l1(l=0.1)(W)))
show("l1(l1=0.1)(w)", lambda: evaluated(regularizers.l1(l1=0.1)(W)))
show("l1(0.1)(w)", lambda: evaluated(regularizers.l1(0.1)(W)))
''',
    "renamed_keywords": r'''
V = np.array([[-2.0, -0.5, 0.0, 1.5]], dtype="float32")
show("LeakyReLU()", lambda: predict(lambda: layers.LeakyReLU(), V))
show("LeakyReLU(alpha=0.1)", lambda: predict(lambda: layers.LeakyReLU(alpha=0.1), V))
show("LeakyReLU(negative_slope=0.1)", lambda: predict(lambda: layers.LeakyReLU(negative_slope=0.1), V))
show("LeakyReLU(0.1)", lambda: predict(lambda: layers.LeakyReLU(0.1), V))
show("activations.relu(v, alpha=0.1)", lambda: evaluated(activations.relu(backend.constant(V), alpha=0.1)))
show("activations.relu(v, negative_slope=0.1)",
     lambda: evaluated(activations.relu(backend.constant(V), negative_slope=0.1)))
show("activations.relu(v, 0.1)", lambda: evaluated(activations.relu(backend.constant(V), 0.1)))
show("InputLayer(input_shape=(3,))", lambda: layers.InputLayer(input_shape=(3,)).__class__.__name__)
show("InputLayer(shape=(3,))", lambda: layers.InputLayer(shape=(3,)).__class__.__name__)
show("InputLayer(batch_input_shape=(None, 3))", lambda: layers.InputLayer(batch_input_shape=(None, 3)).__class__.__name__)
show("text_to_word_sequence(text='A b, c')", lambda: text.text_to_word_sequence(text="A b, c"))
show("text_to_word_sequence(input_text='A b, c')", lambda: text.text_to_word_sequence(input_text="A b, c"))
show("text_to_word_sequence('A b, c')", lambda: text.text_to_word_sequence("A b, c"))
show("one_hot(text='a b', n=5)", lambda: len(text.one_hot(text="a b", n=5)))
show("one_hot(input_text='a b', n=5)", lambda: len(text.one_hot(input_text="a b", n=5)))
show("to_categorical(y=[0, 1], num_classes=2)", lambda: utils.to_categorical(y=[0, 1], num_classes=2))
show("to_categorical(x=[0, 1], num_classes=2)", lambda: utils.to_categorical(x=[0, 1], num_classes=2))
show("activations.deserialize(name='relu')", lambda: activations.deserialize(name="relu").__name__)
show("activations.deserialize(config='relu')", lambda: activations.deserialize(config="relu").__name__)
show("backend.set_epsilon(e=1e-07)", lambda: backend.set_epsilon(e=1e-07))
show("backend.set_epsilon(value=1e-07)", lambda: backend.set_epsilon(value=1e-07))
show("backend.set_floatx(floatx='float32')", lambda: backend.set_floatx(floatx="float32"))
show("backend.set_floatx(value='float32')", lambda: backend.set_floatx(value="float32"))
show("backend.batch_get_value(ops=[])", lambda: backend.batch_get_value(ops=[]))
show("backend.batch_get_value(tensors=[])", lambda: backend.batch_get_value(tensors=[]))
''',
    "positional": r'''
def named_sequential(*args, **kwargs):
    return models.Sequential([layers.Dense(1, input_shape=(2,))], *args, **kwargs).name


def compiled_keys(*args, **kwargs):
    model = small_model()
    model.compile(*args, **kwargs)
    return sorted(model.fit(X, Y, verbose=0, shuffle=False).history)


IMG = np.linspace(-1, 1, 2 * 4 * 4 * 1).reshape(2, 4, 4, 1).astype("float32")
VOL = np.linspace(-1, 1, 2 * 3 * 3 * 3 * 1).reshape(2, 3, 3, 3, 1).astype("float32")
calls = []
show("Sequential(layers, 'net').name", lambda: named_sequential(*["net"]))
show("Sequential(layers, name='net').name", lambda: named_sequential(name="net"))
show("compile('sgd', 'mse', ['acc'])", lambda: compiled_keys("sgd", "mse", ["acc"]))
show("compile('sgd', 'mse', metrics=['acc'])", lambda: compiled_keys("sgd", "mse", metrics=["acc"]))
show("Conv2D(1, 2, 1, 'valid', None, 1, 'relu')",
     lambda: predict(lambda: layers.Conv2D(1, 2, 1, "valid", None, 1, "relu", kernel_initializer="ones"), IMG))
show("Conv2D(1, 2, 1, 'valid', None, 1, activation='relu')",
     lambda: predict(lambda: layers.Conv2D(1, 2, 1, "valid", None, 1, activation="relu", kernel_initializer="ones"), IMG))
show("DepthwiseConv2D(2, 1, 'valid', 1, None, 'relu')",
     lambda: predict(lambda: layers.DepthwiseConv2D(2, 1, "valid", 1, None, "relu", depthwise_initializer="ones"), IMG))
show("DepthwiseConv2D(2, 1, 'valid', 1, None, activation='relu')",
     lambda: predict(lambda: layers.DepthwiseConv2D(2, 1, "valid", 1, None, activation="relu",
                                                    depthwise_initializer="ones"), IMG))
show("Conv3DTranspose(1, 2, 2, 'valid', 1)",
     lambda: predict(lambda: layers.Conv3DTranspose(1, 2, 2, "valid", 1, kernel_initializer="ones"), VOL).shape)
show("Conv3DTranspose(1, 2, 2, 'valid', output_padding=1)",
     lambda: predict(lambda: layers.Conv3DTranspose(1, 2, 2, "valid", output_padding=1, kernel_initializer="ones"),
                     VOL).shape)
show("Embedding(5, 2, 'uniform', None, None, None, True).mask_zero",
     lambda: layers.Embedding(5, 2, "uniform", None, None, None, True).mask_zero)
show("Embedding(5, 2, 'uniform', None, activity_regularizer=None, embeddings_constraint=None, mask_zero=True)"
     ".mask_zero", lambda: layers.Embedding(5, 2, "uniform", None, activity_regularizer=None,
                                            embeddings_constraint=None, mask_zero=True).mask_zero)


def lambda_callback_calls(*args, **kwargs):
    del calls[:]
    model = small_model()
    model.compile("sgd", "mse")
    model.fit(X, Y, batch_size=2, verbose=0, callbacks=[callbacks.LambdaCallback(*args, **kwargs)])
    return list(calls)


record = lambda *args, **kwargs: calls.append("call")
show("LambdaCallback(None, None, f) calls", lambda: lambda_callback_calls(None, None, record))
show("LambdaCallback(on_batch_begin=f) calls", lambda: lambda_callback_calls(on_batch_begin=record))
show("LambdaCallback(on_batch_end=f) calls", lambda: lambda_callback_calls(on_batch_end=record))
show("Input((3,), None, 'named')", lambda: layers.Input((3,), None, "named").shape.as_list()
     if hasattr(layers.Input((3,), None, "named").shape, "as_list") else list(layers.Input((3,), None, "named").shape))
show("Input((3,), batch_shape=None, name='named')",
     lambda: [d for d in layers.Input((3,), batch_shape=None, name="named").shape])
show("ImageDataGenerator dtype positional (21 arguments) accepted",
     lambda: image.ImageDataGenerator(*([False] * 4 + [1e-6] + [0] * 5 + ["nearest", 0.0, False, False, None, None,
                                                                       None, None, 0.0, "float32"])).dtype)
''',
    "data_format_1d": r'''
STEPS = np.linspace(-1, 1, 2 * 6 * 4).reshape(2, 6, 4).astype("float32")


def shape_of(make):
    inp = layers.Input(shape=STEPS.shape[1:])
    return [d for d in models.Model(inp, make()(inp)).output_shape]


for fmt in ("channels_first", "channels_last"):
    backend.set_image_data_format(fmt)
    show("%s: Conv1D(2, 2)" % fmt, lambda: shape_of(lambda: layers.Conv1D(2, 2)))
    show("%s: Conv1D(2, 2, data_format='channels_last')" % fmt,
         lambda: shape_of(lambda: layers.Conv1D(2, 2, data_format="channels_last")))
    show("%s: SeparableConv1D(2, 2)" % fmt, lambda: shape_of(lambda: layers.SeparableConv1D(2, 2)))
    show("%s: SeparableConv1D(2, 2, data_format='channels_last')" % fmt,
         lambda: shape_of(lambda: layers.SeparableConv1D(2, 2, data_format="channels_last")))
    show("%s: MaxPooling1D(2)" % fmt, lambda: shape_of(lambda: layers.MaxPooling1D(2)))
    show("%s: MaxPooling1D(2, data_format='channels_last')" % fmt,
         lambda: shape_of(lambda: layers.MaxPooling1D(2, data_format="channels_last")))
    show("%s: AveragePooling1D(2)" % fmt, lambda: shape_of(lambda: layers.AveragePooling1D(2)))
    show("%s: AveragePooling1D(2, data_format='channels_last')" % fmt,
         lambda: shape_of(lambda: layers.AveragePooling1D(2, data_format="channels_last")))
    show("%s: GlobalAveragePooling1D()" % fmt, lambda: shape_of(lambda: layers.GlobalAveragePooling1D()))
    show("%s: GlobalAveragePooling1D(data_format='channels_last')" % fmt,
         lambda: shape_of(lambda: layers.GlobalAveragePooling1D(data_format="channels_last")))
    show("%s: GlobalMaxPooling1D()" % fmt, lambda: shape_of(lambda: layers.GlobalMaxPooling1D()))
    show("%s: GlobalMaxPooling1D(data_format='channels_last')" % fmt,
         lambda: shape_of(lambda: layers.GlobalMaxPooling1D(data_format="channels_last")))
''',
    "to_categorical": r'''
show("to_categorical([0, 2], 3)", lambda: utils.to_categorical([0, 2], 3))
show("to_categorical([0, 2], 3).dtype", lambda: str(utils.to_categorical([0, 2], 3).dtype))
show("to_categorical([0, 2], 3).astype('float32').dtype",
     lambda: str(utils.to_categorical([0, 2], 3).astype("float32").dtype))
show("to_categorical([0, 2], 3, dtype='int32')", lambda: utils.to_categorical([0, 2], 3, dtype="int32"))
show("to_categorical([0, 2], 3, dtype='int32').dtype", lambda: str(utils.to_categorical([0, 2], 3, dtype="int32").dtype))
show("to_categorical([0, 2], 3).astype('int32')", lambda: utils.to_categorical([0, 2], 3).astype("int32"))
show("to_categorical([0, 2], 3).astype('int32').dtype",
     lambda: str(utils.to_categorical([0, 2], 3).astype("int32").dtype))
''',
    "image_transform": r'''
IMAGE = np.arange(16, dtype="float32").reshape(4, 4, 1)
show("apply_affine_transform(x, theta=90)", lambda: image.apply_affine_transform(IMAGE, theta=90).ravel())
show("apply_affine_transform(x, theta=90, row_axis=0, col_axis=1, channel_axis=2)",
     lambda: image.apply_affine_transform(IMAGE, theta=90, row_axis=0, col_axis=1, channel_axis=2).ravel())
show("apply_affine_transform(x, tx=1)", lambda: image.apply_affine_transform(IMAGE, tx=1).ravel())
show("apply_affine_transform(x, tx=1, row_axis=0, col_axis=1, channel_axis=2)",
     lambda: image.apply_affine_transform(IMAGE, tx=1, row_axis=0, col_axis=1, channel_axis=2).ravel())
''',
    "unchanged_layers": r'''
V = np.array([[-2.0, -0.5, 0.0, 1.5]], dtype="float32")
IMG = np.linspace(-1, 1, 2 * 4 * 4 * 2).reshape(2, 4, 4, 2).astype("float32")
TOKENS = np.array([[1, 2, 3], [4, 0, 1]], dtype="int32")
show("ReLU()", lambda: predict(lambda: layers.ReLU(), V))
show("Softmax()", lambda: predict(lambda: layers.Softmax(), V))
show("ELU()", lambda: predict(lambda: layers.ELU(), V))
show("PReLU()", lambda: predict(lambda: layers.PReLU(), V))
show("PReLU(alpha_initializer='zeros')", lambda: predict(lambda: layers.PReLU(alpha_initializer="zeros"), V))


def batch_norm(fit, **kwargs):
    layer = layers.BatchNormalization(**kwargs)
    model = models.Sequential([layers.InputLayer(input_shape=(4,)), layer])
    model.compile("sgd", "mse")
    if fit:
        model.fit(np.vstack([V, 2 * V, -V]), np.zeros((3, 4)), batch_size=3, epochs=2, verbose=0, shuffle=False)
    return np.concatenate([model.predict(V, verbose=0).ravel()] + [w.ravel() for w in layer.get_weights()])


show("BatchNormalization() predict and weights", lambda: batch_norm(False))
show("BatchNormalization() predict and weights after fit", lambda: batch_norm(True))
show("BatchNormalization(momentum=0.99, epsilon=0.001) predict and weights after fit",
     lambda: batch_norm(True, momentum=0.99, epsilon=0.001))
show("Conv2DTranspose(1, 2)", lambda: predict(lambda: layers.Conv2DTranspose(1, 2, kernel_initializer="ones"), IMG))
show("SeparableConv2D(2, 2)", lambda: predict(lambda: layers.SeparableConv2D(
    2, 2, depthwise_initializer=initializers.Constant(0.5), pointwise_initializer="ones"), IMG))
show("Embedding(5, 2, input_length=3) + Flatten()", lambda: models.Sequential([
    layers.Embedding(5, 2, input_length=3, embeddings_initializer=initializers.Constant(0.25)),
    layers.Flatten()]).predict(TOKENS, verbose=0))
show("Embedding(5, 2, activity_regularizer='l2') penalty", lambda: (lambda m: m.evaluate(
    TOKENS, np.zeros((2, 3, 2)), verbose=0))(
    (lambda m: (m.compile("sgd", "mse"), m)[1])(models.Sequential([layers.Embedding(
        5, 2, activity_regularizer="l2", embeddings_initializer="ones", input_length=3)]))))
show("Dense(2, activity_regularizer='l2') penalty, batch of 2", lambda: (lambda m: m.evaluate(
    X[:2], m.predict(X[:2], verbose=0), verbose=0))((lambda m: (m.compile("sgd", "mse"), m)[1])(models.Sequential(
        [layers.Dense(2, input_shape=(2,), kernel_initializer="ones", activity_regularizer="l2")]))))
show("Dense(2, activity_regularizer='l2') penalty, batch of 1", lambda: (lambda m: m.evaluate(
    X[1:2], m.predict(X[1:2], verbose=0), verbose=0))((lambda m: (m.compile("sgd", "mse"), m)[1])(models.Sequential(
        [layers.Dense(2, input_shape=(2,), kernel_initializer="ones", activity_regularizer="l2")]))))
show("dot(normalize=True)", lambda: (lambda a, b: models.Model([a, b], layers.dot([a, b], axes=1, normalize=True))
     .predict([X, X[::-1]], verbose=0))(layers.Input((2,)), layers.Input((2,))))
show("initializers.Constant()", lambda: evaluated(initializers.Constant()((2,))))
show("VarianceScaling(distribution='normal') std",
     lambda: round(float(np.std(evaluated(initializers.VarianceScaling(distribution="normal", seed=1)((400, 400))))), 2))
show("VarianceScaling() std", lambda: round(float(np.std(evaluated(initializers.VarianceScaling(seed=1)((400, 400))))), 2))
show("ZeroPadding3D() output shape", lambda: predict(lambda: layers.ZeroPadding3D(), IMG[..., None]).shape)
show("Tokenizer(document_count=3).document_count", lambda: text.Tokenizer(document_count=3).document_count)
show("AveragePooling1D()", lambda: predict(lambda: layers.AveragePooling1D(), SEQ))
show("AveragePooling1D(pool_size=2)", lambda: predict(lambda: layers.AveragePooling1D(pool_size=2), SEQ))
show("AveragePooling2D()", lambda: predict(lambda: layers.AveragePooling2D(), IMG))
show("AveragePooling2D(pool_size=(2, 2))", lambda: predict(lambda: layers.AveragePooling2D(pool_size=(2, 2)), IMG))
show("AveragePooling3D()", lambda: predict(lambda: layers.AveragePooling3D(), IMG[..., None]).shape)
show("AveragePooling3D(pool_size=(2, 2, 2))",
     lambda: predict(lambda: layers.AveragePooling3D(pool_size=(2, 2, 2)), IMG[..., None]).shape)
''',
    "callbacks": r'''
DIRECTORY = tempfile.mkdtemp()
show("TensorBoard(batch_size=32)", lambda: type(callbacks.TensorBoard(DIRECTORY, batch_size=32)).__name__)
show("TensorBoard(write_grads=False)", lambda: type(callbacks.TensorBoard(DIRECTORY, write_grads=False)).__name__)
show("TensorBoard(embeddings_layer_names=None)",
     lambda: type(callbacks.TensorBoard(DIRECTORY, embeddings_layer_names=None)).__name__)
show("TensorBoard(embeddings_data=None)", lambda: type(callbacks.TensorBoard(DIRECTORY, embeddings_data=None)).__name__)
show("ProgbarLogger(count_mode='samples')", lambda: type(callbacks.ProgbarLogger(count_mode="samples")).__name__)
show("ProgbarLogger(stateful_metrics=None)", lambda: type(callbacks.ProgbarLogger(stateful_metrics=None)).__name__)
show("ModelCheckpoint(path, period=1)",
     lambda: type(callbacks.ModelCheckpoint(os.path.join(DIRECTORY, "m.h5"), period=1)).__name__)
show("Progbar(4).update(4)", lambda: stdout_of(lambda: utils.Progbar(4).update(4)))
show("compile(sample_weight_mode=None)", lambda: small_model().compile("sgd", "mse", sample_weight_mode=None))
show("compile(target_tensors=None)", lambda: small_model().compile("sgd", "mse", target_tensors=None))
''',
}

RUNTIMES = (
    # (key, title, which interpreter, Keras root)
    ("keras2", "Keras 2.2.4 (TF 1.15)", "oracle", "keras"),
    ("tf_keras1", "tf.keras (TF 1.15)", "oracle", "tensorflow.keras"),
    ("keras3", "tf.keras (TF 2.21, Keras 3)", "tf2", "tensorflow.keras"),
)


def run_probe(name, interpreters):
    """{runtime key: {label: value}} for one probe."""
    results = {}
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "probe_%s.py" % name)
        with open(path, "w") as handle:
            handle.write(PROBE_HEADER + PROBES[name])
        for key, _, interpreter, root in RUNTIMES:
            results[key] = _probe_lines(_run_probe_file(interpreters[interpreter], path, root, directory, name, key))
    return results


def _run_probe_file(python, path, root, directory, name, key, attempts=2):
    """The probe's stdout; a run killed from outside (returncode < 0: a loaded machine) is tried again."""
    for _ in range(attempts):
        proc = subprocess.run([python, path, root], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=directory,
                              env=program_env(), timeout=600)
        if proc.returncode == 0:
            return proc.stdout.decode("utf-8")
        if proc.returncode > 0:
            break
    raise SystemExit("probe %s failed on %s (exit status %d):\n%s"
                     % (name, key, proc.returncode, proc.stderr.decode()[-3000:]))


def _probe_lines(output):
    lines = {}
    for line in output.splitlines():
        label, sep, value = line.partition(" => ")
        if sep:
            lines[label] = value
    return lines


# --------------------------------------------------------------------------- triage

FIXABLE = "changes behaviour, fixable"
NOT_FIXABLE = "changes behaviour, not fixable"
LOUD_FIXABLE = "fails loudly on Keras 3, fixable"
LOUD = "fails loudly on Keras 3"
NO_CHANGE = "no behaviour change"
DISPLAY = "progress display only"
OTHER = "another codemod's concern"
INTERNAL = "internal API, not probed"
HARD_SIGMOID = "@backend.hard_sigmoid"  # '@': a Keras object the codemod refers to through the module's imports


def add(keyword, value, when=None):
    fix = {"kind": "add_default", "keyword": keyword, "value": value}
    if when:
        fix["when"] = when  # only in modules that do this
    return fix


def rename(keyword, to):
    return {"kind": "rename_keyword", "keyword": keyword, "to": to}


KEYWORDIZE = {"kind": "keywordize_positional"}


def triage(verdict, note, probe=None, default=None, fixed=None, explicit=None, fix=None):
    return {"verdict": verdict, "note": note, "probe": probe, "default": default, "fixed": fixed,
            "explicit": explicit, "fix": fix}


RECURRENT_NOTE = ("Keras 2's 'hard_sigmoid' is clip(0.2 * x + 0.5, 0, 1); Keras 3's activation of that name is "
                  "relu6(x + 3) / 6 (slope 1/6), so the string would not restore it: `backend.hard_sigmoid` "
                  "(tf.keras.backend, Keras 2's formula) does.")
POSITIONAL_NOTE = ("a positional argument from this position on binds another parameter in Keras 3 (or is "
                   "rejected); passing them by their Keras 2 names keeps the Keras 2 meaning")
OPTIMIZER_NOTE = ("optimizer-lr-to-learning-rate. Defaults of `learning_rate` differ from Keras 2's `lr` for "
                  "Adadelta (1.0 -> 0.001), Adagrad (0.01 -> 0.001), Adamax and Nadam (0.002 -> 0.001): "
                  "string optimizers ('adagrad', ...) change with them")
ONE_D_NOTE = ("Keras 2.2.4 fixed 'channels_last' for 1D layers; Keras 3's None follows "
              "backend.image_data_format(): only a program that sets 'channels_first' (in code or keras.json) "
              "changes. Fixed where the module sets a data format")
SETS_DATA_FORMAT = "sets the image data format"

# "callable:parameter" (fnmatch patterns) for every difference; "callable@positional" for positional order.
TRIAGE = {
    "layers.LSTM:recurrent_activation": triage(
        FIXABLE, RECURRENT_NOTE, "recurrent_activation", "LSTM(2)",
        "LSTM(2, recurrent_activation=backend.hard_sigmoid)", "LSTM(2, recurrent_activation='hard_sigmoid')",
        add("recurrent_activation", HARD_SIGMOID)),
    "layers.LSTMCell:recurrent_activation": triage(
        FIXABLE, RECURRENT_NOTE, "recurrent_activation", "RNN(LSTMCell(2))",
        "RNN(LSTMCell(2, recurrent_activation=backend.hard_sigmoid))", None,
        add("recurrent_activation", HARD_SIGMOID)),
    "layers.ConvLSTM2D:recurrent_activation": triage(
        FIXABLE, RECURRENT_NOTE, "recurrent_activation", "ConvLSTM2D(1, 2)",
        "ConvLSTM2D(1, 2, recurrent_activation=backend.hard_sigmoid)", None,
        add("recurrent_activation", HARD_SIGMOID)),
    "layers.GRU:recurrent_activation": triage(
        FIXABLE, RECURRENT_NOTE + " GRU needs reset_after=False as well.", "gru", "GRU(2)",
        "GRU(2, recurrent_activation=backend.hard_sigmoid, reset_after=False)", None,
        add("recurrent_activation", HARD_SIGMOID)),
    "layers.GRU:reset_after": triage(
        FIXABLE, "reset_after=True applies the reset gate after the recurrent product and has two bias vectors "
        "(bias shape (2, 3 * units)): other outputs, and Keras 2 weights no longer fit (set_weights raises: "
        "probe line 'GRU(2) with Keras 2 weights')", "gru", "GRU(2, recurrent_activation=backend.hard_sigmoid)",
        "GRU(2, recurrent_activation=backend.hard_sigmoid, reset_after=False)", None, add("reset_after", "False")),
    "layers.GRUCell:recurrent_activation": triage(
        FIXABLE, RECURRENT_NOTE, "gru", "RNN(GRUCell(2))",
        "RNN(GRUCell(2, recurrent_activation=backend.hard_sigmoid, reset_after=False))", None,
        add("recurrent_activation", HARD_SIGMOID)),
    "layers.GRUCell:reset_after": triage(
        FIXABLE, "as for GRU", "gru", "RNN(GRUCell(2))",
        "RNN(GRUCell(2, recurrent_activation=backend.hard_sigmoid, reset_after=False))", None,
        add("reset_after", "False")),
    "layers.LSTM:implementation": triage(
        NO_CHANGE, "Keras 3 accepts and ignores it; both implementations compute the same", "recurrent_activation",
        "LSTM(2, recurrent_activation=backend.hard_sigmoid)", None,
        "LSTM(2, recurrent_activation=backend.hard_sigmoid, implementation=1)"),
    "layers.LSTMCell:implementation": triage(NO_CHANGE, "as for LSTM (accepted through **kwargs, ignored)"),
    "layers.GRU:implementation": triage(
        NO_CHANGE, "Keras 3 accepts and ignores it", "gru",
        "GRU(2, recurrent_activation=backend.hard_sigmoid, reset_after=False)", None,
        "GRU(2, recurrent_activation=backend.hard_sigmoid, reset_after=False, implementation=1)"),
    "layers.GRUCell:implementation": triage(NO_CHANGE, "as for GRU (accepted through **kwargs, ignored)"),
    "layers.ConvLSTM2D:strides": triage(
        NO_CHANGE, "1 and (1, 1) are the same strides", "recurrent_activation",
        "ConvLSTM2D(1, 2, recurrent_activation=backend.hard_sigmoid)", None,
        "ConvLSTM2D(1, 2, strides=(1, 1), dilation_rate=(1, 1), recurrent_activation=backend.hard_sigmoid)"),
    "layers.ConvLSTM2D:dilation_rate": triage(NO_CHANGE, "1 and (1, 1) are the same dilation"),
    "models.Model.predict:verbose": triage(
        FIXABLE, "Keras 3 prints a progress bar to stdout on every predict()", "model_methods", "predict(x)",
        "predict(x, verbose=0)", None, add("verbose", "0")),
    "models.Model.fit:verbose": triage(
        DISPLAY, "both print a progress bar; its layout differs (steps, not samples; timings) and cannot be made "
        "the same", "model_methods", "fit(x, y)", None, "fit(x, y, verbose=1)"),
    "models.Model.evaluate:verbose": triage(
        DISPLAY, "as for fit", "model_methods", "evaluate(x, y)", None, "evaluate(x, y, verbose=1)"),
    "regularizers.l1_l2:l1": triage(
        FIXABLE, "Keras 3's l1_l2 is the L1L2 class, whose defaults are 0: the penalty disappears", "regularizers",
        "l1_l2()", "l1_l2(l1=0.01, l2=0.01)", None, add("l1", "0.01")),
    "regularizers.l1_l2:l2": triage(
        FIXABLE, "as for l1", "regularizers", "l1_l2()", "l1_l2(l1=0.01, l2=0.01)", None, add("l2", "0.01")),
    "regularizers.l1:l": triage(LOUD_FIXABLE, "the keyword is `l1` in Keras 3; positional use is unaffected",
                                "regularizers", "l1(l=0.1)(w)", "l1(l1=0.1)(w)", None, rename("l", "l1")),
    "regularizers.l2:l": triage(LOUD_FIXABLE, "the keyword is `l2` in Keras 3; positional use is unaffected",
                                "regularizers", "l2(l=0.1)(w)", "l2(l2=0.1)(w)", None, rename("l", "l2")),
    "activations.relu:alpha": triage(
        LOUD_FIXABLE, "renamed negative_slope; positional use is unaffected", "renamed_keywords",
        "activations.relu(v, alpha=0.1)", "activations.relu(v, negative_slope=0.1)", None,
        rename("alpha", "negative_slope")),
    "layers.LeakyReLU:alpha": triage(
        NO_CHANGE, "renamed negative_slope; Keras 3 still accepts alpha (with a deprecation warning), and the "
        "default slope is 0.3 in both", "renamed_keywords", "LeakyReLU()", None, "LeakyReLU(alpha=0.1)"),
    "layers.InputLayer:input_shape": triage(
        NO_CHANGE, "renamed shape; Keras 3 still accepts input_shape (with a deprecation warning)",
        "renamed_keywords", "InputLayer(input_shape=(3,))"),
    "layers.InputLayer:batch_input_shape": triage(
        NO_CHANGE, "accepted through **kwargs", "renamed_keywords", "InputLayer(batch_input_shape=(None, 3))"),
    "layers.InputLayer:sparse": triage(NO_CHANGE, "None means not sparse"),
    "Input:sparse": triage(NO_CHANGE, "None means not sparse"),
    "preprocessing.text.one_hot:text": triage(
        LOUD_FIXABLE, "renamed input_text; positional use is unaffected", "renamed_keywords",
        "one_hot(text='a b', n=5)", "one_hot(input_text='a b', n=5)", None, rename("text", "input_text")),
    "preprocessing.text.text_to_word_sequence:text": triage(
        LOUD_FIXABLE, "renamed input_text; positional use is unaffected", "renamed_keywords",
        "text_to_word_sequence(text='A b, c')", "text_to_word_sequence(input_text='A b, c')", None,
        rename("text", "input_text")),
    "utils.to_categorical:y": triage(
        LOUD_FIXABLE, "renamed x; positional use is unaffected", "renamed_keywords",
        "to_categorical(y=[0, 1], num_classes=2)", "to_categorical(x=[0, 1], num_classes=2)", None,
        rename("y", "x")),
    "utils.to_categorical:dtype": triage(
        LOUD_FIXABLE, "Keras 3 has no dtype argument and returns float64 where Keras 2 returned float32 by "
        "default: `.astype(dtype)` on the result gives Keras 2's array (values and dtype)", "to_categorical",
        "to_categorical([0, 2], 3, dtype='int32').dtype", "to_categorical([0, 2], 3).astype('int32').dtype", None,
        {"kind": "cast_result", "keyword": "dtype", "default": "'float32'"}),
    "activations.deserialize:name": triage(
        LOUD_FIXABLE, "renamed config", "renamed_keywords", "activations.deserialize(name='relu')",
        "activations.deserialize(config='relu')", None, rename("name", "config")),
    "backend.set_epsilon:e": triage(
        LOUD_FIXABLE, "renamed value (TF 1.15's tf.keras already says value)", "renamed_keywords",
        "backend.set_epsilon(e=1e-07)", "backend.set_epsilon(value=1e-07)", None, rename("e", "value")),
    "backend.set_floatx:floatx": triage(
        LOUD_FIXABLE, "renamed value (TF 1.15's tf.keras already says value)", "renamed_keywords",
        "backend.set_floatx(floatx='float32')", "backend.set_floatx(value='float32')", None,
        rename("floatx", "value")),
    "backend.batch_get_value:ops": triage(
        LOUD_FIXABLE, "renamed tensors (TF 1.15's tf.keras already says tensors)", "renamed_keywords",
        "backend.batch_get_value(ops=[])", "backend.batch_get_value(tensors=[])", None, rename("ops", "tensors")),
    "utils.*serialize_keras_object:*": triage(INTERNAL, "serialization helpers, reworked in Keras 3"),
    "backend.name_scope:*": triage(OTHER, "keras-backend-graph-symbols-to-tf2 (TF 1 graph API)"),
    "callbacks.CallbackList:queue_length": triage(INTERNAL, "Keras builds its CallbackList itself"),
    "callbacks.LambdaCallback:on_batch_*": triage(
        NO_CHANGE, "still accepted by keyword and still called on every training batch", "positional",
        "LambdaCallback(on_batch_begin=f) calls"),
    "callbacks.ModelCheckpoint:period": triage(
        LOUD, "Keras 3 has save_freq (in batches or 'epoch') instead", "callbacks", "ModelCheckpoint(path, period=1)"),
    "callbacks.ProgbarLogger:*": triage(LOUD, "Keras 3's ProgbarLogger takes no arguments", "callbacks",
                                        "ProgbarLogger(count_mode='samples')"),
    "callbacks.TensorBoard:log_dir": triage(NO_CHANGE, "'./logs' and 'logs' are the same directory"),
    "callbacks.TensorBoard:*": triage(LOUD, "Keras 3's TensorBoard has no such argument", "callbacks",
                                      "TensorBoard(batch_size=32)"),
    "callbacks.ReduceLROnPlateau:min_lr": triage(NO_CHANGE, "0 and 0.0 are the same"),
    "utils.Progbar:width": triage(DISPLAY, "a progress bar either way, drawn differently", "callbacks",
                                  "Progbar(4).update(4)"),
    "initializers.Constant:value": triage(NO_CHANGE, "0 and 0.0 are the same", "unchanged_layers",
                                          "initializers.Constant()"),
    "initializers.VarianceScaling:distribution": triage(
        NO_CHANGE, "Keras 2's 'normal' was already a truncated normal; Keras 3 reads 'normal' as "
        "'truncated_normal' (random draws differ between any two runtimes anyway)", "unchanged_layers",
        "VarianceScaling() std", None, "VarianceScaling(distribution='normal') std"),
    "layers.AveragePooling1D:pool_size": triage(
        LOUD_FIXABLE, "pool_size has no default in Keras 3", "unchanged_layers", "AveragePooling1D()",
        "AveragePooling1D(pool_size=2)", None, add("pool_size", "2")),
    "layers.AveragePooling2D:pool_size": triage(
        LOUD_FIXABLE, "pool_size has no default in Keras 3", "unchanged_layers", "AveragePooling2D()",
        "AveragePooling2D(pool_size=(2, 2))", None, add("pool_size", "(2, 2)")),
    "layers.AveragePooling3D:pool_size": triage(
        LOUD_FIXABLE, "pool_size has no default in Keras 3", "unchanged_layers", "AveragePooling3D()",
        "AveragePooling3D(pool_size=(2, 2, 2))", None, add("pool_size", "(2, 2, 2)")),
    "layers.Conv1D:data_format": triage(
        FIXABLE, ONE_D_NOTE, "data_format_1d", "channels_first: Conv1D(2, 2)",
        "channels_first: Conv1D(2, 2, data_format='channels_last')", None, add("data_format", "'channels_last'", SETS_DATA_FORMAT)),
    "layers.SeparableConv1D:data_format": triage(
        FIXABLE, ONE_D_NOTE + " (TF 1.15's tf.keras already followed it)", "data_format_1d",
        "channels_first: SeparableConv1D(2, 2)", "channels_first: SeparableConv1D(2, 2, data_format='channels_last')",
        None, add("data_format", "'channels_last'", SETS_DATA_FORMAT)),
    "layers.MaxPooling1D:data_format": triage(
        FIXABLE, ONE_D_NOTE, "data_format_1d", "channels_first: MaxPooling1D(2)",
        "channels_first: MaxPooling1D(2, data_format='channels_last')", None, add("data_format", "'channels_last'", SETS_DATA_FORMAT)),
    "layers.AveragePooling1D:data_format": triage(
        FIXABLE, ONE_D_NOTE, "data_format_1d", "channels_first: AveragePooling1D(2)",
        "channels_first: AveragePooling1D(2, data_format='channels_last')", None,
        add("data_format", "'channels_last'", SETS_DATA_FORMAT)),
    "layers.GlobalAveragePooling1D:data_format": triage(
        FIXABLE, ONE_D_NOTE, "data_format_1d", "channels_first: GlobalAveragePooling1D()",
        "channels_first: GlobalAveragePooling1D(data_format='channels_last')", None,
        add("data_format", "'channels_last'", SETS_DATA_FORMAT)),
    "layers.GlobalMaxPooling1D:data_format": triage(
        FIXABLE, ONE_D_NOTE, "data_format_1d", "channels_first: GlobalMaxPooling1D()",
        "channels_first: GlobalMaxPooling1D(data_format='channels_last')", None,
        add("data_format", "'channels_last'", SETS_DATA_FORMAT)),
    "layers.Embedding:activity_regularizer": triage(
        NO_CHANGE, "accepted through **kwargs, as by any layer; the penalty itself changed for every layer (see "
        "`layers.*` `activity_regularizer`; probe unchanged_layers, 'Embedding(5, 2, activity_regularizer='l2') "
        "penalty')"),
    "layers.Embedding:input_length": triage(
        NO_CHANGE, "accepted (deprecation warning) and not needed: Keras 3 infers the length from the data",
        "unchanged_layers", "Embedding(5, 2, input_length=3) + Flatten()"),
    "layers.PReLU:alpha_initializer": triage(NO_CHANGE, "'zeros' and 'Zeros' name the same initializer",
                                             "unchanged_layers", "PReLU()", None, "PReLU(alpha_initializer='zeros')"),
    "layers.ZeroPadding3D:padding": triage(NO_CHANGE, "the same padding, spelled per side", "unchanged_layers",
                                           "ZeroPadding3D() output shape"),
    "layers.dot:normalize": triage(NO_CHANGE, "passed on to the Dot layer through **kwargs", "unchanged_layers",
                                   "dot(normalize=True)"),
    "models.Model.compile:sample_weight_mode": triage(LOUD, "removed", "callbacks",
                                                       "compile(sample_weight_mode=None)"),
    "models.Model.compile:target_tensors": triage(LOUD, "removed", "callbacks", "compile(target_tensors=None)"),
    "models.Model.load_weights:*": triage(OTHER, "save-weights-to-weights-h5 (Keras 3 takes by_name only for "
                                                 "legacy .h5 files)"),
    "models.Model.save:*": triage(OTHER, "save-weights-to-weights-h5"),
    "models.save_model:*": triage(OTHER, "save-weights-to-weights-h5"),
    "optimizers.*": triage(OTHER, OPTIMIZER_NOTE),
    "preprocessing.image.apply_affine_transform:*": triage(
        NOT_FIXABLE, "the default axes changed, and with Keras 2's axes passed explicitly Keras 3 still moves the "
        "image another way (its transform was rewritten)", "image_transform", "apply_affine_transform(x, theta=90)",
        "apply_affine_transform(x, theta=90, row_axis=0, col_axis=1, channel_axis=2)"),
    "preprocessing.image.load_img:grayscale": triage(LOUD, "use color_mode='grayscale'"),
    "preprocessing.text.Tokenizer:document_count": triage(
        NO_CHANGE, "accepted through **kwargs", "unchanged_layers", "Tokenizer(document_count=3).document_count"),
    "utils.get_source_inputs:*": triage(INTERNAL, "graph helper, reworked"),
    "utils.plot_model:show_layer_names": triage(
        FIXABLE, "Keras 3 leaves the layer names out of the drawing (signature evidence only: the probe needs "
        "pydot and graphviz, which neither runtime has here)", fix=add("show_layer_names", "True")),
    "*@positional": triage(FIXABLE, POSITIONAL_NOTE, fix=KEYWORDIZE),
    "optimizers.*@positional": triage(OTHER, OPTIMIZER_NOTE),
    "models.Model.load_weights@positional": triage(OTHER, "save-weights-to-weights-h5"),
    "models.Model.save@positional": triage(OTHER, "save-weights-to-weights-h5"),
    "models.save_model@positional": triage(OTHER, "save-weights-to-weights-h5"),
    "callbacks.CallbackList@positional": triage(INTERNAL, "Keras builds its CallbackList itself"),
    "utils.deserialize_keras_object@positional": triage(INTERNAL, "serialization helper, reworked"),
    "Sequential@positional": triage(LOUD_FIXABLE, POSITIONAL_NOTE, "positional", "Sequential(layers, 'net').name",
                                    "Sequential(layers, name='net').name", None, KEYWORDIZE),
    "models.Model.compile@positional": triage(
        LOUD_FIXABLE, POSITIONAL_NOTE, "positional", "compile('sgd', 'mse', ['acc'])",
        "compile('sgd', 'mse', metrics=['acc'])", None, KEYWORDIZE),
    "Input@positional": triage(LOUD_FIXABLE, POSITIONAL_NOTE, "positional", "Input((3,), None, 'named')",
                               "Input((3,), batch_shape=None, name='named')", None, KEYWORDIZE),
    "callbacks.LambdaCallback@positional": triage(
        FIXABLE, POSITIONAL_NOTE, "positional", "LambdaCallback(None, None, f) calls",
        "LambdaCallback(on_batch_begin=f) calls", None, KEYWORDIZE),
    "layers.DepthwiseConv2D@positional": triage(
        LOUD_FIXABLE, POSITIONAL_NOTE, "positional", "DepthwiseConv2D(2, 1, 'valid', 1, None, 'relu')",
        "DepthwiseConv2D(2, 1, 'valid', 1, None, activation='relu')", None, KEYWORDIZE),
    "layers.Conv3DTranspose@positional": triage(
        LOUD_FIXABLE, POSITIONAL_NOTE, "positional", "Conv3DTranspose(1, 2, 2, 'valid', 1)",
        "Conv3DTranspose(1, 2, 2, 'valid', output_padding=1)", None, KEYWORDIZE),
    "layers.Conv2D@positional": triage(
        LOUD_FIXABLE, POSITIONAL_NOTE + "; Keras 2.2.4 itself took at most 3 positional arguments, TF 1.15's "
        "tf.keras took them all", "positional", "Conv2D(1, 2, 1, 'valid', None, 1, 'relu')",
        "Conv2D(1, 2, 1, 'valid', None, 1, activation='relu')", None, KEYWORDIZE),
    "layers.Embedding@positional": triage(
        LOUD_FIXABLE, POSITIONAL_NOTE + "; Keras 2.2.4 itself took at most 2 positional arguments, TF 1.15's "
        "tf.keras took them all", "positional", "Embedding(5, 2, 'uniform', None, None, None, True).mask_zero",
        "Embedding(5, 2, 'uniform', None, activity_regularizer=None, embeddings_constraint=None, mask_zero=True)"
        ".mask_zero", None, KEYWORDIZE),
}

# Changes no signature shows, found by the probes; each is a difference of its own in the output.
SEMANTIC_CHANGES = [
    ("activations.hard_sigmoid", "(formula)", triage(
        FIXABLE, "Keras 3's hard_sigmoid is relu6(x + 3) / 6; Keras 2's is clip(0.2 * x + 0.5, 0, 1), which "
        "tf.keras.backend.hard_sigmoid still computes. Applies to the string 'hard_sigmoid' given as a layer's "
        "activation or recurrent_activation too", "recurrent_activation", "activations.hard_sigmoid(v)",
        "backend.hard_sigmoid(v)", None, {"kind": "replace_reference", "value": HARD_SIGMOID})),
    ("layers.*", "activation='hard_sigmoid'", triage(
        FIXABLE, "the string names Keras 3's hard_sigmoid", "recurrent_activation",
        "Dense(3, activation='hard_sigmoid')", "Dense(3, activation=backend.hard_sigmoid)", None,
        {"kind": "replace_string", "value": HARD_SIGMOID})),
    ("layers.Activation", "'hard_sigmoid'", triage(
        FIXABLE, "the string names Keras 3's hard_sigmoid", "recurrent_activation", "Activation('hard_sigmoid')",
        "Activation(backend.hard_sigmoid)", None, {"kind": "replace_string", "value": HARD_SIGMOID})),
    ("models.Model.compile", "metrics (names)", triage(
        FIXABLE, "Keras 2 logged metrics=['accuracy'] as 'acc' and 'mae', 'mse', 'mape', 'msle' under their full "
        "names; Keras 3 logs the string given. Passing Keras 2's name keeps history.history, callbacks' monitor "
        "and the progress bar as they were (table `metric_names`)", "metrics", "history keys for metrics=['accuracy']",
        None, "history keys for metrics=['acc']", {"kind": "metric_names"})),
    ("models.Model.compile", "metrics (accuracy with binary_crossentropy)", triage(
        FIXABLE, "Keras 2 always measured binary accuracy with loss='binary_crossentropy'; Keras 3 picks "
        "categorical accuracy when the output has more than one unit", "metrics",
        "binary_crossentropy, 3 units, metrics=['acc']: acc",
        "binary_crossentropy, 3 units, metrics=[metrics.BinaryAccuracy(name='acc')]: acc", None,
        {"kind": "binary_accuracy", "value": "@metrics.BinaryAccuracy"})),
    ("models.Model.compile", "metrics (rejected names)", triage(
        LOUD, "Keras 3 raises ValueError at fit for 'ce', 'crossentropy', 'cosine', 'cosine_proximity', "
        "'logcosh', 'kullback_leibler_divergence' (table `metrics_rejected_by_keras3`)", "metrics",
        "history keys for metrics=['cosine_proximity']")),
    ("models.Model.metrics_names", "(attribute)", triage(
        NOT_FIXABLE, "Keras 3 lists ['loss', 'compile_metrics'] for a compiled model", "metrics",
        "metrics=['acc'] metrics_names")),
    ("callbacks.History", "history (key order)", triage(
        NOT_FIXABLE, "Keras 3 sorts the keys; Keras 2.2.4 listed val_* first (TF 1.15's tf.keras: training "
        "first). Not reported: `history.history` is read everywhere, its order rarely", "metrics",
        "metrics=['acc'] history key order with validation")),
    ("models.Model.fit", "sample_weight / class_weight (zeros)", triage(
        NOT_FIXABLE, "Keras 2.2.4 divided the weighted loss by the fraction of non-zero weights; Keras 3 (and TF "
        "1.15's tf.keras) by the batch size: any zero weight changes the loss, its gradients and training",
        "sample_weight", "fit(sample_weight=[1, 0, 1, 1])")),
    ("layers.BatchNormalization", "(moving statistics)", triage(
        NOT_FIXABLE, "Keras 2.2.4 updated moving_mean / moving_variance with zero-debiasing and the unbiased "
        "batch variance; Keras 3 (and TF 1.15's tf.keras) do neither: after training, inference differs "
        "(most after few updates)", "unchanged_layers", "BatchNormalization() predict and weights after fit",
        "BatchNormalization(momentum=0.99, epsilon=0.001) predict and weights after fit")),
    ("layers.*", "activity_regularizer", triage(
        NOT_FIXABLE, "Keras 3 (and TF 1.15's tf.keras) divide an activity penalty by the batch size; Keras 2.2.4 "
        "summed it over the batch", "unchanged_layers", "Dense(2, activity_regularizer='l2') penalty, batch of 2")),
    ("utils.to_categorical", "(result dtype)", triage(
        FIXABLE, "float64 in Keras 3, float32 in Keras 2 (values equal)", "to_categorical",
        "to_categorical([0, 2], 3).dtype", "to_categorical([0, 2], 3).astype('float32').dtype", None,
        {"kind": "cast_result", "keyword": "dtype", "default": "'float32'"})),
]


def triage_key(difference):
    if difference["change"] == "positional order changed":
        return difference["callable"] + "@positional"
    return difference["callable"] + ":" + difference["parameter"]


def find_triage(difference):
    key = triage_key(difference)
    if key in TRIAGE:
        return TRIAGE[key]
    patterns = [p for p in TRIAGE if fnmatch.fnmatchcase(key, p) and p.endswith("@positional") == key.endswith(
        "@positional")]
    if not patterns:
        raise SystemExit("no triage for %s: add it to TRIAGE" % key)
    return TRIAGE[max(patterns, key=len)]


def semantic_differences():
    for callable_, parameter, record in SEMANTIC_CHANGES:
        yield {"callable": callable_, "parameter": parameter, "change": "semantics changed", "keras3_parameter": None,
               "keras2_default": None, "tf_keras_1_15_default": None, "keras3_default": None,
               "keras2_position": None, "detail": "", "aliases": []}, record


def _raises(value):
    return value is None or value.startswith("raises")


def confirmation(record, results):
    """'' when the probe outputs agree with the verdict, else why not."""
    if not record["probe"]:
        return ""
    runs = results[record["probe"]]
    before2, before3 = runs["keras2"].get(record["default"]), runs["keras3"].get(record["default"])
    after3 = runs["keras3"].get(record["fixed"]) if record["fixed"] else None
    verdict = record["verdict"]
    if verdict in (FIXABLE, LOUD_FIXABLE):
        if not fixed_spellings(record, results):
            return "Keras 3 with the fix does not print what Keras 2 printed"
        if (verdict == LOUD_FIXABLE) != _raises(before3):
            return "Keras 3 %s" % ("does not raise" if verdict == LOUD_FIXABLE else "raises")
    elif verdict == NOT_FIXABLE:
        if before2 == before3:
            return "Keras 3 prints what Keras 2 printed"
        if after3 is not None and after3 == before2:
            return "the attempted fix works"
    elif verdict == NO_CHANGE:
        if before2 != before3:
            return "Keras 3 prints something else"
        if record["explicit"] and _raises(runs["keras3"].get(record["explicit"])):
            return "Keras 3 rejects the explicit value"
    elif verdict == LOUD:
        if not _raises(before3) or _raises(before2):
            return "Keras 3 does not raise where Keras 2 did not"
    elif verdict == DISPLAY:
        if not (before2 or "").startswith("prints a progress bar") or before2 != before3:
            return "not a progress bar on both"
    return ""


def fixed_spellings(record, results, difference=None):
    """The Keras spellings (`keras`, `tf.keras` of TF 1.x) whose calls the fix brings back to what they did."""
    if not record["fix"]:
        return []
    if not (record["probe"] and record["fixed"]):
        same_in_tf1 = difference is not None and difference["tf_keras_1_15_default"] == difference["keras2_default"]
        return ["keras", "tf.keras"] if same_in_tf1 else ["keras"]
    runs = results[record["probe"]]
    before3, after3 = runs["keras3"].get(record["default"]), runs["keras3"].get(record["fixed"])
    spellings = []
    for key, spelling in (("keras2", "keras"), ("tf_keras1", "tf.keras")):
        before = runs[key].get(record["default"])
        if not _raises(before) and before != before3 and before == after3:
            spellings.append(spelling)
    return spellings


def affected_spellings(record, results, difference):
    """The Keras spellings whose calls Keras 3 runs differently (or rejects)."""
    if not record["probe"]:
        same_in_tf1 = difference["tf_keras_1_15_default"] == difference["keras2_default"]
        return ["keras", "tf.keras"] if same_in_tf1 else ["keras"]
    runs = results[record["probe"]]
    after = runs["keras3"].get(record["default"])
    return [spelling for key, spelling in (("keras2", "keras"), ("tf_keras1", "tf.keras"))
            if not _raises(runs[key].get(record["default"])) and runs[key].get(record["default"]) != after]


def keras3_accepts(difference, record, results):
    if record["probe"] and record["explicit"]:
        runs = results[record["probe"]]
        explicit = runs["keras3"].get(record["explicit"])
        if _raises(explicit):
            return "no (%s)" % explicit
        same = explicit == runs["keras2"].get(record["explicit"])
        return "yes" if same else "yes, but it computes something else"
    change = difference["change"]
    if change in ("default changed", "now required"):
        return "yes"
    if change == "renamed":
        return "as `%s=`" % difference["keras3_parameter"]
    if change == "removed":
        return "through **kwargs" if "kwargs" in difference["detail"] else "no"
    if change == "positional order changed":
        return "by keyword"
    return ""


def metric_tables(results):
    """Keras 2 metric string -> the string Keras 3 logs under Keras 2's name; strings Keras 3 rejects."""
    prefix = "history keys for metrics=["
    runs = results["metrics"]
    names, rejected = {}, {}
    for label, keys2 in sorted(runs["keras2"].items()):
        if not label.startswith(prefix) or _raises(keys2):
            continue
        metric = label[len(prefix):-1].strip("'")
        keys3 = runs["keras3"].get(label)
        if keys3 == keys2:
            continue
        if _raises(keys3):
            rejected[metric] = "Keras 2 logged it as %s" % keys2
            continue
        keras2_name = keys2.strip("[]'")
        if runs["keras3"].get("%s%r]" % (prefix, keras2_name)) == keys2:
            names[metric] = keras2_name
    return names, rejected


def assemble(differences, results):
    rows = [(d, find_triage(d)) for d in differences] + list(semantic_differences())
    out, problems = [], []
    for difference, record in rows:
        problem = confirmation(record, results) if results else ""
        if problem:
            problems.append("%s: %s (%s)" % (triage_key(difference), record["verdict"], problem))
        row = dict(difference)
        row.update({
            "keras3_accepts_keras2_value": keras3_accepts(difference, record, results) if results else "",
            "verdict": record["verdict"] if results or not record["probe"] else record["verdict"] + " (unconfirmed)",
            "note": record["note"], "fix": record["fix"],
            "fixed_spellings": fixed_spellings(record, results, difference) if results or not record["probe"] else [],
            "affected_spellings": affected_spellings(record, results, difference) if results or not record["probe"]
            else [],
            "evidence": ("probe %s: %s" % (record["probe"], record["default"])) if record["probe"] else "signatures",
        })
        out.append(row)
    return out, problems


# --------------------------------------------------------------------------- output

DATA_COMMENT = ("Keras 2.2.4 -> Keras 3 (TF 2.21) parameter differences with a verdict each, and the metric names "
                "Keras 3 logs differently. Generated by `python scripts/compare_keras_signatures.py` (needs the TF "
                "1.15 oracle and TF 2.21); do not edit by hand. The evidence is in scripts/keras_default_changes.md. "
                "fixed_spellings: the Keras whose calls the fix restores ('keras': Keras 2.2.4, 'tf.keras': TF 1.x's); "
                "a fix value starting with '@' is a Keras object (keras-relative path).")


def write_data(rows, metric_names, rejected, unpaired):
    data = {"_comment": DATA_COMMENT, "differences": rows, "metric_names": metric_names,
            "metrics_rejected_by_keras3": rejected, "without_keras3_counterpart": unpaired}
    with io.open(DATA, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=1, sort_keys=True)
        handle.write("\n")


def _cell(value, limit=110):
    text = "" if value is None else str(value)
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("|", "\\|").replace("\n", " ")


def _fix_text(fix):
    if not fix:
        return ""
    kind = fix["kind"]
    if kind == "add_default":
        return "add `%s=%s`" % (fix["keyword"], fix["value"].replace("@", ""))
    if kind == "rename_keyword":
        return "rename `%s=` to `%s=`" % (fix["keyword"], fix["to"])
    if kind == "keywordize_positional":
        return "pass by keyword"
    if kind == "cast_result":
        return "`.astype(dtype)` on the result"
    return kind.replace("_", " ") + (" `%s`" % fix["value"].replace("@", "") if "value" in fix else "")


REPORT_INTRO = """# Keras 2.2.4 -> Keras 3: what changed silently

Generated by `python scripts/compare_keras_signatures.py`; do not edit by hand. The data the codemod
`keras3-defaults-made-explicit` reads is `codemods/data/keras3_default_changes.json`.

How it was found: `inspect.signature` of every public callable of Keras 2.2.4 and of TF 1.15's `tf.keras`
(under the TF 1.15 oracle) and of TF 2.21's `tf.keras` (Keras 3), paired by public path (layer submodules
folded into `layers`), compared parameter by parameter: default changed, renamed (same place and default,
new name), removed, now required, or a positional order that binds another parameter. Every difference got a
verdict, and where a program could notice, a probe: a small program run on all three runtimes whose outputs
are listed at the end (`raises X`: the call failed). A verdict the probe outputs contradict stops the script.

Verdicts: **{fixable}** (the codemod passes Keras 2's value explicitly), **{not_fixable}** (the codemod
reports each call), **{loud_fixable}** / **{loud}** (Keras 3 raises; the codemod fixes or reports it),
**{no_change}**, **{display}**, **{other}**, **{internal}**.
"""


def write_report(rows, results, metric_names, rejected, unpaired):
    lines = [REPORT_INTRO.format(fixable=FIXABLE, not_fixable=NOT_FIXABLE, loud_fixable=LOUD_FIXABLE, loud=LOUD,
                                 no_change=NO_CHANGE, display=DISPLAY, other=OTHER, internal=INTERNAL)]
    counts = {}
    for row in rows:
        counts[row["verdict"]] = counts.get(row["verdict"], 0) + 1
    lines.append("%d differences: %s.\n" % (len(rows), ", ".join(
        "%d %s" % (n, v) for v, n in sorted(counts.items(), key=lambda kv: -kv[1]))))
    for title, wanted in (("What changes behaviour", (FIXABLE, NOT_FIXABLE)),
                          ("What fails loudly", (LOUD_FIXABLE, LOUD)),
                          ("The rest", (NO_CHANGE, DISPLAY, OTHER, INTERNAL))):
        lines.append("## %s\n" % title)
        lines.append("| callable | parameter | change | Keras 2.2.4 | TF 1.15 tf.keras | Keras 3 | Keras 3 takes "
                     "Keras 2's value | verdict | fix (for) | why / evidence |")
        lines.append("|---|---|---|---|---|---|---|---|---|---|")
        for row in rows:
            if row["verdict"] not in wanted:
                continue
            fix = _fix_text(row["fix"]) + (" (%s)" % ", ".join(row["fixed_spellings"]) if row["fix"] else "")
            lines.append("| `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s; %s |" % tuple(_cell(v, 400) for v in (
                row["callable"], row["parameter"], row["change"], row["keras2_default"],
                row["tf_keras_1_15_default"], row["keras3_default"], row["keras3_accepts_keras2_value"],
                row["verdict"], fix, row["note"], row["evidence"])))
        lines.append("")
    lines.append("## Metric names\n")
    lines.append("`compile(metrics=[...])` strings Keras 3 logs under another name than Keras 2 did; passing Keras "
                 "2's name gives Keras 2's key back (probe `metrics`):\n")
    lines.append("| metric string | Keras 2 and fixed Keras 3 key |\n|---|---|")
    lines.extend("| `%r` | `%r` |" % (k, v) for k, v in sorted(metric_names.items()))
    lines.append("\nStrings Keras 3 rejects (ValueError at fit): %s.\n" % ", ".join(
        "`%r` (%s)" % (k, v) for k, v in sorted(rejected.items())))
    lines.append("## Keras 2.2.4 callables with no Keras 3 counterpart\n")
    lines.append("Not compared (calling them fails loudly on Keras 3): %s.\n" % ", ".join("`%s`" % p for p in unpaired))
    lines.append("## Probe outputs\n")
    titles = [title for _, title, _, _ in RUNTIMES]
    for name in sorted(results):
        lines.append("### %s\n" % name)
        lines.append("| call | %s |\n|---|---|---|---|" % " | ".join(titles))
        runs = results[name]
        for label in runs["keras2"]:
            lines.append("| `%s` | %s |" % (_cell(label, 200), " | ".join(
                _cell(runs[key].get(label)) for key, _, _, _ in RUNTIMES)))
        lines.append("")
    with io.open(REPORT, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines).rstrip("\n") + "\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-probes", action="store_true",
                        help="compare signatures only and print the differences; write nothing")
    args = parser.parse_args(argv)
    interpreters = {"oracle": oracle(), "tf2": sys.executable}
    keras2 = run_dump(interpreters["oracle"], "keras")
    tf_keras1 = run_dump(interpreters["oracle"], "tensorflow.keras")
    keras3 = run_dump(interpreters["tf2"], "tensorflow.keras")
    differences, unpaired = all_differences(keras2, tf_keras1, keras3)
    results = {}
    if not args.skip_probes:
        for name in PROBES:
            print("probe %s" % name, file=sys.stderr)
            results[name] = run_probe(name, interpreters)
    rows, problems = assemble(differences, results)
    if args.skip_probes:
        for row in rows:
            print("%-55s %-28s %-24s %s" % (row["callable"], row["parameter"], row["change"], row["verdict"]))
        return 0
    if problems:
        print("verdicts the probes contradict (UNCONFIRMED):\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    metric_names, rejected = metric_tables(results)
    write_data(rows, metric_names, rejected, unpaired)
    write_report(rows, results, metric_names, rejected, unpaired)
    print("wrote %s and %s (%d differences)" % (os.path.relpath(DATA, REPO), os.path.relpath(REPORT, REPO), len(rows)))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--dump"]:
        json.dump(dump(sys.argv[2]), sys.stdout, sort_keys=True)
    else:
        sys.exit(main())
