# Covers: TF 1.x tf.keras Sequential built in a function: predict_proba (default and batch_size), predict_classes through Dropout + softmax.
import numpy as np
import tensorflow as tf


def main():
    model = tf.keras.models.Sequential()
    model.add(tf.keras.layers.Dense(2, input_shape=(2,)))
    model.add(tf.keras.layers.Dropout(0.5))
    model.add(tf.keras.layers.Activation("softmax"))
    model.set_weights([np.array([[1.0, -1.0], [-0.5, 2.0]], dtype="float32"), np.array([0.2, -0.2], dtype="float32")])

    x = np.array([[1.0, 0.5], [-1.0, 0.5], [0.3, 0.3], [2.0, -1.0]], dtype="float32")
    proba = model.predict_proba(x)
    print("proba", [[round(float(p), 4) for p in row] for row in proba])
    print("rows sum to one", bool(np.allclose(proba.sum(axis=1), 1.0)))
    print("batched", [round(float(p), 4) for p in model.predict_proba(x, batch_size=3)[:, 1]])
    print("classes", model.predict_classes(x).tolist())


if __name__ == "__main__":
    main()
