# Covers: comments on removed config lines (full-line, end-of-line, non-ASCII) move to the next remaining statement.
import numpy as np
import tensorflow as tf
from keras.backend.tensorflow_backend import set_session
from keras.layers import Dense
from keras.models import Sequential

# Mémoire GPU à la demande — the lab machines share one card.
config = tf.ConfigProto()
config.gpu_options.allow_growth = True  # don't grab all 16 GB
sess = tf.Session(config=config)  # Keras uses this session
set_session(sess)

model = Sequential()
model.add(Dense(2, input_dim=2, activation="softplus", kernel_initializer="ones"))
x = np.array([[0.0, 0.0], [1.0, -2.0], [0.25, 0.75]], dtype="float32")
for row in model.predict(x, verbose=0):
    print("%.4f %.4f" % (row[0], row[1]))
