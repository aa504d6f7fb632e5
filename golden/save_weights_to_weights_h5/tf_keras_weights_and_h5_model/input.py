# Covers: TF 1.x tf.keras: save_weights(..., overwrite=True) / load_weights in functions, and model.save("*.h5") + load_model (left as is).
import os

import numpy as np
import tensorflow as tf

WEIGHTS_SAVED = "weights saved"


def build_model():
    return tf.keras.Sequential([
        tf.keras.layers.Dense(2, input_shape=(3,), activation="relu", kernel_initializer="ones"),
        tf.keras.layers.Dense(2, activation="softmax", kernel_initializer="zeros"),
    ])


def checkpoint(model):
    model.save_weights("checkpoint.h5", overwrite=True)
    print(WEIGHTS_SAVED, os.path.isfile("checkpoint.h5"), os.path.getsize("checkpoint.h5") > 0)


def restore():
    model = build_model()
    model.load_weights("checkpoint.h5")
    return model


x = np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 0.0]], dtype="float32")
original = build_model()
original.layers[1].set_weights([np.array([[0.5, -0.5], [-1.0, 1.0]], dtype="float32"), np.array([0.1, 0.0], dtype="float32")])
checkpoint(original)
print("restored", [[round(float(p), 4) for p in row] for row in restore().predict(x, verbose=0)])

original.save("whole_model.h5")
reloaded = tf.keras.models.load_model("whole_model.h5")
print("reloaded", [[round(float(p), 4) for p in row] for row in reloaded.predict(x, verbose=0)])

os.unlink("checkpoint.h5")
os.unlink("whole_model.h5")
print("left", sorted(n for n in os.listdir(".") if n.endswith(".h5")))
