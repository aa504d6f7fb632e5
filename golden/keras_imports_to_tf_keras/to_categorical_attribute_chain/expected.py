# Covers: keras.utils.np_utils.to_categorical / normalize reached through `import keras` attribute chains.
import numpy as np
from tensorflow import keras

labels = np.array([0, 2, 1, 2, 3])
one_hot = keras.utils.to_categorical(labels).astype("float32")
print("shape", one_hot.shape)
print(one_hot.astype(int).tolist())
print(keras.utils.to_categorical([1, 0], num_classes=3).astype(int).tolist())

vectors = np.array([[3.0, 4.0], [1.0, 0.0], [0.0, -2.0]])
print([[round(float(v), 4) for v in row] for row in keras.utils.normalize(vectors, axis=-1)])

model = keras.models.Sequential()
model.add(keras.layers.Dense(4, input_dim=2, activation="softmax", kernel_initializer="zeros"))
model.compile(loss="categorical_crossentropy", optimizer="sgd")
loss = model.evaluate(vectors[:2], one_hot[:2], verbose=0)
print("loss %.4f" % loss)
