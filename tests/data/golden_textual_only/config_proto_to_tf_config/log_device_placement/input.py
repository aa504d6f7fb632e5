# Covers: log_device_placement (keyword) + soft placement + attribute fields; the generated statements follow the fixed order.
import numpy as np
import tensorflow as tf
from keras.backend.tensorflow_backend import set_session
from keras.layers import Dense
from keras.models import Sequential

config = tf.ConfigProto(log_device_placement=True, allow_soft_placement=True)
config.gpu_options.allow_growth = True
config.inter_op_parallelism_threads = 1
config.intra_op_parallelism_threads = 2
sess = tf.Session(config=config)
set_session(sess)

model = Sequential()
model.add(Dense(2, input_dim=2, kernel_initializer="ones"))
x = np.array([[1.0, 2.0], [0.5, -0.5]], dtype="float32")
print([[round(float(v), 4) for v in row] for row in model.predict(x, verbose=0)])
