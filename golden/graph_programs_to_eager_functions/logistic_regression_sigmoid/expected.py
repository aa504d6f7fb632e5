# Covers: Logistic regression: sigmoid cross-entropy, a named optimizer, accuracy evaluated after training.
import numpy as np
import tensorflow as tf

xs = np.array([[0.0, 0.5], [1.0, 1.5], [2.0, 0.1], [3.0, 2.5], [0.5, 3.0], [2.5, 2.0]], dtype=np.float32)
ys = np.array([[0.0], [0.0], [1.0], [1.0], [0.0], [1.0]], dtype=np.float32)

w = tf.Variable(np.array([[0.1], [-0.1]], dtype=np.float32))
b = tf.Variable(0.0)

@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32)])
def logits(x):
    return tf.matmul(x, w) + b

@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def loss(x, y):
    return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=logits(x)))

@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32)])
def predicted(x):
    return tf.cast(tf.sigmoid(logits(x)) > 0.5, tf.float32)

@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def accuracy(x, y):
    return tf.reduce_mean(tf.cast(tf.equal(predicted(x), y), tf.float32))

optimizer = tf.keras.optimizers.SGD(learning_rate=0.5)

@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def train_op(x, y):
    with tf.GradientTape() as tape:
        loss_value = loss(x, y)
    gradients = tape.gradient(loss_value, [w, b])
    optimizer.apply_gradients(zip(gradients, [w, b]))
    return loss_value

for step in range(30):
    loss_value = train_op(xs, ys).numpy()
    if step % 10 == 9:
        print("step %d loss %.4f" % (step, loss_value))
print("accuracy %.4f" % accuracy(xs, ys).numpy())
print("w", [round(float(v), 4) for v in w.numpy().ravel()])
