# Covers: `minimize(loss, var_list=[w])`: only w is trained, b keeps its value.
import numpy as np
import tensorflow as tf

xs = np.array([[1.0], [2.0], [3.0], [4.0]], dtype=np.float32)
ys = np.array([[3.0], [5.0], [7.0], [9.0]], dtype=np.float32)

x = tf.placeholder(tf.float32, [None, 1])
y = tf.placeholder(tf.float32, [None, 1])
w = tf.Variable(tf.zeros([1, 1]))
b = tf.Variable(tf.constant([0.5]))
loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))
train_op = tf.train.GradientDescentOptimizer(0.02).minimize(loss, var_list=[w])

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(30):
        _, loss_value = sess.run([train_op, loss], feed_dict={x: xs, y: ys})
    print("loss %.4f w %.4f b %.4f" % (loss_value, sess.run(w)[0, 0], sess.run(b)[0]))
