"""An evaluation script that aliases tf.flags, uses TF 1.0's keyword names and runs main by keyword."""
import sys
from absl import app, flags

flags.DEFINE_integer(name="batch_size", default=4, help="Examples per batch.")
flags.DEFINE_boolean("shuffle", False, "Shuffle the examples.")
flags.DEFINE_enum("mode", "eval", ["train", "eval"], "What to run.")
flags.DEFINE_list("classes", "cat,dog", "Class names.")
FLAGS = flags.FLAGS


def batches(items, size):
    return [items[i:i + size] for i in range(0, len(items), size)]


def main(unused_argv):
    data = list(range(10))
    if FLAGS.shuffle:
        data.reverse()
    print("mode:", FLAGS.mode)
    print("classes:", FLAGS.classes)
    for batch in batches(data, FLAGS.batch_size):
        print("batch", batch, "sum", sum(batch))
    print("batch_size default:", FLAGS["batch_size"].default)


if __name__ == "__main__":
    app.run(main, argv=[sys.argv[0]])
