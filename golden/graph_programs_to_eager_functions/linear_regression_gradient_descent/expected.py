# Covers: Linear regression by gradient descent: the classic graph program with a GradientDescentOptimizer loop.
import numpy as np
import tensorflow as tf

xs = np.linspace(-1.0, 1.0, 8).astype(np.float32).reshape(-1, 1)
ys = (3.0 * xs - 0.5).astype(np.float32)

w = tf.Variable(tf.zeros([1, 1]), name="w")
b = tf.Variable(tf.zeros([1]), name="b")

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32)])
def prediction(x):
    return tf.matmul(x, w) + b

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def loss(x, y):
    return tf.reduce_mean(tf.square(prediction(x) - y))

optimizer = tf.keras.optimizers.SGD(learning_rate=0.1)

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def train_op(x, y):
    with tf.GradientTape() as tape:
        loss_value = loss(x, y)
    gradients = tape.gradient(loss_value, [w, b])
    optimizer.apply_gradients(zip(gradients, [w, b]))
    return loss_value

for step in range(40):
    loss_value = train_op(xs, ys).numpy()
    if step % 10 == 0:
        print("step %d loss %.4f" % (step, loss_value))
w_value, b_value = [w.numpy(), b.numpy()]
print("w %.4f b %.4f" % (w_value[0, 0], b_value[0]))
