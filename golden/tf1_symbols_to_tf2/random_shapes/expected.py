"""Random ops under their TF 1.x names: only shapes and dtypes are printed (TF1 and TF2 streams differ)."""
import tensorflow as tf

tf.random.set_seed(42)


def describe(label, tensor):
    print(label, tensor.shape.as_list(), tensor.dtype.name)


describe("random_normal", tf.random.normal([2, 3], mean=1.0, stddev=0.5))
describe("random_uniform", tf.random.uniform([4], minval=0, maxval=10, dtype=tf.int32))
describe("truncated_normal", tf.random.truncated_normal([3, 3]))
describe("random_shuffle", tf.random.shuffle(tf.range(5)))
describe("multinomial", tf.random.categorical(tf.math.log([[0.5, 0.5]]), 4))
describe("random_gamma", tf.random.gamma([2], alpha=1.5))
describe("random_poisson", tf.random.poisson(lam=2.0, shape=[3]))
in_range = tf.reduce_all(tf.random.uniform([100], minval=2.0, maxval=3.0) >= 2.0)
print("uniform in range", bool(in_range.numpy()))
