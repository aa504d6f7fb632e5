"""A small eager TF 1.15 conv net built from the functional tf.layers API."""
import numpy as np
import tensorflow as tf

tf.enable_eager_execution()

images = tf.constant(np.arange(2 * 6 * 6 * 1, dtype=np.float32).reshape(2, 6, 6, 1) / 72.0)

net = tf.layers.conv2d(images, 4, 3, padding="same", activation=tf.nn.relu,
                       kernel_initializer=tf.constant_initializer(0.1))
print("conv", net.shape, round(float(tf.reduce_sum(net)), 4))
net = tf.layers.max_pooling2d(net, 2, 2)
print("pool", net.shape, round(float(tf.reduce_sum(net)), 4))
net = tf.layers.batch_normalization(net, training=False)
print("bn", net.shape, round(float(tf.reduce_sum(net)), 4))
net = tf.layers.flatten(net)
print("flat", net.shape)
net = tf.layers.dropout(net, 0.4)
print("dropout", round(float(tf.reduce_sum(net)), 4))
logits = tf.layers.dense(net, 3, kernel_initializer=tf.ones_initializer(),
                         bias_initializer=tf.constant_initializer(0.25))
print("logits", logits.shape, np.round(logits.numpy(), 3).tolist())
