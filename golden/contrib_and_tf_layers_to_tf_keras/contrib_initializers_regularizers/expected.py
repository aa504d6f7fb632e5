"""Eager TF 1.15: contrib initializers and regularizers on tf.layers.Dense objects."""
import numpy as np
import tensorflow as tf

weights = tf.constant([[1.0, -2.0], [3.0, 0.5]])
l2 = tf.keras.regularizers.L2(0.005)
l1 = tf.keras.regularizers.L1(0.02)
both = tf.keras.regularizers.L1L2(l1=0.01, l2=0.015)
print("l2 penalty", round(float(l2(weights)), 6))
print("l1 penalty", round(float(l1(weights)), 6))
print("l1_l2 penalty", round(float(both(weights)), 6))

xavier = tf.keras.initializers.GlorotUniform(seed=1)
he = tf.keras.initializers.VarianceScaling(scale=2.0 * 1.3 * 0.87962566103423978 ** 2, mode="fan_in", distribution="truncated_normal")
sample = xavier([200, 100]).numpy()
limit = np.sqrt(6.0 / 300)
print("xavier within limit", bool(np.abs(sample).max() <= limit), sample.shape)
sample = he([400, 50]).numpy()
print("he truncated", bool(np.abs(sample).max() <= 2 * np.sqrt(1.3 * 2.0 / 400) + 1e-6), round(float(sample.std()), 2))

inputs = tf.ones([4, 2])
layer = tf.keras.layers.Dense(3, kernel_initializer=tf.constant_initializer(0.5),
                        kernel_regularizer=tf.keras.regularizers.L2(0.05))
outputs = layer(inputs)
print("dense", outputs.shape, round(float(tf.reduce_sum(outputs)), 4))
print("regularization", len(layer.losses), round(float(tf.add_n(layer.losses)), 6))
hidden = tf.keras.layers.Dense(5, kernel_initializer=xavier)(inputs)
print("hidden", hidden.shape)
