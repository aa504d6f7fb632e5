# Covers: sequence-model layer submodules (embeddings, convolutional, pooling, recurrent, wrappers, noise).
import numpy as np
from tensorflow.keras import initializers
from tensorflow.keras.layers import Input
from tensorflow.keras.layers import Conv1D
from tensorflow.keras.layers import Dense
from tensorflow.keras.layers import Embedding
from tensorflow.keras.layers import GaussianNoise
from tensorflow.keras.layers import GlobalMaxPooling1D
from tensorflow.keras.layers import SimpleRNN
from tensorflow.keras.layers import TimeDistributed
from tensorflow.keras.models import Model

tokens = Input(shape=(5,), dtype="int32")
embedding = Embedding(10, 2)
embedded = GaussianNoise(0.3)(embedding(tokens))
conv = Conv1D(3, 2, activation="relu", kernel_initializer="ones", bias_initializer="zeros")(embedded)
pooled = GlobalMaxPooling1D()(conv)
per_step = TimeDistributed(Dense(1, kernel_initializer=initializers.Constant(0.1)))(conv)
state = SimpleRNN(2, kernel_initializer="ones", recurrent_initializer=initializers.Constant(0.5))(per_step)
model = Model(inputs=tokens, outputs=[pooled, state])

# A fixed "pretrained" embedding table: row i is (i / 10, -i / 20).
embedding.set_weights([np.stack([np.arange(10) / 10.0, -np.arange(10) / 20.0], axis=1).astype("float32")])
seqs = np.array([[1, 2, 3, 4, 5], [0, 0, 0, 7, 8], [9, 9, 1, 0, 0]], dtype="int32")
pooled_out, state_out = model.predict(seqs, verbose=0)
print([[round(float(v), 4) for v in row] for row in pooled_out])
print([[round(float(v), 4) for v in row] for row in state_out])
