# Covers: DECLINED: a loss summed from a graph collection: the file is kept for the compat fallback.
import numpy as np
import tensorflow as tf

xs = np.array([[1.0], [2.0]], dtype=np.float32)
ys = np.array([[2.0], [4.0]], dtype=np.float32)

x = tf.placeholder(tf.float32, [None, 1])
y = tf.placeholder(tf.float32, [None, 1])
w = tf.Variable(tf.zeros([1, 1]))
tf.add_to_collection("losses", tf.reduce_mean(tf.square(tf.matmul(x, w) - y)))
loss = tf.add_n(tf.get_collection("losses"))
train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(10):
        _, loss_value = sess.run([train_op, loss], feed_dict={x: xs, y: ys})
    print("loss %.4f w %.4f" % (loss_value, sess.run(w)[0, 0]))
