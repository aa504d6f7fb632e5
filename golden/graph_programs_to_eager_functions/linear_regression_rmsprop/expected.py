# Covers: Linear regression with RMSPropOptimizer: Keras RMSprop with epsilon=1e-10 and its mean squares started at one.
import numpy as np
import tensorflow as tf

xs = np.linspace(-1.0, 1.0, 8).astype(np.float32).reshape(-1, 1)
ys = (3.0 * xs - 0.5).astype(np.float32)

w = tf.Variable(tf.zeros([1, 1]), name="w")
b = tf.Variable(tf.zeros([1]), name="b")

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32)])
def prediction(x):
    return tf.matmul(x, w) + b

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def loss(x, y):
    return tf.reduce_mean(tf.square(prediction(x) - y))

optimizer = tf.keras.optimizers.RMSprop(learning_rate=0.05, epsilon=1e-10)

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def train_op(x, y):
    with tf.GradientTape() as tape:
        loss_value = loss(x, y)
    gradients = tape.gradient(loss_value, [w, b])
    optimizer.apply_gradients(zip(gradients, [w, b]))
    return loss_value

optimizer.build([w, b])
for slot in optimizer.variables:  # TF 1's RMSProp starts its mean squares at one, Keras's at zero
    if slot.name.endswith("_velocity"):
        slot.assign(tf.ones(slot.shape, slot.dtype))

for step in range(40):
    loss_value = train_op(xs, ys).numpy()
    if step % 5 == 0:
        print("step %d loss %.4f" % (step, loss_value))
w_value, b_value = [w.numpy(), b.numpy()]
print("w %.4f b %.4f" % (w_value[0, 0], b_value[0]))
