# Covers: DECLINED: tf.cond on a placeholder: the file is kept for the compat fallback.
import numpy as np
import tensorflow as tf

x = tf.placeholder(tf.float32, [])
flag = tf.placeholder(tf.bool, [])
w = tf.Variable(2.0)
result = tf.cond(flag, lambda: x * w, lambda: x - w)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for value in range(3):
        print("%.4f %.4f" % (sess.run(result, feed_dict={x: value, flag: True}),
                             sess.run(result, feed_dict={x: value, flag: False})))
