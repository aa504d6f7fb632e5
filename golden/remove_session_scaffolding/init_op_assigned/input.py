# Covers: `init = tf.global_variables_initializer()` then `sess.run(init)`: both go with the session.
import tensorflow as tf


def summarize(values):
    return "min %.1f max %.1f" % (values.min(), values.max())


counts = tf.Variable([4.0, 1.0, 7.0])
offsets = tf.Variable(tf.fill([3], 2.0))
shifted = counts + offsets
init = tf.global_variables_initializer()

sess = tf.Session()
sess.run(init)
# the shifted counts
print(summarize(sess.run(shifted)))
print("mean:", sess.run(tf.reduce_mean(shifted)))
sess.close()
