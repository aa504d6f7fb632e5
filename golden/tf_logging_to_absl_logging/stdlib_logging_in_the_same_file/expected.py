"""A data check that logs its own messages through Python logging and TensorFlow's through tf.logging."""
import logging
from absl import logging as absl_logging

log = logging.getLogger("datacheck")
log.setLevel(logging.INFO)


def summarize(values):
    mean = sum(values) / len(values)
    spread = max(values) - min(values)
    absl_logging.debug("values %s", values)
    if spread > 5:
        absl_logging.warning("wide spread: %d", spread)
    return mean, spread


absl_logging.set_verbosity(absl_logging.DEBUG)
mean, spread = summarize([3, 9, 4, 1, 8])
log.info("mean %.1f", mean)
print("mean:", mean, "spread:", spread)
print("tf logging at DEBUG:", absl_logging.get_verbosity() == absl_logging.DEBUG)
print("own logger at INFO:", log.getEffectiveLevel() == logging.INFO)
absl_logging.set_verbosity(absl_logging.ERROR)
print("tf logging quiet:", absl_logging.get_verbosity() < absl_logging.WARNING)
