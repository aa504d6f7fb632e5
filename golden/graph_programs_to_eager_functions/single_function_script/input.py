# Covers: The whole graph program inside `def main():`, called at the end.
import numpy as np
import tensorflow as tf


def main():
    xs = np.linspace(0.0, 1.0, 6).astype(np.float32).reshape(-1, 1)
    ys = 0.5 - 2.0 * xs
    x = tf.placeholder(tf.float32, [None, 1])
    y = tf.placeholder(tf.float32, [None, 1])
    w = tf.Variable(tf.ones([1, 1]))
    b = tf.Variable(tf.ones([1]))
    loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))
    train_op = tf.train.GradientDescentOptimizer(0.3).minimize(loss)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(30):
            _, loss_value = sess.run([train_op, loss], feed_dict={x: xs, y: ys})
            if step % 10 == 0:
                print("step %d loss %.4f" % (step, loss_value))
        print("w %.4f b %.4f" % (sess.run(w)[0, 0], sess.run(b)[0]))


main()
