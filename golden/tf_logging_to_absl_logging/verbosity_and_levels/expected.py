"""Fit y = w * x by gradient descent, reporting progress through tf.logging."""
from absl import logging

logging.set_verbosity(logging.INFO)


def fit(xs, ys, steps, lr):
    w = 0.0
    for step in range(steps):
        grad = sum(2 * (w * x - y) * x for x, y in zip(xs, ys)) / len(xs)
        w -= lr * grad
        logging.log_every_n(logging.INFO, "step %d: w=%.4f", 5, step, w)
        logging.vlog(logging.DEBUG, "gradient %.4f", grad)
    return w


w = fit([1.0, 2.0, 3.0], [2.0, 4.0, 6.0], steps=20, lr=0.05)
logging.info("final weight %.3f", w)
print("weight:", round(w, 3))
print("debug enabled:", logging.get_verbosity() >= logging.DEBUG)
print("info enabled:", logging.get_verbosity() >= logging.INFO)

previous = logging.get_verbosity()
logging.set_verbosity(logging.WARNING)
print("info enabled under WARN:", logging.get_verbosity() >= logging.INFO)
print("warnings enabled under WARN:", logging.get_verbosity() >= logging.WARNING)
logging.warning("weight is %.3f", w)
logging.set_verbosity(previous)
print("info enabled again:", logging.INFO <= logging.get_verbosity())
