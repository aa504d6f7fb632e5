# Covers: GPU config block inside `if __name__ == "__main__":` (blank line inside it), handed to Keras through K.
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Model


def build_model():
    inputs = Input(shape=(4,))
    hidden = Dense(3, activation="tanh", kernel_initializer="ones")(inputs)
    outputs = Dense(1, activation="sigmoid", kernel_initializer="ones")(hidden)
    return Model(inputs=inputs, outputs=outputs)


if __name__ == "__main__":
    for gpu in tf.config.list_physical_devices("GPU"):
        tf.config.experimental.set_memory_growth(gpu, True)

    model = build_model()
    x = np.linspace(-1.0, 1.0, 12).reshape(3, 4).astype("float32")
    print([round(float(v), 4) for v in model.predict(x, verbose=0)[:, 0]])
    print("floatx:", K.floatx())
    K.clear_session()
