# Covers: `sess.run(train_op)` then a separate `sess.run(loss)`: the loss after the update.
import numpy as np
import tensorflow as tf

xs = np.array([[1.0], [2.0], [3.0]], dtype=np.float32)
ys = np.array([[1.0], [3.0], [5.0]], dtype=np.float32)

x = tf.placeholder(tf.float32, [None, 1])
y = tf.placeholder(tf.float32, [None, 1])
w = tf.Variable(tf.zeros([1, 1]))
b = tf.Variable(tf.zeros([1]))
loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))
train_op = tf.train.GradientDescentOptimizer(0.05).minimize(loss)

init = tf.global_variables_initializer()
with tf.Session() as sess:
    sess.run(init)
    for step in range(24):
        sess.run(train_op, feed_dict={x: xs, y: ys})
        if step % 6 == 5:
            print("step %d loss %.4f" % (step, sess.run(loss, feed_dict={x: xs, y: ys})))
