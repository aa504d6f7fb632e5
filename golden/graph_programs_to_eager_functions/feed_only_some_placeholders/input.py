# Covers: A prediction that depends only on x is run feeding x alone.
import numpy as np
import tensorflow as tf

xs = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], dtype=np.float32)
ys = np.array([[1.0], [2.0], [3.0]], dtype=np.float32)

x = tf.placeholder(tf.float32, [None, 2])
y = tf.placeholder(tf.float32, [None, 1])
w = tf.Variable(tf.zeros([2, 1]))
prediction = tf.matmul(x, w)
loss = tf.reduce_mean(tf.square(prediction - y))
train_op = tf.train.GradientDescentOptimizer(0.3).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(20):
        sess.run(train_op, feed_dict={x: xs, y: ys})
    new_points = np.array([[2.0, 2.0]], dtype=np.float32)
    print("prediction %.4f" % sess.run(prediction, feed_dict={x: new_points})[0, 0])
