# Covers: per_process_gpu_memory_fraction set as an attribute becomes memory growth (TF2 has no fraction API).
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

# Share the card with the other jobs: take at most 40% of its memory.
for gpu in tf.config.list_physical_devices("GPU"):
    tf.config.experimental.set_memory_growth(gpu, True)

model = Sequential()
model.add(Dense(3, input_dim=2, activation="sigmoid", kernel_initializer="ones", bias_initializer="zeros"))
model.add(Dense(1, kernel_initializer="ones"))
x = np.array([[0.0, 0.0], [1.0, -0.5], [2.0, 1.0]], dtype="float32")
print([round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
