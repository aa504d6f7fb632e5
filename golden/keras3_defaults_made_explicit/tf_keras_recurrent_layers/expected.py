# Covers: TF 1.x `tf.keras` spelling: LSTM / GRU defaults and predict without verbose on a tf.keras.Sequential.
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.layers.LSTM(2, return_sequences=True, input_shape=(3, 1),
                         kernel_initializer=tf.keras.initializers.Constant(0.5),
                         recurrent_initializer=tf.keras.initializers.Constant(-0.25),
                         recurrent_activation=tf.keras.backend.hard_sigmoid),
    tf.keras.layers.GRU(1, kernel_initializer="ones", recurrent_initializer="zeros", recurrent_activation=tf.keras.backend.hard_sigmoid, reset_after=False),
])
series = np.array([[[0.1], [0.7], [-0.4]], [[1.5], [-1.0], [0.0]], [[0.3], [0.3], [0.3]]], dtype="float32")
print([round(float(v), 4) for v in model.predict(series, verbose=0).ravel()])
