# Covers: keras.applications.<model> modules (preprocess_input) by name, by module alias and by attribute chain.
import numpy as np
import keras
import keras.applications.mobilenet as mobilenet
from keras.applications.vgg16 import preprocess_input


def image():
    """A fresh 1x2x2x3 RGB batch each call (preprocess_input may work in place)."""
    return np.arange(12, dtype="float32").reshape(1, 2, 2, 3) * 20.0


print("vgg16", [round(float(v), 4) for v in preprocess_input(image()).ravel()])
print("mobilenet", [round(float(v), 4) for v in mobilenet.preprocess_input(image()).ravel()])
print("inception_v3", [round(float(v), 4) for v in keras.applications.inception_v3.preprocess_input(image()).ravel()])
