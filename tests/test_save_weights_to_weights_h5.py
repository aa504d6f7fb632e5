from textwrap import dedent

from codemods.save_weights_to_weights_h5 import SaveWeightsToWeightsH5
from tests.conftest import rewrite
from tf2migrate.results import Severity, Status

HEADER = """\
import os
import numpy as np
from keras.callbacks import ModelCheckpoint
from keras.models import save_model
"""


def migrate_body(body):
    """``body`` after HEADER; returns (result, new body or None, findings as (line, severity, message))."""
    result = rewrite(HEADER + dedent(body), SaveWeightsToWeightsH5)
    offset = len(HEADER.splitlines())
    new_body = None if result.new_text is None else result.new_text[len(HEADER):]
    return result, new_body, [(f.line - offset, f.severity, f.message) for f in result.findings]


def test_weights_file_is_renamed_where_it_is_written_read_and_removed():
    _, new, findings = migrate_body(
        """\
        model.save_weights('mlp.h5', overwrite=True)
        if os.path.exists('mlp.h5') and os.path.isfile("mlp.h5"):
            print(os.path.getsize('mlp.h5') > 0)
        model.load_weights(filepath='mlp.h5')
        os.unlink("mlp.h5")
        os.remove(r"mlp.h5")
        """
    )
    assert new == dedent(
        """\
        model.save_weights('mlp.weights.h5', overwrite=True)
        if os.path.exists('mlp.weights.h5') and os.path.isfile("mlp.weights.h5"):
            print(os.path.getsize('mlp.weights.h5') > 0)
        model.load_weights(filepath='mlp.weights.h5')
        os.unlink("mlp.weights.h5")
        os.remove(r"mlp.weights.h5")
        """
    )
    assert [(line, severity) for line, severity, _ in findings] == [(1, Severity.INFO)]
    assert "now written as `mlp.weights.h5`" in findings[0][2]


def test_a_file_this_program_does_not_write_keeps_its_name():
    result, _, _ = migrate_body(
        """\
        model.load_weights("pretrained.h5")
        model.load_weights("pretrained.h5", by_name=True)
        """
    )
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_names_already_ending_in_weights_h5_are_unchanged():
    result, _, _ = migrate_body(
        """\
        model.save_weights("mlp.weights.h5")
        model.load_weights("mlp.weights.h5")
        """
    )
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_names_that_cannot_be_renamed_are_reported():
    result, _, findings = migrate_body(
        """\
        model.save_weights(path)
        model.save_weights(f"{run}/mlp.h5")
        model.save_weights("mlp.hdf5")
        model.save_weights("checkpoints/mlp")
        model.save_weights(b"mlp.h5")
        """
    )
    assert result.status is Status.UNCHANGED
    assert [line for line, _, _ in findings] == [1, 2, 3, 4, 5]
    assert "`path` is not a string literal" in findings[0][2]
    assert 'raises ValueError for "mlp.hdf5"' in findings[2][2]
    assert "`mlp.weights.h5`" in result.findings[2].suggestion
    assert "`checkpoints/mlp.weights.h5`" in result.findings[3].suggestion


def test_a_file_read_by_name_is_not_renamed():
    result, _, findings = migrate_body(
        """\
        model.save_weights("mlp.h5")
        other.load_weights("mlp.h5", by_name=True)
        """
    )
    assert result.status is Status.UNCHANGED
    assert [line for line, _, _ in findings] == [1, 2]
    assert "legacy `.h5` files only" in findings[0][2]


def test_other_strings_naming_the_file_are_reported_not_renamed():
    _, new, findings = migrate_body(
        """\
        model.save_weights("mlp.h5")
        print("saved to", "mlp.h5")
        """
    )
    assert new.splitlines() == ['model.save_weights("mlp.weights.h5")', 'print("saved to", "mlp.h5")']
    assert [(line, severity) for line, severity, _ in findings] == [(1, Severity.INFO), (2, Severity.WARNING)]


def test_weights_only_checkpoints_write_weights_files_too():
    _, new, findings = migrate_body(
        """\
        best = ModelCheckpoint("best-{epoch:02d}.h5", save_weights_only=True)
        whole = ModelCheckpoint("whole.h5")
        """
    )
    assert new.splitlines() == [
        'best = ModelCheckpoint("best-{epoch:02d}.weights.h5", save_weights_only=True)',
        'whole = ModelCheckpoint("whole.h5")',
    ]
    assert [line for line, _, _ in findings] == [1]


def test_model_files_keras_3_rejects_are_reported():
    result, _, findings = migrate_body(
        """\
        model.save("exported_model")
        model.save("model.h5")
        model.save("model.hdf5", include_optimizer=False)
        model.save("model.keras")
        model.save("serving", save_format="tf")
        model.save("model.h5", signatures=fn)
        save_model(model, "exported_model")
        """
    )
    assert result.status is Status.UNCHANGED
    assert [line for line, _, _ in findings] == [1, 5, 6, 7]
    assert "raises ValueError for \"exported_model\"" in findings[0][2]
    assert "`exported_model.keras`" in result.findings[0].suggestion
    assert "`exported_model.h5`" in result.findings[0].suggestion
    assert "signatures" in findings[2][2]


def test_save_calls_of_other_libraries_are_not_reported():
    result, _, _ = migrate_body(
        """\
        np.save("array", x)
        saver.save(sess, "model.ckpt")
        image.save("thumbnail.png")
        image.save("thumbnail", format="PNG")
        """
    )
    assert result.status is Status.UNCHANGED and result.findings == ()
