"""One graph, two behaviours: tf.cond picks a branch from a boolean fed at run time."""
import tensorflow as tf

values = tf.constant([1.0, 2.0, 3.0, 4.0])
is_training = tf.placeholder(tf.bool, shape=[], name="is_training")
scaled = tf.cond(is_training, lambda: values * 0.5, lambda: values + 10.0)
summary = tf.reduce_sum(scaled)

with tf.Session() as sess:
    for flag in (True, False):
        out, total = sess.run([scaled, summary], feed_dict={is_training: flag})
        print("training" if flag else "inference", [float(v) for v in out], "sum %.2f" % total)
