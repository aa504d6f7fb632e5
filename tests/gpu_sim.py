"""Run a program as if the machine had two GPUs, recording the tf.config calls it makes.

    python tests/gpu_sim.py --record CALLS_FILE PROGRAM.py

CI has no GPU, so a migrated `for gpu in tf.config.list_physical_devices("GPU"): ...` loop never runs there and
a wrong device setting would go unnoticed. This runner shows the program two fake GPUs, runs it as
`python PROGRAM.py` would (stdout untouched) and writes each device setting it made to CALLS_FILE, one call per
line, e.g. `set_memory_growth(GPU:0, True)`. The file is written even when the program fails.
"""

import argparse
import functools
import os
import runpy
import sys

import tensorflow as tf

FAKE_GPUS = [tf.config.PhysicalDevice(name=f"/physical_device:GPU:{i}", device_type="GPU") for i in range(2)]

# Every public API module a program can reach these functions through (tf.compat.v1 and v2 hold copies).
# A call is recorded under its public name in the first module that exports it: `experimental` comes last, so
# an alias records as the stable name (`set_virtual_device_configuration` as `set_logical_device_configuration`).
MODULES = ["config", "config.threading", "config.optimizer", "debugging", "config.experimental"]
ROOTS = [tf, tf.compat.v1, tf.compat.v2]

# They take devices, and TF would reject the fake ones: recorded only.
RECORD_ONLY = {
    "set_memory_growth",
    "set_visible_devices",
    "set_logical_device_configuration",
    "set_virtual_device_configuration",
}
# They take no devices: recorded, then forwarded so the program runs as configured.
RECORD_AND_FORWARD = {
    "set_intra_op_parallelism_threads",
    "set_inter_op_parallelism_threads",
    "set_soft_device_placement",
    "set_log_device_placement",
    "set_jit",
}


def render(value) -> str:
    """A call argument as written in CALLS_FILE: devices by short name, configurations by the fields set."""
    if isinstance(value, tf.config.PhysicalDevice):
        return value.name.removeprefix("/physical_device:")
    if isinstance(value, tf.config.LogicalDeviceConfiguration):
        fields = ", ".join(f"{k}={v!r}" for k, v in value._asdict().items() if v is not None)
        return f"LogicalDeviceConfiguration({fields})"
    if isinstance(value, (list, tuple)):
        items = ", ".join(render(v) for v in value)
        return f"[{items}]" if isinstance(value, list) else f"({items}{',' if len(value) == 1 else ''})"
    return repr(value)


def called_from_library() -> bool:
    """TF and Keras internals keep seeing the real machine (Keras turns XLA on when it sees a GPU)."""
    caller = sys._getframe(2).f_globals.get("__name__", "")
    return caller.partition(".")[0] in ("tensorflow", "keras", "tf_keras")


def install() -> list:
    """Patch the API modules; returns the list that the recorded calls are appended to."""
    calls = []
    visible_gpus = list(FAKE_GPUS)
    wrappers = {}  # one wrapper per real function, so aliases stay the same object

    def with_fakes(real, gpus):
        @functools.wraps(real)
        def query(device_type=None):
            if called_from_library():
                return real(device_type)
            if device_type == "GPU":
                return list(gpus)
            real_devices = [d for d in real(device_type) if d.device_type != "GPU"]
            return real_devices + list(gpus) if device_type is None else real_devices

        return query

    def recorder(real, public_name, forward):
        @functools.wraps(real)
        def setter(*args, **kwargs):
            rendered = [render(a) for a in args] + [f"{k}={render(v)}" for k, v in kwargs.items()]
            calls.append(f"{public_name}({', '.join(rendered)})")
            if public_name == "set_visible_devices":
                track_visible(*args, **kwargs)
            return real(*args, **kwargs) if forward else None

        return setter

    def track_visible(devices, device_type=None):
        if device_type in (None, "GPU"):
            devices = devices if isinstance(devices, list) else [devices]
            visible_gpus[:] = [d for d in devices if d.device_type == "GPU"]

    for root in ROOTS:
        for path in MODULES:
            module = functools.reduce(getattr, path.split("."), root)
            for name, real in list(vars(module).items()):
                if name in ("list_physical_devices", "get_visible_devices"):
                    gpus = FAKE_GPUS if name == "list_physical_devices" else visible_gpus
                    make = functools.partial(with_fakes, gpus=gpus)
                elif name in RECORD_ONLY or name in RECORD_AND_FORWARD:
                    make = functools.partial(recorder, public_name=name, forward=name in RECORD_AND_FORWARD)
                else:
                    continue
                if real not in wrappers:
                    wrappers[real] = make(real)
                setattr(module, name, wrappers[real])
    return calls


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", required=True, metavar="CALLS_FILE", help="where the recorded calls go")
    parser.add_argument("program", help="the Python program to run as __main__")
    args = parser.parse_args(argv)

    calls = install()
    program = os.path.abspath(args.program)
    sys.argv = [args.program]
    sys.path[0] = os.path.dirname(program)
    try:
        runpy.run_path(program, run_name="__main__")
    finally:
        with open(args.record, "w", encoding="utf-8") as f:
            f.writelines(call + "\n" for call in calls)


if __name__ == "__main__":
    main()
