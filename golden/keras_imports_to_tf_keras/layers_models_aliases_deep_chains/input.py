# Covers: `from keras import layers, models` with chains into folded submodules (layers.core / merge / pooling).
import numpy as np
from keras import layers, models

inputs = layers.Input(shape=(4,))
reshaped = layers.core.Reshape((2, 2))(inputs)
pooled = layers.pooling.GlobalMaxPooling1D()(reshaped)
flat = layers.core.Flatten()(reshaped)
dense = layers.core.Dense(2, kernel_initializer="ones", bias_initializer="zeros")(flat)
total = layers.merge.add([pooled, dense])
scaled = layers.merge.Multiply()([total, pooled])
model = models.Model(inputs=inputs, outputs=[total, scaled])

x = np.array([[1.0, 2.0, 3.0, 4.0], [-1.0, 0.0, 5.0, -2.0]], dtype="float32")
total_out, scaled_out = model.predict(x, verbose=0)
print("total", [[round(float(v), 4) for v in row] for row in total_out])
print("scaled", [[round(float(v), 4) for v in row] for row in scaled_out])
print("layers", len(model.layers))
