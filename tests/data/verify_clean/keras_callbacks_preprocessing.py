"""Keras 3 preprocessing layers, learning-rate schedules, callbacks and utils through tf.keras."""
import numpy as np
import tensorflow as tf

normalizer = tf.keras.layers.Normalization(axis=-1)
normalizer.adapt(np.array([[1.0, 2.0], [3.0, 4.0]], dtype="float32"))
lookup = tf.keras.layers.StringLookup(vocabulary=["a", "b"], num_oov_indices=1)
schedule = tf.keras.optimizers.schedules.ExponentialDecay(initial_learning_rate=0.1, decay_steps=10, decay_rate=0.9)

model = tf.keras.Sequential([tf.keras.Input(shape=(2,)), normalizer, tf.keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=schedule), loss="categorical_crossentropy")
labels = tf.keras.utils.to_categorical([0, 1, 2, 1], num_classes=3)
callbacks = [
    tf.keras.callbacks.ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1),
    tf.keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: None),
]
model.fit(np.ones((4, 2), dtype="float32"), labels, epochs=1, verbose=0, callbacks=callbacks)
tf.keras.utils.set_random_seed(0)
print(lookup(tf.constant(["a", "z"])).numpy().tolist(), tf.keras.backend.image_data_format())
