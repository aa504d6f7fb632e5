# Covers: A prediction that depends only on x is run feeding x alone.
import numpy as np
import tensorflow as tf

xs = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], dtype=np.float32)
ys = np.array([[1.0], [2.0], [3.0]], dtype=np.float32)

w = tf.Variable(tf.zeros([2, 1]))

@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32)])
def prediction(x):
    return tf.matmul(x, w)

@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def loss(x, y):
    return tf.reduce_mean(tf.square(prediction(x) - y))

optimizer = tf.keras.optimizers.SGD(learning_rate=0.3)

@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def train_op(x, y):
    with tf.GradientTape() as tape:
        loss_value = loss(x, y)
    gradients = tape.gradient(loss_value, [w])
    optimizer.apply_gradients(zip(gradients, [w]))

for step in range(20):
    train_op(xs, ys)
new_points = np.array([[2.0, 2.0]], dtype=np.float32)
print("prediction %.4f" % prediction(new_points).numpy()[0, 0])
