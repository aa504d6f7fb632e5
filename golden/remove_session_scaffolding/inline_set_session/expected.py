# Covers: the one-line form (a bare session created inline and handed to Keras) goes, with its import.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Model

inputs = Input(shape=(2,))
outputs = Dense(2, activation=tf.nn.tanh, kernel_initializer="ones", bias_initializer="ones")(inputs)
model = Model(inputs=inputs, outputs=outputs)
x = np.array([[0.1, -0.4], [-1.0, -1.0], [2.0, 0.0]], dtype="float32")
print(["%.4f" % v for v in model.predict(x, verbose=0)[:, 0]])
