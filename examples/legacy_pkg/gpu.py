"""GPU setup shared by the entry points."""
import tensorflow as tf
from keras.backend.tensorflow_backend import set_session


def configure_gpu():
    """Grow GPU memory on demand and fall back to CPU for ops without a GPU kernel."""
    config = tf.ConfigProto()
    config.gpu_options.allow_growth = True
    config.allow_soft_placement = True
    sess = tf.Session(config=config)
    set_session(sess)
