# Covers: allow_growth + per_process_gpu_memory_fraction with gpu_memory_limit_mb set: a per-GPU memory limit, no growth.
import numpy as np
import tensorflow as tf
from keras import backend as K
from keras.layers import Dense
from keras.models import Sequential

config = tf.ConfigProto()
config.gpu_options.allow_growth = True
config.gpu_options.per_process_gpu_memory_fraction = 0.5
sess = tf.Session(config=config)
K.set_session(sess)

x = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], dtype="float32")
y = np.array([[1.0], [-1.0], [0.0]], dtype="float32")

model = Sequential()
model.add(Dense(1, input_dim=2, kernel_initializer="ones", bias_initializer="zeros"))
model.compile(loss="mse", optimizer="sgd")
history = model.fit(x, y, batch_size=3, epochs=3, shuffle=False, verbose=0)
print("losses", [round(float(v), 4) for v in history.history["loss"]])
print("pred", [round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
K.clear_session()
