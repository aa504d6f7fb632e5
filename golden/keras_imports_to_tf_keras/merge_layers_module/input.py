# Covers: merge layers from keras.layers.merge (Concatenate, Add, concatenate) and the module under an alias.
import numpy as np
import keras.layers.merge as merge
from keras.layers import Dense, Input
from keras.layers.merge import Add, Concatenate, concatenate
from keras.models import Model

left_in = Input(shape=(2,))
right_in = Input(shape=(2,))
left = Dense(2, kernel_initializer="ones", bias_initializer="zeros")(left_in)
right = Dense(2, kernel_initializer="identity", bias_initializer="ones")(right_in)
summed = Add()([left, right])
joined = Concatenate(axis=-1)([left, right])
stacked = concatenate([summed, joined])
product = merge.Multiply()([left, right])
model = Model(inputs=[left_in, right_in], outputs=[stacked, product])

a = np.array([[1.0, 2.0], [-1.0, 0.5]], dtype="float32")
b = np.array([[0.5, 0.5], [2.0, -3.0]], dtype="float32")
stacked_out, product_out = model.predict([a, b], verbose=0)
print("stacked", stacked_out.shape, [[round(float(v), 4) for v in row] for row in stacked_out])
print("product", [[round(float(v), 4) for v in row] for row in product_out])
