# Covers: The whole graph program inside `def main():`, called at the end.
import numpy as np
import tensorflow as tf


def main():
    xs = np.linspace(0.0, 1.0, 6).astype(np.float32).reshape(-1, 1)
    ys = 0.5 - 2.0 * xs
    w = tf.Variable(tf.ones([1, 1]))
    b = tf.Variable(tf.ones([1]))

    @tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
    def loss(x, y):
        return tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))

    optimizer = tf.keras.optimizers.SGD(learning_rate=0.3)

    @tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
    def train_op(x, y):
        with tf.GradientTape() as tape:
            loss_value = loss(x, y)
        gradients = tape.gradient(loss_value, [w, b])
        optimizer.apply_gradients(zip(gradients, [w, b]))
        return loss_value

    for step in range(30):
        loss_value = train_op(xs, ys).numpy()
        if step % 10 == 0:
            print("step %d loss %.4f" % (step, loss_value))
    print("w %.4f b %.4f" % (w.numpy()[0, 0], b.numpy()[0]))


main()
