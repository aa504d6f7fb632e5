# Covers: the lowercase Keras 2 alias keras.optimizers.sgd with lr and momentum reached through `import keras`.
import keras
import numpy as np

x = np.array([[1.0, 2.0, -1.0], [0.5, -1.5, 2.0], [-1.0, 0.3, 0.7], [2.0, 1.0, 0.0]], dtype="float32")
y = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [-1.0, 0.5]], dtype="float32")

model = keras.models.Sequential()
model.add(keras.layers.Dense(2, input_dim=3, kernel_initializer="zeros", bias_initializer="zeros"))
model.compile(loss="mse", optimizer=keras.optimizers.sgd(lr=0.05, momentum=0.5))
history = model.fit(x, y, batch_size=2, epochs=3, shuffle=False, verbose=0)
print("losses:", [round(float(v), 4) for v in history.history["loss"]])
print("kernel:", [round(float(v), 4) for v in model.get_weights()[0].ravel()])
