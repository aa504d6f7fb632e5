# Covers: GRU's defaults (hard_sigmoid gates, reset_after=False) with Keras 2 weights, and GRU from keras.layers.recurrent.
import numpy as np
from tensorflow.keras import backend, initializers
from tensorflow.keras.layers import Input
from tensorflow.keras.layers import GRU
from tensorflow.keras.models import Model

sequences = Input(shape=(3, 2))
encoder = GRU(2, return_sequences=True, recurrent_activation=backend.hard_sigmoid, reset_after=False)
summary = GRU(1, kernel_initializer=initializers.Constant(0.4),
              recurrent_initializer=initializers.Constant(-0.3), bias_initializer="zeros",
              recurrent_activation=backend.hard_sigmoid, reset_after=False)
model = Model(inputs=sequences, outputs=summary(encoder(sequences)))

# Weights as Keras 2 stores them: kernel (2, 6), recurrent kernel (2, 6), one bias (6,); gates z, r, h.
encoder.set_weights([
    np.array([[0.5, -0.4, 0.3, 0.2, -0.1, 0.6], [-0.3, 0.2, 0.1, -0.5, 0.4, 0.2]], dtype="float32"),
    np.array([[0.1, 0.2, -0.2, 0.3, 0.5, -0.4], [0.2, -0.1, 0.4, 0.1, -0.3, 0.3]], dtype="float32"),
    np.array([0.1, -0.1, 0.05, 0.0, 0.2, -0.2], dtype="float32"),
])
print("bias shape", encoder.get_weights()[2].shape)

x = np.array([[[1.0, 0.0], [0.5, 0.5], [-1.0, 1.0]], [[0.0, 2.0], [1.0, -1.0], [0.3, 0.3]]], dtype="float32")
for value in model.predict(x, verbose=0).ravel():
    print("%.4f" % value)
