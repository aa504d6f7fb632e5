"""A training entry point configured by command-line flags, started with tf.app.run()."""
import tensorflow as tf

tf.app.flags.DEFINE_integer("epochs", 3, "Passes over the data.")
tf.app.flags.DEFINE_string("model_name", "linear", "Name used in reports.")
tf.app.flags.DEFINE_float("learning_rate", 0.25, "Step size.")
FLAGS = tf.app.flags.FLAGS


def main(argv):
    print("program arguments:", len(argv) - 1)
    print("model:", FLAGS.model_name)
    print("double epochs:", FLAGS.epochs * 2)
    w = 0.0
    for epoch in range(FLAGS.epochs):
        w += FLAGS.learning_rate * (1.0 - w)
        print("epoch", epoch, "w", round(w, 4))
    print("flags parsed:", tf.app.flags.FLAGS.is_parsed())


if __name__ == "__main__":
    tf.app.run()
