# Covers: Keras 1 recurrent arguments: LSTM(output_dim=, input_dim=, input_length=, init=, inner_init=, inner_activation=, dropout_W=, dropout_U=, consume_less=, forget_bias_init=) and SimpleRNN(output_dim=, consume_less=); inference with fixed weights.
import numpy as np
from tensorflow.keras.layers import LSTM, Dense, SimpleRNN
from tensorflow.keras.models import Sequential

model = Sequential()
model.add(LSTM(units=4, input_shape=(5, 3), kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
               recurrent_activation="sigmoid", dropout=0.1, recurrent_dropout=0.1, implementation=1,
               unit_forget_bias=True, return_sequences=True, name="lstm"))
model.add(SimpleRNN(units=3, name="rnn"))
model.add(Dense(1, name="out"))

lstm = model.get_layer("lstm")
lstm.set_weights([np.linspace(-0.5, 0.5, 3 * 16).reshape(3, 16).astype("float32"),
                  np.linspace(0.3, -0.3, 4 * 16).reshape(4, 16).astype("float32"),
                  np.concatenate([np.zeros(4), np.ones(4), np.zeros(8)]).astype("float32")])
model.get_layer("rnn").set_weights([np.linspace(-1.0, 1.0, 4 * 3).reshape(4, 3).astype("float32"),
                                    np.eye(3, dtype="float32") * 0.5,
                                    np.array([0.1, 0.0, -0.1], dtype="float32")])
model.get_layer("out").set_weights([np.array([[1.0], [-1.0], [0.5]], dtype="float32"),
                                    np.array([0.2], dtype="float32")])
print(lstm.units, round(float(lstm.dropout), 2), round(float(lstm.recurrent_dropout), 2), lstm.unit_forget_bias)

sequences = np.sin(np.arange(2 * 5 * 3, dtype="float32") / 3.0).reshape(2, 5, 3)
print(["%.4f" % v for v in model.predict(sequences, verbose=0)[:, 0]])
