"""Reductions with TF 1.x's keep_dims and reduction_indices arguments."""
import numpy as np
import tensorflow as tf

tf.enable_eager_execution()

data = tf.constant(np.arange(12, dtype=np.float32).reshape(3, 4))

total = tf.reduce_sum(data, reduction_indices=1, keep_dims=True)
print("reduce_sum", total.shape, total.numpy().tolist())
mean = tf.reduce_mean(data, 0, True)
print("reduce_mean", mean.shape, mean.numpy().tolist())
print("reduce_max", tf.reduce_max(data, reduction_indices=[0, 1]).numpy())
print("reduce_min", tf.reduce_min(data, keep_dims=False, reduction_indices=0).numpy().tolist())
print("reduce_prod", tf.reduce_prod(data[:, :2] + 1, reduction_indices=0).numpy().tolist())
print("reduce_any", tf.reduce_any(data > 10, reduction_indices=1).numpy().tolist())
print("reduce_all", tf.reduce_all(data >= 0, keep_dims=True).numpy().tolist())
lse = tf.reduce_logsumexp(data, reduction_indices=1, keep_dims=True)
print("reduce_logsumexp", lse.shape, np.round(lse.numpy().astype("float64"), 3).tolist())
nonzero = tf.count_nonzero(data, reduction_indices=1, keep_dims=True)
print("count_nonzero", nonzero.dtype.name, nonzero.numpy().tolist())
norm = tf.norm(data, axis=1, keep_dims=True)
print("norm", norm.shape, np.round(norm.numpy().astype("float64"), 3).tolist())
mean_var = tf.nn.moments(data, axes=[0], keep_dims=True)
print("moments", [np.round(t.numpy().astype("float64"), 3).tolist() for t in mean_var])
