# Covers: GPUOptions built into a variable (memory fraction), then passed to an inline proto and session.
import numpy as np
import tensorflow as tf
from keras.backend.tensorflow_backend import set_session
from keras.layers import Activation, Dense
from keras.models import Sequential

gpu_options = tf.GPUOptions(per_process_gpu_memory_fraction=0.3)
set_session(tf.Session(config=tf.ConfigProto(gpu_options=gpu_options)))

model = Sequential([Dense(3, input_dim=2, kernel_initializer="ones", bias_initializer="zeros"), Activation("softmax")])
model.layers[0].set_weights([
    np.array([[1.0, 0.0, -1.0], [0.5, 1.0, 0.0]], dtype="float32"),
    np.array([0.0, 0.1, 0.2], dtype="float32"),
])
x = np.array([[1.0, 1.0], [0.0, -1.0]], dtype="float32")
for probs in model.predict(x, verbose=0):
    print(" ".join("%.4f" % p for p in probs))
