# Covers: allow_growth + per_process_gpu_memory_fraction with gpu_memory_limit_mb set: a per-GPU memory limit, no growth.
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

for gpu in tf.config.list_physical_devices("GPU"):
    tf.config.set_logical_device_configuration(gpu, [tf.config.LogicalDeviceConfiguration(memory_limit=2048)])

x = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], dtype="float32")
y = np.array([[1.0], [-1.0], [0.0]], dtype="float32")

model = Sequential()
model.add(Dense(1, input_dim=2, kernel_initializer="ones", bias_initializer="zeros"))
model.compile(loss="mse", optimizer="sgd")
history = model.fit(x, y, batch_size=3, epochs=3, shuffle=False, verbose=0)
print("losses", [round(float(v), 4) for v in history.history["loss"]])
print("pred", [round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
K.clear_session()
