# Covers: `minimize(loss, var_list=[w])`: only w is trained, b keeps its value.
import numpy as np
import tensorflow as tf

xs = np.array([[1.0], [2.0], [3.0], [4.0]], dtype=np.float32)
ys = np.array([[3.0], [5.0], [7.0], [9.0]], dtype=np.float32)

w = tf.Variable(tf.zeros([1, 1]))
b = tf.Variable(tf.constant([0.5]))

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def loss(x, y):
    return tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))

optimizer = tf.keras.optimizers.SGD(learning_rate=0.02)

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def train_op(x, y):
    with tf.GradientTape() as tape:
        loss_value = loss(x, y)
    gradients = tape.gradient(loss_value, [w])
    optimizer.apply_gradients(zip(gradients, [w]))
    return loss_value

for step in range(30):
    loss_value = train_op(xs, ys).numpy()
print("loss %.4f w %.4f b %.4f" % (loss_value, w.numpy()[0, 0], b.numpy()[0]))
