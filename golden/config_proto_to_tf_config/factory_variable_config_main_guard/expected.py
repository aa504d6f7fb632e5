# Covers: a get_session() factory building its proto by attributes (growth, visible_device_list), called in the main guard.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential


def get_session():
    """One GPU, memory on demand."""
    gpus = tf.config.list_physical_devices("GPU")
    if gpus:
        tf.config.set_visible_devices([gpus[0]], "GPU")
    for gpu in tf.config.get_visible_devices("GPU"):
        tf.config.experimental.set_memory_growth(gpu, True)


def build_model():
    model = Sequential()
    model.add(Dense(1, input_dim=3, kernel_initializer="ones", bias_initializer="zeros"))
    model.compile(loss="mse", optimizer="sgd")
    return model


if __name__ == "__main__":
    get_session()
    model = build_model()
    x = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 1.0], [0.5, 0.5, -1.0]], dtype="float32")
    y = np.array([[2.0], [1.0], [0.0]], dtype="float32")
    history = model.fit(x, y, batch_size=3, epochs=2, shuffle=False, verbose=0)
    print("losses", [round(float(v), 4) for v in history.history["loss"]])
    print("mse %.4f" % model.evaluate(x, y, verbose=0))
