"""tf2migrate: rewrite legacy TensorFlow 1.x / standalone Keras 2.x code into idiomatic TensorFlow 2."""

__version__ = "0.1.0"
