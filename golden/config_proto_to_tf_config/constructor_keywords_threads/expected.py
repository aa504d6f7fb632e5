# Covers: proto constructor keywords (thread pools, soft placement, nested GPU options) + K's session setter.
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import SGD

for gpu in tf.config.list_physical_devices("GPU"):
    tf.config.experimental.set_memory_growth(gpu, True)
tf.config.set_soft_device_placement(True)
tf.config.threading.set_intra_op_parallelism_threads(2)
tf.config.threading.set_inter_op_parallelism_threads(1)

x = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [2.0, 1.0]], dtype="float32")
y = np.array([[1.0], [2.0], [3.0], [5.0]], dtype="float32")

model = Sequential()
model.add(Dense(1, input_dim=2, kernel_initializer="zeros"))
model.compile(loss="mse", optimizer=SGD(0.05))
history = model.fit(x, y, batch_size=4, epochs=5, shuffle=False, verbose=0)
print("losses", [round(float(v), 4) for v in history.history["loss"]])
print("weights", [round(float(v), 4) for v in model.get_weights()[0].ravel()])
print("bias %.4f" % model.get_weights()[1][0])
K.clear_session()
