# Covers: Several tensors and variables fetched in one run (list, tuple and dict fetches).
import numpy as np
import tensorflow as tf

xs = np.array([[1.0], [2.0], [3.0], [4.0]], dtype=np.float32)
ys = np.array([[2.0], [4.1], [5.9], [8.2]], dtype=np.float32)

x = tf.placeholder(tf.float32, [None, 1])
y = tf.placeholder(tf.float32, [None, 1])
w = tf.Variable([[0.5]])
b = tf.Variable([0.0])
prediction = tf.matmul(x, w) + b
error = prediction - y
loss = tf.reduce_mean(tf.square(error))
max_error = tf.reduce_max(tf.abs(error))
train_op = tf.train.GradientDescentOptimizer(0.02).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(30):
        sess.run(train_op, feed_dict={x: xs, y: ys})
    loss_value, max_value, w_value = sess.run([loss, max_error, w], feed_dict={x: xs, y: ys})
    print("loss %.4f max %.4f w %.4f" % (loss_value, max_value, w_value[0, 0]))
    pair = sess.run((w, b))
    print("pair %.4f %.4f" % (pair[0][0, 0], pair[1][0]))
    named = sess.run({"loss": loss, "bias": b}, feed_dict={x: xs, y: ys})
    print("named %.4f %.4f" % (named["loss"], named["bias"][0]))
