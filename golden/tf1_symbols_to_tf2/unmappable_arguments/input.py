"""Calls whose TF 1.x-only arguments TF2 does not take: they keep running through tf.compat.v1."""
import tensorflow as tf

tf.enable_eager_execution()

checked = tf.constant([1, 2, 3], shape=[3], verify_shape=True)
print("constant", checked.numpy().tolist())
plain = tf.constant([[1, 2]], verify_shape=False)
print("constant plain", plain.numpy().tolist())

weights = tf.Variable(tf.zeros([2]), True, None, name="weights")
print("variable", weights.name, weights.numpy().tolist())

counter = tf.while_loop(lambda i: i < 5, lambda i: i + 2, [tf.constant(0)])
print("while_loop", counter.numpy())

branch = tf.cond(tf.constant(True), lambda: tf.constant(1), lambda: tf.constant(2))
print("cond", branch.numpy())
