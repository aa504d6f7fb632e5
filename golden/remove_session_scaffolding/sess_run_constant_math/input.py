# Covers: `sess = tf.Session()` whose runs fetch constant math: the session and close() go, fetches become .numpy().
import numpy as np
import tensorflow as tf

prices = tf.constant([[1.5, 2.0, 4.0], [3.0, 0.5, 1.0]])
quantities = tf.constant(np.array([[2.0], [4.0], [1.0]], dtype="float32"))
totals = tf.matmul(prices, quantities)
grand_total = tf.reduce_sum(totals)

sess = tf.Session()
print("totals:", sess.run(totals).ravel().tolist())
print("grand total: %.2f" % sess.run(grand_total))
print("doubled:", sess.run(tf.multiply(totals, 2.0)).ravel().tolist())
sess.close()
