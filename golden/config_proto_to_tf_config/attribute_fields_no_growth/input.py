# Covers: attribute-form fields with allow_growth = False (no memory-growth loop); threads emitted intra before inter.
import numpy as np
import tensorflow as tf
from keras.backend.tensorflow_backend import set_session
from keras.layers import Dense, Input, concatenate
from keras.models import Model

config = tf.ConfigProto()
config.gpu_options.allow_growth = False
config.allow_soft_placement = True
config.inter_op_parallelism_threads = 2
config.intra_op_parallelism_threads = 4
sess = tf.Session(config=config)
set_session(sess)

left = Input(shape=(2,))
right = Input(shape=(3,))
merged = concatenate([left, right])
score = Dense(1, activation="sigmoid", kernel_initializer="ones", bias_initializer="zeros")(merged)
model = Model(inputs=[left, right], outputs=score)

a = np.array([[0.5, -0.5], [1.0, 1.0]], dtype="float32")
b = np.array([[0.1, 0.2, 0.3], [-1.0, -1.0, -1.0]], dtype="float32")
print(["%.4f" % v for v in model.predict([a, b], verbose=0).ravel()])
