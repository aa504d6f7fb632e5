# Covers: `tf.reset_default_graph()` at the start of a model-building function -> tf.keras.backend.clear_session().
import numpy as np
import tensorflow as tf


def build_model(units):
    """A fresh two-layer model."""
    tf.reset_default_graph()
    model = tf.keras.Sequential()
    model.add(tf.keras.layers.Dense(units, input_dim=2, activation="relu", kernel_initializer="ones"))
    model.add(tf.keras.layers.Dense(1, kernel_initializer="ones"))
    return model


x = np.array([[1.0, 2.0], [-1.0, 0.5]], dtype="float32")
for units in (1, 3):
    model = build_model(units)
    print(units, [round(float(v), 3) for v in model.predict(x, verbose=0).ravel()])
