"""tf.data input pipeline: from_tensor_slices, map, shuffle, batch, prefetch; tf.io serialisation."""
import os
import tempfile

import numpy as np
import tensorflow as tf

features = np.arange(20, dtype=np.float32).reshape(10, 2)
labels = np.arange(10, dtype=np.int64)

dataset = (
    tf.data.Dataset.from_tensor_slices((features, labels))
    .map(lambda x, y: (x / 10.0, y), num_parallel_calls=tf.data.AUTOTUNE)
    .shuffle(buffer_size=10, seed=1)
    .batch(4, drop_remainder=False)
    .prefetch(tf.data.AUTOTUNE)
)
total = sum(int(tf.size(y)) for _, y in dataset)

path = os.path.join(tempfile.mkdtemp(), "data.tfrecord")
with tf.io.TFRecordWriter(path) as writer:
    for value in labels:
        example = tf.train.Example(
            features=tf.train.Features(feature={"label": tf.train.Feature(int64_list=tf.train.Int64List(value=[value]))})
        )
        writer.write(example.SerializeToString())
spec = {"label": tf.io.FixedLenFeature([], tf.int64)}
parsed = tf.data.TFRecordDataset(path).map(lambda record: tf.io.parse_single_example(record, spec))
tf.io.write_file(path + ".txt", tf.strings.as_string(tf.constant(total)))
print(total, sum(int(item["label"]) for item in parsed), tf.io.gfile.exists(path))
