# Covers: `with tf.Session() as sess:` unwrapped with its comments; `sess.run([a, b])` and tuple fetches.
import tensorflow as tf

width = tf.constant([3, 4, 5])
height = tf.constant([2, 2, 3])
area = width * height

# one session for the report
with tf.Session() as sess:  # runs every fetch below
    # fetch both sides at once
    w, h = sess.run([width, height])
    print("sides:", w.tolist(), h.tolist())
    print("pairs:", sess.run([width, area]))
    # a tuple fetch gives a tuple
    sums = sess.run((tf.reduce_sum(width), tf.reduce_sum(area)))
    print("sums:", [int(s) for s in sums], type(sums).__name__)
print("done")
