# Covers: `sess = K.get_session()` held only to initialize and fetch: the holder and K's import go.
import tensorflow as tf

kernel = tf.Variable(tf.constant([[1.0, -1.0], [2.0, 0.5]]))
features = tf.constant([[1.0, 1.0], [0.0, 2.0], [3.0, -1.0]])
activations = tf.nn.relu(tf.matmul(features, kernel))
print("activations:", activations.numpy().tolist())
print("active units:", tf.reduce_sum(tf.cast(activations > 0, tf.int32)).numpy())
