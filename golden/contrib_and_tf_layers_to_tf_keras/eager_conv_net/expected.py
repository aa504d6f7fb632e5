"""A small eager TF 1.15 conv net built from the functional tf.layers API."""
import numpy as np
import tensorflow as tf

images = tf.constant(np.arange(2 * 6 * 6 * 1, dtype=np.float32).reshape(2, 6, 6, 1) / 72.0)

net = tf.keras.layers.Conv2D(4, 3, padding="same", activation=tf.nn.relu, kernel_initializer=tf.constant_initializer(0.1))(images)
print("conv", net.shape, round(float(tf.reduce_sum(net)), 4))
net = tf.keras.layers.MaxPooling2D(2, 2)(net)
print("pool", net.shape, round(float(tf.reduce_sum(net)), 4))
net = tf.keras.layers.BatchNormalization()(net, training=False)
print("bn", net.shape, round(float(tf.reduce_sum(net)), 4))
net = tf.keras.layers.Flatten()(net)
print("flat", net.shape)
net = tf.keras.layers.Dropout(0.4)(net)
print("dropout", round(float(tf.reduce_sum(net)), 4))
logits = tf.keras.layers.Dense(3, kernel_initializer=tf.ones_initializer(), bias_initializer=tf.constant_initializer(0.25))(net)
print("logits", logits.shape, np.round(logits.numpy(), 3).tolist())
