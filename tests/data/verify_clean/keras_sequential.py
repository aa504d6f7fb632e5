"""A tf.keras Sequential classifier: layers, an optimizer with learning_rate=, callbacks, save/load."""
import os
import tempfile

import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

x = np.random.default_rng(0).normal(size=(32, 4)).astype("float32")
y = (x.sum(axis=1) > 0).astype("int32")

model = keras.Sequential(
    [
        keras.Input(shape=(4,)),
        layers.Dense(8, activation="relu", kernel_initializer="glorot_uniform"),
        layers.Dropout(0.1),
        layers.BatchNormalization(momentum=0.9),
        layers.Dense(2, activation="softmax", name="probabilities"),
    ]
)
model.compile(
    optimizer=tf.keras.optimizers.SGD(learning_rate=0.05, momentum=0.9, nesterov=True),
    loss=keras.losses.SparseCategoricalCrossentropy(),
    metrics=[keras.metrics.SparseCategoricalAccuracy()],
)
early = keras.callbacks.EarlyStopping(monitor="loss", patience=2, restore_best_weights=True)
history = model.fit(x, y, batch_size=8, epochs=2, verbose=0, callbacks=[early])
predicted = np.argmax(model.predict(x[:3], verbose=0), axis=-1)

path = os.path.join(tempfile.mkdtemp(), "model.keras")
model.save(path)
restored = keras.models.load_model(path)
model.save_weights(path.replace(".keras", ".weights.h5"))
print("loss", len(history.history["loss"]), predicted.shape, restored.count_params())
