# Covers: os.environ["CUDA_VISIBLE_DEVICES"] kept as it is; allow_growth config handed to tf.keras's set_session.
import os

os.environ["CUDA_VISIBLE_DEVICES"] = "0"

import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

for gpu in tf.config.list_physical_devices("GPU"):
    tf.config.experimental.set_memory_growth(gpu, True)

model = Sequential()
model.add(Dense(2, input_dim=2, activation="sigmoid", kernel_initializer="ones", bias_initializer="zeros"))
x = np.array([[0.0, 0.0], [1.0, 1.0], [-0.5, 0.25]], dtype="float32")
print([["%.4f" % v for v in row] for row in model.predict(x, verbose=0)])
print("visible:", os.environ["CUDA_VISIBLE_DEVICES"])
