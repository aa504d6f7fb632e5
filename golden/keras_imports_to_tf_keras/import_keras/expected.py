# Covers: `import keras` with attribute access (keras.models / keras.layers / keras.initializers / keras.utils).
import numpy as np
from tensorflow import keras

model = keras.models.Sequential()
model.add(keras.layers.Dense(3, input_dim=4, activation="relu",
                             kernel_initializer=keras.initializers.Constant(0.1)))
model.add(keras.layers.Dense(2, activation="softmax"))
model.layers[1].set_weights([
    np.array([[1.0, -1.0], [0.5, 0.5], [-0.5, 1.0]], dtype="float32"),
    np.zeros(2, dtype="float32"),
])
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["acc"])

x = np.array([[1.0, 2.0, 3.0, 4.0], [-1.0, 0.0, 1.0, 0.0], [0.5, 0.5, 0.5, 0.5]], dtype="float32")
y = keras.utils.to_categorical([0, 1, 1], 2).astype("float32")
print([[round(float(p), 4) for p in row] for row in model.predict(x, verbose=0)])
loss, acc = model.evaluate(x, y, verbose=0)
print("loss=%.4f acc=%.4f" % (loss, acc))
