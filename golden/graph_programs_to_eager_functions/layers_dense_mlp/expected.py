# Covers: tf.layers.dense MLP: the layers become layer objects created once, called inside the functions.
import numpy as np
import tensorflow as tf

xs = np.linspace(-1.0, 1.0, 10).astype(np.float32).reshape(-1, 1)
ys = (xs ** 2).astype(np.float32)

hidden_layer = tf.keras.layers.Dense(4, activation=tf.nn.tanh, kernel_initializer=tf.constant_initializer(0.3), bias_initializer=tf.constant_initializer(0.1))

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32)])
def hidden(x):
    return hidden_layer(x)

output_layer = tf.keras.layers.Dense(1, kernel_initializer=tf.constant_initializer(-0.2))

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32)])
def output(x):
    return output_layer(hidden(x))

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def loss(x, y):
    return tf.reduce_mean(tf.square(output(x) - y))

optimizer = tf.keras.optimizers.SGD(learning_rate=0.2)

@tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
def train_op(x, y):
    with tf.GradientTape() as tape:
        loss_value = loss(x, y)
    gradients = tape.gradient(loss_value, [*hidden_layer.trainable_variables, *output_layer.trainable_variables])
    optimizer.apply_gradients(zip(gradients, [*hidden_layer.trainable_variables, *output_layer.trainable_variables]))
    return loss_value

for step in range(40):
    loss_value = train_op(xs, ys).numpy()
    if step % 10 == 9:
        print("step %d loss %.4f" % (step, loss_value))
print([round(float(v), 4) for v in output(xs[:3]).numpy().ravel()])
