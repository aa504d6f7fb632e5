"""Fit y = w * x by gradient descent, reporting progress through tf.logging."""
import tensorflow as tf

tf.logging.set_verbosity(tf.logging.INFO)


def fit(xs, ys, steps, lr):
    w = 0.0
    for step in range(steps):
        grad = sum(2 * (w * x - y) * x for x, y in zip(xs, ys)) / len(xs)
        w -= lr * grad
        tf.logging.log_every_n(tf.logging.INFO, "step %d: w=%.4f", 5, step, w)
        tf.logging.vlog(tf.logging.DEBUG, "gradient %.4f", grad)
    return w


w = fit([1.0, 2.0, 3.0], [2.0, 4.0, 6.0], steps=20, lr=0.05)
tf.logging.info("final weight %.3f", w)
print("weight:", round(w, 3))
print("debug enabled:", tf.logging.get_verbosity() <= tf.logging.DEBUG)
print("info enabled:", tf.logging.get_verbosity() <= tf.logging.INFO)

previous = tf.logging.get_verbosity()
tf.logging.set_verbosity(tf.logging.WARN)
print("info enabled under WARN:", tf.logging.get_verbosity() <= tf.logging.INFO)
print("warnings enabled under WARN:", tf.logging.get_verbosity() <= tf.logging.WARN)
tf.logging.warn("weight is %.3f", w)
tf.logging.set_verbosity(previous)
print("info enabled again:", tf.logging.INFO >= tf.logging.get_verbosity())
