from __future__ import annotations

from codemods._names import TracksImports
from tf2migrate.codemod import Codemod, FixSafety


class FitGeneratorToFit(TracksImports, Codemod):
    """TODO (skeleton: being written).

    What it does:
    TODO

    Why:
    TODO

    Example:
    ```python
    import keras
    ```

    Use instead:
    ```python
    import keras
    ```

    Fix safety:
    TODO

    Limitations:
    TODO
    """

    NAME = "fit-generator-to-fit"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ('_generator(', 'nb_epoch', 'samples_per_epoch', 'nb_val_samples')
