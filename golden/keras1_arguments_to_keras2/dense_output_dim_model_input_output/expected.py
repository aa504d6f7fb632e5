# Covers: Dense(output_dim=, init=, W_regularizer=, b_regularizer=, bias=) through `import keras` and from-imports, Model(input=[...], output=[...]).
import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import Dense, Input, concatenate
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import l1, l2

left = Input(shape=(3,))
right = Input(shape=(2,))
hidden = Dense(units=4, activation="tanh", kernel_initializer="glorot_uniform",
               kernel_regularizer=l2(0.01), bias_regularizer=l1(0.001), name="hidden")(left)
joined = concatenate([hidden, right])
score = keras.layers.Dense(1, activation="sigmoid", use_bias=False, name="score")(joined)
logits = Dense(units=2, name="logits")(joined)
model = Model(inputs=[left, right], outputs=[score, logits])

model.get_layer("score").set_weights([np.array([[0.5], [-0.25], [1.0], [0.75], [-1.0], [0.3]], dtype="float32")])
model.get_layer("logits").set_weights([np.arange(12, dtype="float32").reshape(6, 2) / 10.0 - 0.5,
                                       np.array([0.1, -0.2], dtype="float32")])
model.get_layer("hidden").set_weights([np.linspace(-1.0, 1.0, 12).reshape(3, 4).astype("float32"),
                             np.array([0.0, 0.1, -0.1, 0.2], dtype="float32")])

x_left = np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 0.0]], dtype="float32")
x_right = np.array([[0.2, -0.4], [1.0, 1.0]], dtype="float32")
scores, logit_values = model.predict([x_left, x_right], verbose=0)
print(sorted(layer.name for layer in model.layers if layer.weights))
print(len(model.losses))
print(["%.4f" % v for v in scores[:, 0]])
for row in logit_values:
    print(["%.4f" % v for v in row])
