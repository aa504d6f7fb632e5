# Covers: GPU config block inside a function, handed to Keras through KTF (keras.backend.tensorflow_backend).
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Activation, Dense
from tensorflow.keras.models import Sequential


def configure_gpu():
    """Let TensorFlow allocate GPU memory on demand."""
    for gpu in tf.config.list_physical_devices("GPU"):
        tf.config.experimental.set_memory_growth(gpu, True)


def main():
    configure_gpu()
    model = Sequential([Dense(3, input_dim=2), Activation("softmax")])
    model.set_weights([
        np.array([[1.0, -1.0, 0.5], [0.5, 2.0, -1.0]], dtype="float32"),
        np.array([0.1, 0.0, -0.1], dtype="float32"),
    ])
    x = np.array([[0.0, 0.0], [1.0, 0.5], [-1.0, 2.0]], dtype="float32")
    for probs in model.predict(x, verbose=0):
        print(" ".join("%.4f" % p for p in probs))


main()
