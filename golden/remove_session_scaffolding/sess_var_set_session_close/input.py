# Covers: a session variable used only to hand to Keras and close at the end: creation, hand-off and close all go.
import numpy as np
import tensorflow as tf
from keras.backend.tensorflow_backend import set_session
from keras.layers import Dense
from keras.models import Sequential

sess = tf.Session()
set_session(sess)

model = Sequential()
model.add(Dense(3, input_dim=2, activation=tf.nn.relu, kernel_initializer="ones", bias_initializer="zeros"))
model.add(Dense(1, kernel_initializer="ones"))
x = np.array([[1.0, 2.0], [-3.0, 1.0], [0.5, 0.25]], dtype="float32")
print([round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
sess.close()
