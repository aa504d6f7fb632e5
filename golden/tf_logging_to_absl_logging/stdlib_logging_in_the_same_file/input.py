"""A data check that logs its own messages through Python logging and TensorFlow's through tf.logging."""
import logging

import tensorflow as tf

log = logging.getLogger("datacheck")
log.setLevel(logging.INFO)


def summarize(values):
    mean = sum(values) / len(values)
    spread = max(values) - min(values)
    tf.logging.debug("values %s", values)
    if spread > 5:
        tf.logging.warning("wide spread: %d", spread)
    return mean, spread


tf.logging.set_verbosity(logging.DEBUG)
mean, spread = summarize([3, 9, 4, 1, 8])
log.info("mean %.1f", mean)
print("mean:", mean, "spread:", spread)
print("tf logging at DEBUG:", tf.logging.get_verbosity() == tf.logging.DEBUG)
print("own logger at INFO:", log.getEffectiveLevel() == logging.INFO)
tf.logging.set_verbosity(tf.logging.ERROR)
print("tf logging quiet:", tf.logging.get_verbosity() > tf.logging.WARN)
