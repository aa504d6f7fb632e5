"""Score loan applications with a two-input functional Keras model.

The TF1 session here exists only so Keras runs with the GPU config: it is created,
handed to Keras through the backend, and closed at the end after clearing the Keras session.
"""
import numpy as np
import tensorflow as tf
from keras import backend as K
from keras.layers import Dense, Input, concatenate
from keras.models import Model

config = tf.ConfigProto()
config.gpu_options.allow_growth = True
sess = tf.Session(config=config)
K.set_session(sess)

# Fixed "pretrained" weights: (kernel, bias) per layer.
INCOME_WEIGHTS = [np.array([[0.8, -0.2], [0.1, 0.4]], dtype="float32"), np.array([0.0, 0.1], dtype="float32")]
HISTORY_WEIGHTS = [np.array([[0.5], [-0.5], [0.25]], dtype="float32"), np.array([0.05], dtype="float32")]
SCORE_WEIGHTS = [np.array([[1.0], [-1.5], [2.0]], dtype="float32"), np.array([-0.25], dtype="float32")]


def build_scorer():
    income = Input(shape=(2,), name="income")
    history = Input(shape=(3,), name="history")
    income_features = Dense(2, activation="relu", name="income_dense")(income)
    history_features = Dense(1, activation="tanh", name="history_dense")(history)
    merged = concatenate([income_features, history_features])
    score = Dense(1, activation="sigmoid", name="score")(merged)
    model = Model(inputs=[income, history], outputs=score)
    model.get_layer("income_dense").set_weights(INCOME_WEIGHTS)
    model.get_layer("history_dense").set_weights(HISTORY_WEIGHTS)
    model.get_layer("score").set_weights(SCORE_WEIGHTS)
    return model


applicants = ["ada", "bo", "cy", "di"]
income = np.array([[1.2, 0.3], [0.4, 0.9], [2.0, 0.1], [0.0, 0.0]], dtype="float32")
history = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0], [0.5, 0.5, 0.5], [2.0, -1.0, 0.0]], dtype="float32")

model = build_scorer()
scores = model.predict([income, history], verbose=0).ravel()
for name, s in zip(applicants, scores):
    print("%-3s %.4f %s" % (name, s, "approve" if s >= 0.5 else "review"))
print("mean score %.4f" % float(np.mean(scores)))

K.clear_session()
sess.close()
