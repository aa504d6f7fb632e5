# Covers: keras.layers.advanced_activations.LeakyReLU and keras.layers.normalization.BatchNormalization, at inference.
import numpy as np
from tensorflow import keras

model = keras.models.Sequential()
model.add(keras.layers.Dense(3, input_shape=(2,), kernel_initializer="ones", bias_initializer="zeros"))
model.add(keras.layers.BatchNormalization(name="bn"))
model.add(keras.layers.LeakyReLU())
model.add(keras.layers.ELU())

# gamma, beta, moving mean, moving variance: a "trained" normalisation.
model.get_layer("bn").set_weights([
    np.array([1.0, 2.0, 0.5], dtype="float32"),
    np.array([0.0, -1.0, 0.5], dtype="float32"),
    np.array([0.5, 1.0, -1.0], dtype="float32"),
    np.array([1.0, 4.0, 0.25], dtype="float32"),
])
x = np.array([[1.0, 1.5], [-2.0, 0.5], [0.25, 0.0]], dtype="float32")
for row in model.predict(x, verbose=0):
    print(" ".join("%.4f" % v for v in row))
