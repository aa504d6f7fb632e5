# Covers: Mini-batches: the training op run alone on numpy slices, the loss on the full data after each epoch.
import numpy as np
import tensorflow as tf

rng = np.random.RandomState(3)
data = rng.randn(32, 2).astype(np.float32)
target = (data @ np.array([[1.5], [-2.0]], dtype=np.float32) + 0.3).astype(np.float32)
batch_size = 8

w = tf.Variable(tf.zeros([2, 1]))
b = tf.Variable(tf.zeros([1]))

@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def loss(x, y):
    return tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))

optimizer = tf.keras.optimizers.SGD(learning_rate=0.05, momentum=0.5)

@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def train_op(x, y):
    with tf.GradientTape() as tape:
        loss_value = loss(x, y)
    gradients = tape.gradient(loss_value, [w, b])
    optimizer.apply_gradients(zip(gradients, [w, b]))

for epoch in range(6):
    for start in range(0, len(data), batch_size):
        train_op(data[start:start + batch_size], target[start:start + batch_size])
    print("epoch %d loss %.4f" % (epoch, loss(data, target).numpy()))
