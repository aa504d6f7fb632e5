# Covers: `with tf.Session() as sess:` unwrapped with its comments; `sess.run([a, b])` and tuple fetches.
import tensorflow as tf

width = tf.constant([3, 4, 5])
height = tf.constant([2, 2, 3])
area = width * height

# one session for the report
# runs every fetch below
# fetch both sides at once
w, h = [width.numpy(), height.numpy()]
print("sides:", w.tolist(), h.tolist())
print("pairs:", [width.numpy(), area.numpy()])
# a tuple fetch gives a tuple
sums = (tf.reduce_sum(width).numpy(), tf.reduce_sum(area).numpy())
print("sums:", [int(s) for s in sums], type(sums).__name__)
print("done")
