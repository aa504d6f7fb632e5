# Covers: the one-line nested form (session built inline from an inline proto with nested GPU options).
import numpy as np
import tensorflow as tf
from keras.backend.tensorflow_backend import set_session
from keras.layers import Dense
from keras.models import Sequential

set_session(tf.Session(config=tf.ConfigProto(allow_soft_placement=True, gpu_options=tf.GPUOptions(allow_growth=True))))

model = Sequential()
model.add(Dense(1, input_dim=3, kernel_initializer="ones", bias_initializer="ones"))
model.compile(loss="mean_absolute_error", optimizer="sgd")

x = np.arange(9, dtype="float32").reshape(3, 3) / 4.0
y = np.array([[2.0], [4.0], [6.0]], dtype="float32")
print([round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
print("mae %.4f" % model.evaluate(x, y, verbose=0))
