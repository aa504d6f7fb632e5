# Covers: LSTM's default recurrent_activation (Keras 2's hard_sigmoid) with weights set from numpy arrays.
import numpy as np
from tensorflow.keras.layers import LSTM, Dense
from tensorflow.keras.models import Model, Sequential
from tensorflow.keras import backend

model = Sequential()
model.add(LSTM(3, input_shape=(4, 2), recurrent_activation=backend.hard_sigmoid))
model.add(Dense(1, kernel_initializer="ones", bias_initializer="zeros"))

# "Pretrained" weights: kernel (2, 12), recurrent kernel (3, 12), bias (12,), gates in Keras order i, f, c, o.
lstm = model.layers[0]
lstm.set_weights([
    np.linspace(-0.6, 0.6, 24).reshape(2, 12).astype("float32"),
    np.linspace(0.5, -0.5, 36).reshape(3, 12).astype("float32"),
    np.linspace(-0.2, 0.2, 12).astype("float32"),
])

x = np.array([
    [[0.0, 1.0], [0.5, -0.5], [1.0, 0.0], [-1.0, 2.0]],
    [[2.0, 2.0], [1.5, -1.0], [0.0, 0.0], [0.5, 0.5]],
], dtype="float32")
for row in model.predict(x, verbose=0):
    print(["%.4f" % v for v in row])
hidden = Model(model.inputs, lstm.output)
print("hidden", [[round(float(v), 4) for v in row] for row in hidden.predict(x, verbose=0)])
