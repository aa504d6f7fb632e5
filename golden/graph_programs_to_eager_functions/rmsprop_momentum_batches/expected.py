# Covers: RMSPropOptimizer with momentum and its own decay, held in a variable: the optimizer is built once.
import numpy as np
import tensorflow as tf

rng = np.random.RandomState(3)
features = rng.uniform(-1.0, 1.0, size=(32, 3)).astype(np.float32)
labels = (features @ np.array([[1.5], [-2.0], [0.5]], np.float32) + 0.25).astype(np.float32)

weights = tf.Variable(np.full((3, 1), 0.1, np.float32))
bias = tf.Variable(0.0)

@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
def outputs(inputs):
    return tf.matmul(inputs, weights) + bias

@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def mse(inputs, targets):
    return tf.reduce_mean(tf.math.squared_difference(outputs(inputs), targets))

optimizer = tf.keras.optimizers.RMSprop(learning_rate=0.01, rho=0.8, momentum=0.5, epsilon=1e-6)

@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def train(inputs, targets):
    with tf.GradientTape() as tape:
        mse_value = mse(inputs, targets)
    gradients = tape.gradient(mse_value, [weights, bias])
    optimizer.apply_gradients(zip(gradients, [weights, bias]))

optimizer.build([weights, bias])
for slot in optimizer.variables:  # TF 1's RMSProp starts its mean squares at one, Keras's at zero
    if slot.name.endswith("_velocity"):
        slot.assign(tf.ones(slot.shape, slot.dtype))

for epoch in range(30):
    for start in range(0, 32, 8):
        batch = slice(start, start + 8)
        train(features[batch], labels[batch])
    if epoch % 6 == 5:
        print("epoch %d mse %.4f" % (epoch, mse(features, labels).numpy()))
print(np.round(weights.numpy().ravel(), 4), round(float(bias.numpy()), 4))
