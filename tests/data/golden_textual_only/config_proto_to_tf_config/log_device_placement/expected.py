# Covers: log_device_placement (keyword) + soft placement + attribute fields; the generated statements follow the fixed order.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

for gpu in tf.config.list_physical_devices("GPU"):
    tf.config.experimental.set_memory_growth(gpu, True)
tf.debugging.set_log_device_placement(True)
tf.config.set_soft_device_placement(True)
tf.config.threading.set_intra_op_parallelism_threads(2)
tf.config.threading.set_inter_op_parallelism_threads(1)

model = Sequential()
model.add(Dense(2, input_dim=2, kernel_initializer="ones"))
x = np.array([[1.0, 2.0], [0.5, -0.5]], dtype="float32")
print([[round(float(v), 4) for v in row] for row in model.predict(x, verbose=0)])
