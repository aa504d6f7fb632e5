# Covers: `import tensorflow.compat.v1 as tf` (the alias is the compat module) + tf.keras's set_session; standalone keras model.
import numpy as np
import tensorflow.compat.v1 as tf
from keras.layers import Dense, Input
from keras.models import Model

config = tf.ConfigProto()
config.gpu_options.allow_growth = True
config.intra_op_parallelism_threads = 1
sess = tf.Session(config=config)
tf.keras.backend.set_session(sess)

inputs = Input(shape=(2,))
outputs = Dense(2, activation="softplus", kernel_initializer="ones", bias_initializer="zeros")(inputs)
model = Model(inputs=inputs, outputs=outputs)
x = np.array([[0.0, 0.0], [1.0, 2.0], [-1.0, -3.0]], dtype="float32")
print([[round(float(v), 4) for v in row] for row in model.predict(x, verbose=0)])
