"""Classify 2-D points into three classes with a small standalone-Keras model.

Typical TF 1.x / Keras 2 script: GPU memory-growth boilerplate handed to Keras through
a session, standalone Keras imports, the Keras 2 np_utils one-hot helper.
The data and weights are fixed, so every run prints the same numbers.
"""
import numpy as np
import tensorflow as tf
from keras.backend.tensorflow_backend import set_session
from keras.layers import Dense
from keras.models import Sequential
from keras.optimizers import SGD
from keras.utils.np_utils import to_categorical

# Don't let TensorFlow grab all GPU memory up front.
config = tf.ConfigProto()
config.gpu_options.allow_growth = True
sess = tf.Session(config=config)
set_session(sess)

NUM_CLASSES = 3
HIDDEN = 8


def make_data():
    """12 points on three rays; the label is the ray."""
    angles = np.array([0.0, 2.1, 4.2])
    radii = np.array([0.5, 1.0, 1.5, 2.0])
    points, labels = [], []
    for label, angle in enumerate(angles):
        for r in radii:
            points.append([r * np.cos(angle), r * np.sin(angle)])
            labels.append(label)
    x = np.array(points, dtype="float32")
    y = to_categorical(np.array(labels), NUM_CLASSES)
    return x, y


def build_model():
    model = Sequential()
    # A fixed (pretrained) feature projection, frozen; only the softmax head is trained.
    model.add(Dense(HIDDEN, input_dim=2, activation="tanh", trainable=False, name="features"))
    model.add(Dense(NUM_CLASSES, activation="softmax", kernel_initializer="zeros", name="head"))
    projection = np.cos(np.arange(2 * HIDDEN, dtype="float32").reshape(2, HIDDEN))
    model.get_layer("features").set_weights([projection, np.zeros(HIDDEN, dtype="float32")])
    model.compile(loss="categorical_crossentropy", optimizer=SGD(0.5), metrics=["accuracy"])
    return model


def main():
    x, y = make_data()
    model = build_model()
    history = model.fit(x, y, batch_size=4, epochs=3, shuffle=False, verbose=0)
    print("epoch losses:", [round(float(v), 4) for v in history.history["loss"]])
    loss, acc = model.evaluate(x, y, verbose=0)
    print("final loss %.4f accuracy %.4f" % (loss, acc))
    probs = model.predict(x, verbose=0)
    print("predicted classes:", probs.argmax(axis=1).tolist())
    print("first point:", [round(float(p), 4) for p in probs[0]])


if __name__ == "__main__":
    main()
