# Covers: `with tf.Session(config=config) as sess:` used only for K.set_session: the block goes, its body is dedented.
import numpy as np
import tensorflow as tf
from keras import backend as K
from keras.layers import Dense
from keras.models import Sequential

config = tf.ConfigProto(allow_soft_placement=True)
config.gpu_options.allow_growth = True

with tf.Session(config=config) as sess:
    K.set_session(sess)
    model = Sequential()
    model.add(Dense(2, input_dim=2, kernel_initializer="ones", bias_initializer="zeros"))
    model.compile(loss="mse", optimizer="sgd")
    x = np.array([[1.0, 0.0], [0.0, 1.0]], dtype="float32")
    y = np.array([[0.0, 2.0], [1.0, 1.0]], dtype="float32")
    history = model.fit(x, y, batch_size=2, epochs=3, shuffle=False, verbose=0)
    print("losses", [round(float(v), 4) for v in history.history["loss"]])
    for row in model.predict(x, verbose=0):
        print([round(float(v), 4) for v in row])
