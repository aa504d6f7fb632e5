"""Fit y = 2x + 1 with a TF1 graph: placeholders, feed_dict, a GradientDescentOptimizer and a session.

Hyper-parameters come from tf.app.flags; progress goes through tf.logging. The graph needs TF 1.x
semantics (placeholders fed on every step), so the migrated file runs through tf.compat.v1 in graph mode.
"""
import numpy as np
import tensorflow as tf

tf.app.flags.DEFINE_integer("steps", 60, "gradient descent steps")
tf.app.flags.DEFINE_float("learning_rate", 0.1, "step size")
FLAGS = tf.app.flags.FLAGS

xs = np.linspace(-1.0, 1.0, 16).astype("float32").reshape(-1, 1)
ys = 2.0 * xs + 1.0


def build_graph(learning_rate):
    x = tf.placeholder(tf.float32, shape=[None, 1], name="x")
    y = tf.placeholder(tf.float32, shape=[None, 1], name="y")
    w = tf.Variable(tf.zeros([1, 1]), name="w")
    b = tf.Variable(tf.zeros([1]), name="b")
    prediction = tf.matmul(x, w) + b
    loss = tf.reduce_mean(tf.squared_difference(prediction, y), keep_dims=False)
    train_op = tf.train.GradientDescentOptimizer(learning_rate).minimize(loss)
    return x, y, w, b, loss, train_op


def main(_):
    tf.logging.set_verbosity(tf.logging.INFO)
    x, y, w, b, loss, train_op = build_graph(FLAGS.learning_rate)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(FLAGS.steps):
            _, loss_value = sess.run([train_op, loss], feed_dict={x: xs, y: ys})
            if step % 20 == 0:
                tf.logging.info("step %d loss %.5f", step, loss_value)
                print("step %2d loss %.4f" % (step, loss_value))
        w_value, b_value = sess.run([w, b])
    print("w %.3f b %.3f" % (w_value[0, 0], b_value[0]))


if __name__ == "__main__":
    tf.app.run(main)
