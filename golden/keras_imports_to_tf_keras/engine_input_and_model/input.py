# Covers: Input and Model imported from Keras 2's engine modules (keras.engine.input_layer / keras.engine.training).
import numpy as np
from keras import backend as K
from keras.engine.input_layer import Input
from keras.engine.training import Model
from keras.layers import Dense

inputs = Input(shape=(2,), name="features")
hidden = Dense(3, activation="relu", kernel_initializer="ones", bias_initializer="zeros")(inputs)
outputs = Dense(1, kernel_initializer="ones", bias_initializer="zeros")(hidden)
model = Model(inputs=inputs, outputs=outputs)

print("input shape", K.int_shape(model.input), "output shape", K.int_shape(model.output))
print("params", model.count_params())
x = np.array([[1.0, 2.0], [-3.0, 1.0], [0.5, 0.5]], dtype="float32")
print([round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
