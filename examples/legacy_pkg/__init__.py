"""A small legacy Keras package: data, model builders, GPU setup and a training entry point.

Run from examples/:  python -m legacy_pkg.train
"""
import keras

# The package relies on float32 everywhere.
keras.backend.set_floatx("float32")

__version__ = "0.3.1"
