# Covers: per-call session scaffolding inside a function (K's setter, close); K.clear_session() stays.
import numpy as np
import tensorflow as tf
from keras import backend as K
from keras.layers import Dense
from keras.models import Sequential


def score(x, width):
    sess = tf.Session()
    K.set_session(sess)
    model = Sequential()
    model.add(Dense(width, input_dim=x.shape[1], activation=tf.nn.sigmoid, kernel_initializer="ones"))
    out = model.predict(x, verbose=0)
    K.clear_session()
    sess.close()
    return out


x = np.array([[0.5, -0.5, 1.0], [0.0, 0.0, 0.0]], dtype="float32")
for width in (1, 2):
    print(width, [[round(float(v), 4) for v in row] for row in score(x, width)])
