# Covers: tf.InteractiveSession(config=config) handed to K.set_session and closed at the end: all of it goes.
import numpy as np
import tensorflow as tf
from keras import backend as K
from keras.layers import Dense
from keras.models import Sequential

config = tf.ConfigProto()
config.gpu_options.allow_growth = True
sess = tf.InteractiveSession(config=config)
K.set_session(sess)

model = Sequential()
model.add(Dense(3, input_dim=2, activation="relu", kernel_initializer="ones", bias_initializer="zeros"))
model.add(Dense(1, kernel_initializer="ones", bias_initializer="zeros"))
model.compile(loss="mse", optimizer="sgd")
x = np.array([[1.0, 2.0], [-1.0, 0.5], [0.0, 0.0]], dtype="float32")
y = np.array([[9.0], [0.0], [1.0]], dtype="float32")
print([round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
print("mse %.4f" % model.evaluate(x, y, verbose=0))
sess.close()
