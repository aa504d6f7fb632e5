# Covers: Several tensors and variables fetched in one run (list, tuple and dict fetches).
import numpy as np
import tensorflow as tf

xs = np.array([[1.0], [2.0], [3.0], [4.0]], dtype=np.float32)
ys = np.array([[2.0], [4.1], [5.9], [8.2]], dtype=np.float32)

w = tf.Variable([[0.5]])
b = tf.Variable([0.0])

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32)])
def prediction(x):
    return tf.matmul(x, w) + b

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def error(x, y):
    return prediction(x) - y

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def loss(x, y):
    return tf.reduce_mean(tf.square(error(x, y)))

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def max_error(x, y):
    return tf.reduce_max(tf.abs(error(x, y)))

optimizer = tf.keras.optimizers.SGD(learning_rate=0.02)

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def train_op(x, y):
    with tf.GradientTape() as tape:
        loss_value = loss(x, y)
    gradients = tape.gradient(loss_value, [w, b])
    optimizer.apply_gradients(zip(gradients, [w, b]))

for step in range(30):
    train_op(xs, ys)
loss_value, max_value, w_value = [loss(xs, ys).numpy(), max_error(xs, ys).numpy(), w.numpy()]
print("loss %.4f max %.4f w %.4f" % (loss_value, max_value, w_value[0, 0]))
pair = (w.numpy(), b.numpy())
print("pair %.4f %.4f" % (pair[0][0, 0], pair[1][0]))
named = {"loss": loss(xs, ys).numpy(), "bias": b.numpy()}
print("named %.4f %.4f" % (named["loss"], named["bias"][0]))
