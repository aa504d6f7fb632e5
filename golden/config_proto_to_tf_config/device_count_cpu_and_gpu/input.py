# Covers: device_count={"CPU": 1, "GPU": 1} + allow_soft_placement: the first GPU kept visible (a slice), CPU count dropped.
import numpy as np
import tensorflow as tf
from keras.backend.tensorflow_backend import set_session
from keras.layers import Dense, Input
from keras.models import Model

config = tf.ConfigProto(device_count={"CPU": 1, "GPU": 1}, allow_soft_placement=True)
sess = tf.Session(config=config)
set_session(sess)

inputs = Input(shape=(2,))
hidden = Dense(2, activation="sigmoid", kernel_initializer="ones", bias_initializer="zeros")(inputs)
outputs = Dense(1, kernel_initializer="ones", bias_initializer="ones")(hidden)
model = Model(inputs=inputs, outputs=outputs)
x = np.array([[0.0, 0.0], [1.0, 1.0], [-2.0, 0.5]], dtype="float32")
print(["%.4f" % v for v in model.predict(x, verbose=0).ravel()])
