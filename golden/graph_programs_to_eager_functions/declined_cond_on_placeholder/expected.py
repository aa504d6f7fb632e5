# Covers: DECLINED: tf.cond on a placeholder: the file is kept for the compat fallback.
import numpy as np
import tensorflow as tf
tf.compat.v1.disable_eager_execution()

x = tf.compat.v1.placeholder(tf.float32, [])
flag = tf.compat.v1.placeholder(tf.bool, [])
w = tf.Variable(2.0)
result = tf.cond(flag, lambda: x * w, lambda: x - w)

with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    for value in range(3):
        print("%.4f %.4f" % (sess.run(result, feed_dict={x: value, flag: True}),
                             sess.run(result, feed_dict={x: value, flag: False})))
