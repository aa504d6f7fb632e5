"""A training entry point configured by command-line flags, started with tf.app.run()."""
from absl import app, flags

flags.DEFINE_integer("epochs", 3, "Passes over the data.")
flags.DEFINE_string("model_name", "linear", "Name used in reports.")
flags.DEFINE_float("learning_rate", 0.25, "Step size.")
FLAGS = flags.FLAGS


def main(argv):
    print("program arguments:", len(argv) - 1)
    print("model:", FLAGS.model_name)
    print("double epochs:", FLAGS.epochs * 2)
    w = 0.0
    for epoch in range(FLAGS.epochs):
        w += FLAGS.learning_rate * (1.0 - w)
        print("epoch", epoch, "w", round(w, 4))
    print("flags parsed:", flags.FLAGS.is_parsed())


if __name__ == "__main__":
    app.run(main)
