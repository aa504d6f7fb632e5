"""Model builders."""
import numpy as np
from keras.layers.core import Activation, Dense
from keras.models import Sequential
from keras.optimizers import SGD


def feature_weights(input_dim, hidden):
    """Deterministic stand-in for a pretrained projection."""
    grid = np.arange(input_dim * hidden, dtype="float32").reshape(input_dim, hidden)
    return [np.sin(grid + 1.0), np.zeros(hidden, dtype="float32")]


def build_classifier(input_dim, num_classes, hidden=6, learning_rate=0.3):
    """Frozen projection + trainable softmax head."""
    model = Sequential()
    model.add(Dense(hidden, input_dim=input_dim, trainable=False, name="projection"))
    model.add(Activation("relu"))
    model.add(Dense(num_classes, kernel_initializer="zeros", name="head"))
    model.add(Activation("softmax"))
    model.get_layer("projection").set_weights(feature_weights(input_dim, hidden))
    model.compile(loss="categorical_crossentropy", optimizer=SGD(learning_rate), metrics=["accuracy"])
    return model
