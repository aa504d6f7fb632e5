#!/usr/bin/env python3
"""Generate codemods/data/tf1_symbols.json: what becomes of every TF 1.x API name on TensorFlow 2.21.

    python scripts/generate_tf1_symbols.py            # regenerate the data file
    python scripts/generate_tf1_symbols.py --check    # exit 1 when the committed file is out of date

Source: TensorFlow 2.21's own export metadata (``tensorflow.python.util.tf_export``), which records, for
every exported symbol, its v1 names (``tf.compat.v1.*``, TF 1.x's API) and its v2 names (``tf.*``), and the
signatures and source of both functions.

- ``renames``: a v1 name whose object is exported in TF2 under another name (``random_normal`` ->
  ``random.normal``): the same function, so the rename is always safe (and the signatures cannot differ).
- ``v1_only``: v1 names whose object has no TF2 name (``placeholder``, ``Session``, ``reduce_sum`` whose v1
  function takes ``keep_dims``). Each maps to the TF2 name of the same spelling when one exists (a different
  object), else null. These run on TF 2.21 only as ``tf.compat.v1.<name>``.
- ``arguments``: for a ``v1_only`` name with a same-spelled TF2 function whose signature differs, what a call
  needs to run on the TF2 function (see ``describe_call``).
- ``counterparts``: hand-curated, verified TF2 replacements for v1-only names that have no TF2 home, as a
  target name plus the same call description.

Names are relative to ``tf.`` (``train.AdamOptimizer``). Needs TF 2.21 in this interpreter.
"""
from __future__ import annotations

import argparse
import collections
import inspect
import json
import os
import re
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(REPO, "codemods", "data", "tf1_symbols.json")
V1 = "compat.v1."

# Modules other codemods own (or that the fallback owns): no argument descriptions for them.
OWNED_ELSEWHERE = ("summary.", "logging.", "flags.", "app.", "layers.", "contrib.", "keras.")

# `deprecated_argument_lookup("axis", axis, "reduction_indices", reduction_indices)`: new name first, old third.
LOOKUP = re.compile(r"deprecated_argument_lookup\(\s*['\"](\w+)['\"]\s*,\s*\w+\s*,\s*['\"](\w+)['\"]")

# Keyword renames the v1 source does not spell with deprecated_argument_lookup; (v1 name, old) -> new.
EXTRA_RENAMES = {
    ("cond", "fn1"): "true_fn",  # deprecated_args decorator; the body assigns true_fn = fn1
    ("cond", "fn2"): "false_fn",
    ("convert_to_tensor", "preferred_dtype"): "dtype_hint",  # v1 passes preferred_dtype on as dtype_hint
    ("arg_max", "dimension"): "axis",  # the generated op's `dimension` is math.argmax's `axis`
    ("arg_min", "dimension"): "axis",
    ("multinomial", "output_dtype"): "dtype",  # random.categorical's output dtype argument
    ("random.multinomial", "output_dtype"): "dtype",
}

# Dropped v1 parameters whose every value is what the TF2 function does anyway: (v1 name, parameter).
ANY_VALUE_DROPS = {
    ("gradients", "colocate_gradients_with_ops"): "TF2's gradients always colocate",
    ("hessians", "colocate_gradients_with_ops"): "TF2's hessians always colocate",
    ("nn.conv1d", "use_cudnn_on_gpu"): "TF2 always lets cuDNN run the convolution",
    ("nn.conv2d", "use_cudnn_on_gpu"): "TF2 always lets cuDNN run the convolution",
}

# Dropped v1 parameters for which only this value (not the v1 default) is what TF2 does.
EQUIVALENT_DROPS = {
    ("Variable", "use_resource"): [None, True],  # TF2 variables are always resource variables
}

# v1 functions whose TF2 namesake behaves differently even on the same arguments: never rewritten.
DIFFERENT_BEHAVIOUR = {
    "while_loop": "TF 1.x returns a bare tensor for a single loop variable (return_same_structure=False); "
    "TF2 returns the loop variables' structure",
    "cond": "TF 1.x unpacks a one-element list or tuple returned by the branches (strict=False); TF2 does not",
    "case": "TF 1.x unpacks a one-element list or tuple returned by the branches (strict=False); TF2 does not",
    "image.resize": "TF 1.x resizes without half-pixel centers; TF2's resize uses them, so the values differ",
    "nn.embedding_lookup": "TF 1.x shards params with partition_strategy='mod'; TF2 uses 'div'",
    "nn.embedding_lookup_sparse": "TF 1.x shards params with partition_strategy='mod'; TF2 uses 'div'",
    "nn.nce_loss": "TF 1.x shards weights with partition_strategy='mod'; TF2 uses 'div'",
    "nn.sampled_softmax_loss": "TF 1.x shards weights with partition_strategy='mod'; TF2 uses 'div'",
    "nn.ctc_loss": "TF2's ctc_loss takes label and logit lengths and dense or sparse labels: a different function",
    "nn.ctc_beam_search_decoder": "TF 1.x merges repeated classes by default; TF2 never does",
    "strings.split": "TF 1.x returns a SparseTensor; TF2 returns a RaggedTensor",
    "saved_model.load": "TF 1.x loads a MetaGraph into a session; TF2 loads a trackable object",
    "lite.TFLiteConverter": "TF 1.x builds the converter from a GraphDef; TF2 from concrete functions",
    "test.compute_gradient": "TF2's compute_gradient takes a function, not tensors and shapes",
}

# Defaults TF2 changed, made explicit when a call leaves them out: v1 name -> {parameter: TF 1.x default}.
EXPLICIT_DEFAULTS = {
    "random_normal_initializer": {"stddev": 1.0},  # TF2's default stddev is 0.05
    "random_uniform_initializer": {"minval": 0.0, "maxval": 1.0},  # TF2's default range is [-0.05, 0.05)
}

# Arguments TF2 takes as `1 - value` under another name: (v1 name, old) -> new.
# Not a counterpart: nn.softmax_cross_entropy_with_logits_v2 -> nn.softmax_cross_entropy_with_logits. Its result
# reads like a TF 1.x softmax_cross_entropy_with_logits call, whose labels get tf.stop_gradient: a second run
# would wrap them. The fallback's tf.compat.v1 name keeps it right.
COMPLEMENTS = {("nn.dropout", "keep_prob"): "rate"}  # v1 computes rate = 1. - keep_prob itself

# Arguments TF 1.x passed through tf.stop_gradient before use: v1 name -> parameter.
STOP_GRADIENT = {"nn.softmax_cross_entropy_with_logits": "labels"}  # v1 blocks backprop into labels

# Hand-curated: v1-only names (no TF2 home) and the TF2 function that computes the same thing, checked on TF
# 1.15 and TF 2.21. v1 name -> (TF2 name, arguments to add {parameter: tf dtype}, why it is the same).
COUNTERPARTS = {
    "set_random_seed": ("random.set_seed", {}, "sets the global seed, the same argument"),
    "random.set_random_seed": ("random.set_seed", {}, "sets the global seed, the same argument"),
    "arg_max": ("math.argmax", {}, "the op math.argmax wraps; dimension is its axis"),
    "arg_min": ("math.argmin", {}, "the op math.argmin wraps; dimension is its axis"),
    "multinomial": ("random.categorical", {}, "draws from the same op; output_dtype is its dtype"),
    "random.multinomial": ("random.categorical", {}, "draws from the same op; output_dtype is its dtype"),
    "count_nonzero": ("math.count_nonzero", {}, "the same reduction; input_tensor is its input"),
    "random_poisson": ("random.poisson", {}, "the same op; shape and lam swap places"),
    **{
        f"to_{short}": ("cast", {"dtype": dtype}, f"to_{short}(x) is cast(x, {dtype})")
        for short, dtype in [
            ("float", "float32"),
            ("double", "float64"),
            ("int32", "int32"),
            ("int64", "int64"),
            ("bfloat16", "bfloat16"),
            ("complex64", "complex64"),
            ("complex128", "complex128"),
        ]
    },
}


def resolve(root, dotted: str):
    for part in dotted.split("."):
        root = getattr(root, part, None)
        if root is None:
            return None
    return root


def parameters(obj):
    """(positional-or-keyword parameter names, whether the signature takes *args or **kwargs), or None."""
    function = obj.__init__ if inspect.isclass(obj) else obj
    try:
        signature = inspect.signature(inspect.unwrap(function))
    except (TypeError, ValueError):
        return None
    names, variadic = [], False
    for parameter in signature.parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            variadic = True
        elif parameter.name != "self":
            names.append(parameter)
    return names, variadic


def source_renames(obj, v1_names, v2_names) -> dict:
    function = obj.__init__ if inspect.isclass(obj) else obj
    try:
        source = inspect.getsource(inspect.unwrap(function))
    except (OSError, TypeError):
        return {}
    return {old: new for new, old in LOOKUP.findall(source) if old in v1_names and new in v2_names and old != new}


def equivalent_literals(name: str, parameter) -> object:
    """The values of a dropped v1 parameter that leave the TF2 function doing what v1 did: "any", or a list."""
    if (name, parameter.name) in ANY_VALUE_DROPS:
        return "any"
    if (name, parameter.name) in EQUIVALENT_DROPS:
        return EQUIVALENT_DROPS[(name, parameter.name)]
    default = parameter.default
    if default is inspect.Parameter.empty or not isinstance(default, (type(None), bool, int, float, str)):
        return []
    return [default]


def describe_call(name: str, old, new):
    """What a call to v1 ``old`` needs to call v2 ``new``; None when the signatures agree.

    ``renamed`` old keyword -> new; ``dropped`` v1 parameters TF2 lacks -> the literal values that may simply be
    left out ("any" for every value); ``v1_params`` / ``v2_params`` the parameters in positional order (to
    turn positional arguments into keywords where positions differ); optional ``behaviour`` (why no call can
    be rewritten), ``explicit`` (TF 1.x defaults to pass when left out), ``complement`` (old -> new taking
    ``1 - value``), ``stop_gradient`` (parameter to wrap).
    """
    found_old, found_new = parameters(old), parameters(new)
    if found_old is None or found_new is None:
        return None
    (v1_params, _), (v2_params, v2_variadic) = found_old, found_new
    v1_names, v2_names = [p.name for p in v1_params], [p.name for p in v2_params]
    renamed = source_renames(old, v1_names, v2_names)
    renamed.update({o: n for (key, o), n in EXTRA_RENAMES.items() if key == name and o in v1_names})
    renamed.update(same_place_renames(v1_params, v2_params, renamed))
    complement = {o: n for (key, o), n in COMPLEMENTS.items() if key == name}
    renamed = {o: n for o, n in renamed.items() if o not in complement}
    mapped = {renamed.get(n, complement.get(n, n)) for n in v1_names}
    dropped = {
        p.name: equivalent_literals(name, p)
        for p in v1_params
        if p.name not in renamed and p.name not in complement and p.name not in v2_names
    }
    entry = {}
    if renamed:
        entry["renamed"] = dict(sorted(renamed.items()))
    if dropped:
        entry["dropped"] = dict(sorted(dropped.items()))
    if complement:
        entry["complement"] = complement
    if name in STOP_GRADIENT:
        entry["stop_gradient"] = STOP_GRADIENT[name]
    if name in EXPLICIT_DEFAULTS:
        entry["explicit"] = EXPLICIT_DEFAULTS[name]
    if name in DIFFERENT_BEHAVIOUR:
        entry["behaviour"] = DIFFERENT_BEHAVIOUR[name]
    elif v2_variadic and not mapped <= set(v2_names):
        entry["behaviour"] = f"TF2's {name} takes *args or **kwargs: its arguments cannot be matched to TF 1.x's"
    if not entry and v1_names == v2_names:
        return None
    entry["v1_params"] = v1_names
    entry["v2_params"] = v2_names
    return entry


def same_place_renames(v1_params, v2_params, known: dict) -> dict:
    """A required parameter renamed in place (``zeros_like(tensor)`` -> ``zeros_like(input)``): the same
    position, both required, and neither name in the other signature."""
    v1_names, v2_names = {p.name for p in v1_params}, {p.name for p in v2_params}
    renames = {}
    for old, new in zip(v1_params, v2_params):
        required = old.default is inspect.Parameter.empty and new.default is inspect.Parameter.empty
        if required and old.name != new.name and old.name not in v2_names and new.name not in v1_names:
            if old.name not in known and new.name not in known.values():
                renames[old.name] = new.name
    return renames


def build() -> dict:
    import tensorflow
    from tensorflow.python.util import tf_export

    exported = tf_export._NAME_TO_SYMBOL_MAPPING
    v1 = {name[len(V1):]: symbol for name, symbol in exported.items() if name.startswith(V1)}
    v2 = {name: symbol for name, symbol in exported.items() if not name.startswith("compat.")}
    v2_names_of = collections.defaultdict(list)
    for name, symbol in v2.items():
        v2_names_of[id(symbol)].append(name)
    renames, v1_only = {}, {}
    for name, symbol in v1.items():
        homes = v2_names_of.get(id(symbol), [])
        if name in homes:
            continue
        if homes:
            renames[name] = homes[0]  # the first name tf_export lists is TF's preferred one
        else:
            v1_only[name] = name if name in v2 else None
    arguments = {}
    for name, same in v1_only.items():
        if same is None or name.startswith(OWNED_ELSEWHERE) or not callable(v1[name]):
            continue
        entry = describe_call(name, v1[name], v2[same])
        if entry is not None:
            arguments[name] = entry
    counterparts = {}
    for name, (target, added, _why) in COUNTERPARTS.items():
        if v1_only.get(name, "missing") is not None:
            raise SystemExit(f"counterpart {name!r} is not a v1-only name without a TF2 home")
        new = resolve(tensorflow, target)
        if new is None:
            raise SystemExit(f"counterpart target {target!r} of {name!r} does not exist in TF 2.21")
        entry = describe_call(name, v1[name], new) or {}
        entry = {"target": target, **({"add": added} if added else {}), **entry}
        entry["in_compat_v1"] = resolve(tensorflow.compat.v1, target) is not None
        counterparts[name] = entry
    return {
        "_comment": (
            "TF 1.x API names (relative to `tf.`) and what they are on TensorFlow 2.21. Generated by "
            "`python scripts/generate_tf1_symbols.py` from TF 2.21's export metadata and signatures; do not "
            "edit by hand. renames: v1 name -> TF2 name of the same object (always safe). v1_only: v1 names "
            "whose object has no TF2 name -> the same-spelled TF2 name of a different object, or null when TF2 "
            "has none (runs only as tf.compat.v1.<name>). arguments: for v1_only names with a same-spelled TF2 "
            "function whose signature differs: renamed (old keyword -> new, from the v1 source's "
            "deprecated_argument_lookup calls), dropped (v1 parameters TF2 lacks -> the literal values that "
            "may be left out, or \"any\"), v1_params/v2_params (positional order), and optionally behaviour "
            "(why no call can be rewritten), explicit (TF 1.x defaults TF2 changed, passed when left out), "
            "complement (old -> new taking 1 - value), stop_gradient "
            "(argument TF 1.x did not backpropagate into). counterparts: hand-curated v1-only names -> target "
            "(TF2 function computing the same), add (arguments to add: parameter -> tf dtype name), "
            "in_compat_v1 (whether tf.compat.v1 also has the target) and the same call description."
        ),
        "renames": dict(sorted(renames.items())),
        "v1_only": dict(sorted(v1_only.items())),
        "arguments": dict(sorted(arguments.items())),
        "counterparts": dict(sorted(counterparts.items())),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the committed file is out of date")
    args = parser.parse_args()
    text = json.dumps(build(), indent=1, sort_keys=False) + "\n"
    if args.check:
        with open(DATA, encoding="utf-8") as committed:
            if committed.read() != text:
                print(f"{DATA} is out of date: run python scripts/generate_tf1_symbols.py", file=sys.stderr)
                return 1
        return 0
    with open(DATA, "w", encoding="utf-8") as out:
        out.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
