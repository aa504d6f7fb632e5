"""Entry point: python -m legacy_pkg.train (from examples/)."""
from keras import backend as K

from .data import NUM_CLASSES, NUM_FEATURES, load_dataset
from .gpu import configure_gpu
from .models import build_classifier


def main():
    configure_gpu()
    x, y = load_dataset()
    model = build_classifier(NUM_FEATURES, NUM_CLASSES)
    history = model.fit(x, y, batch_size=3, epochs=4, shuffle=False, verbose=0)
    print("losses", [round(float(v), 4) for v in history.history["loss"]])
    loss, acc = model.evaluate(x, y, batch_size=9, verbose=0)
    print("eval loss %.4f acc %.4f" % (loss, acc))
    probs = model.predict(x, verbose=0)
    print("classes", probs.argmax(axis=1).tolist())
    print("row0", [round(float(p), 4) for p in probs[0]])
    print("floatx", K.floatx())
    K.clear_session()


if __name__ == "__main__":
    main()
