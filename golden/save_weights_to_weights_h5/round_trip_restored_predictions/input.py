# Covers: save_weights / load_weights of the same ".h5" literal, with os.path.exists and os.remove of the file.
import os

import numpy as np
from keras.layers import Dense
from keras.models import Sequential

x = np.array([[0.5, -1.0], [1.0, 2.0], [-0.3, 0.8]], dtype="float32")

trained = Sequential([Dense(3, input_dim=2, activation="tanh"), Dense(1)])
trained.set_weights([
    np.array([[0.2, -0.4, 0.6], [0.5, 0.1, -0.3]], dtype="float32"),
    np.array([0.0, 0.1, -0.1], dtype="float32"),
    np.array([[1.0], [-2.0], [0.5]], dtype="float32"),
    np.array([0.25], dtype="float32"),
])
trained.save_weights("mlp_weights.h5")
print("saved", os.path.exists("mlp_weights.h5"))

restored = Sequential([Dense(3, input_dim=2, activation="tanh", kernel_initializer="zeros"), Dense(1, kernel_initializer="zeros")])
print("before", [round(float(v), 4) for v in restored.predict(x, verbose=0).ravel()])
restored.load_weights("mlp_weights.h5")
print("after", [round(float(v), 4) for v in restored.predict(x, verbose=0).ravel()])
print("same as trained", bool(np.allclose(restored.predict(x, verbose=0), trained.predict(x, verbose=0))))

os.remove("mlp_weights.h5")
print("removed", not os.path.exists("mlp_weights.h5"))
