# Covers: XOR with a two-layer perceptron of tf.Variables, relu and sigmoid.
import numpy as np
import tensorflow as tf

xs = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
ys = np.array([[0], [1], [1], [0]], dtype=np.float32)
rng = np.random.RandomState(1)

w1 = tf.Variable(rng.uniform(-1, 1, (2, 4)).astype(np.float32))
b1 = tf.Variable(tf.zeros([4]))
w2 = tf.Variable(rng.uniform(-1, 1, (4, 1)).astype(np.float32))
b2 = tf.Variable(tf.zeros([1]))

@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32)])
def hidden(x):
    return tf.nn.relu(tf.matmul(x, w1) + b1)

@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32)])
def output(x):
    return tf.sigmoid(tf.matmul(hidden(x), w2) + b2)

@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def loss(x, y):
    return tf.reduce_mean(tf.square(output(x) - y))

optimizer = tf.keras.optimizers.SGD(learning_rate=1.0)

@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def train_op(x, y):
    with tf.GradientTape() as tape:
        loss_value = loss(x, y)
    gradients = tape.gradient(loss_value, [w1, b1, w2, b2])
    optimizer.apply_gradients(zip(gradients, [w1, b1, w2, b2]))
    return loss_value

for step in range(60):
    loss_value = train_op(xs, ys).numpy()
    if step % 20 == 19:
        print("step %d loss %.4f" % (step, loss_value))
print([round(float(v), 4) for v in output(xs).numpy().ravel()])
