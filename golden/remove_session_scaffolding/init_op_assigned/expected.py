# Covers: `init = tf.global_variables_initializer()` then `sess.run(init)`: both go with the session.
import tensorflow as tf


def summarize(values):
    return "min %.1f max %.1f" % (values.min(), values.max())


counts = tf.Variable([4.0, 1.0, 7.0])
offsets = tf.Variable(tf.fill([3], 2.0))
shifted = counts + offsets

# the shifted counts
print(summarize(shifted.numpy()))
print("mean:", tf.reduce_mean(shifted).numpy())
