# Covers: `sess.run(train_op)` then a separate `sess.run(loss)`: the loss after the update.
import numpy as np
import tensorflow as tf

xs = np.array([[1.0], [2.0], [3.0]], dtype=np.float32)
ys = np.array([[1.0], [3.0], [5.0]], dtype=np.float32)

w = tf.Variable(tf.zeros([1, 1]))
b = tf.Variable(tf.zeros([1]))

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def loss(x, y):
    return tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))

optimizer = tf.keras.optimizers.SGD(learning_rate=0.05)

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def train_op(x, y):
    with tf.GradientTape() as tape:
        loss_value = loss(x, y)
    gradients = tape.gradient(loss_value, [w, b])
    optimizer.apply_gradients(zip(gradients, [w, b]))

for step in range(24):
    train_op(xs, ys)
    if step % 6 == 5:
        print("step %d loss %.4f" % (step, loss(xs, ys).numpy()))
