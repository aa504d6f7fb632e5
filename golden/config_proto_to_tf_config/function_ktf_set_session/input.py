# Covers: GPU config block inside a function, handed to Keras through KTF (keras.backend.tensorflow_backend).
import numpy as np
import tensorflow as tf
import keras.backend.tensorflow_backend as KTF
from keras.layers import Activation, Dense
from keras.models import Sequential


def configure_gpu():
    """Let TensorFlow allocate GPU memory on demand."""
    config = tf.ConfigProto()
    config.gpu_options.allow_growth = True
    sess = tf.Session(config=config)
    KTF.set_session(sess)


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
