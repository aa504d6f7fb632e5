"""Regularisation terms gathered through a graph collection, summed and evaluated."""
import tensorflow as tf

LOSSES = "my_losses"


def dense_penalty(name, values):
    kernel = tf.constant(values, name=name)
    penalty = 0.5 * tf.reduce_sum(tf.square(kernel))
    tf.add_to_collection(LOSSES, penalty)
    return kernel


dense_penalty("first", [[1.0, 2.0], [3.0, 4.0]])
dense_penalty("second", [0.5, -0.5, 1.5])
data_term = tf.constant(2.5)
tf.add_to_collection(LOSSES, data_term)

collected = tf.get_collection(LOSSES)
print("terms collected:", len(collected))
total = tf.add_n(collected)

with tf.Session() as sess:
    for value in sess.run(collected):
        print("term %.3f" % value)
    print("total %.3f" % sess.run(total))
