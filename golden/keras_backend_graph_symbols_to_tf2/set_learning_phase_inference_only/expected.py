# Covers: K.set_learning_phase(0) at program start in an inference-only script (predict and K.function).
import numpy as np
from tensorflow.keras.layers import BatchNormalization, Dense, Dropout
from tensorflow.keras.models import Model, Sequential

model = Sequential()
model.add(Dense(3, input_dim=2, kernel_initializer="ones", bias_initializer="zeros"))
model.add(BatchNormalization())
model.add(Dropout(0.5))
model.add(Dense(1, kernel_initializer="ones", bias_initializer="zeros"))
model.layers[1].set_weights([np.array([1.0, 2.0, 0.5], dtype="float32"), np.array([0.0, 0.1, -0.1], dtype="float32"),
                             np.array([0.5, 0.5, 0.5], dtype="float32"), np.array([4.0, 1.0, 0.25], dtype="float32")])

x = np.array([[1.0, 2.0], [0.5, -0.5], [0.0, 0.0]], dtype="float32")
print("predict", [round(float(v), 4) for v in model.predict(x, verbose=0)[:, 0]])
normalized = Model(model.inputs, [model.layers[1].output])([x], training=False).numpy()
print("normalized", [[round(float(v), 4) for v in row] for row in normalized])
