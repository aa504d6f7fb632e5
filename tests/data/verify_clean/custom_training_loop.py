"""A custom training loop: tf.function, GradientTape, tf.Variable, tf.Module, a checkpoint."""
import tempfile

import tensorflow as tf


class Linear(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.w = tf.Variable(tf.zeros([2, 1]), trainable=True, name="w")
        self.b = tf.Variable(0.0, name="b")

    def __call__(self, x):
        return tf.matmul(x, self.w) + self.b


model = Linear(name="linear")
optimizer = tf.keras.optimizers.RMSprop(learning_rate=0.01, rho=0.9)
x = tf.random.normal([16, 2], seed=3)
y = tf.reduce_sum(x, axis=1, keepdims=True)


@tf.function(reduce_retracing=True)
def train_step(inputs, targets):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(inputs) - targets))
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


for _ in range(3):
    loss = train_step(x, y)
checkpoint = tf.train.Checkpoint(model=model)
manager = tf.train.CheckpointManager(checkpoint, tempfile.mkdtemp(), max_to_keep=2)
manager.save()
print(float(loss) >= 0.0, tf.config.list_physical_devices("CPU")[0].device_type)
