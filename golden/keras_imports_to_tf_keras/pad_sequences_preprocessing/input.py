# Covers: keras.preprocessing.sequence.pad_sequences, imported by name and through a module alias.
import keras.preprocessing.sequence as sequence
from keras.preprocessing.sequence import pad_sequences

sequences = [[1, 2, 3], [4, 5], [6, 7, 8, 9, 10], []]
print(pad_sequences(sequences).tolist())
print(pad_sequences(sequences, maxlen=4, padding="post", truncating="post").tolist())
print(pad_sequences(sequences, maxlen=2, value=-1).tolist())
print(sequence.pad_sequences([[0.5, 1.5]], maxlen=3, dtype="float32").tolist())
