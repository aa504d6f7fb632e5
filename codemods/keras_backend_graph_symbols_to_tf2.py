from __future__ import annotations

from codemods._names import TracksImports
from tf2migrate.codemod import Codemod, FixSafety


class KerasBackendGraphSymbolsToTf2(TracksImports, Codemod):
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

    NAME = "keras-backend-graph-symbols-to-tf2"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ('function', 'placeholder', 'learning_phase', 'gradients', 'get_session', 'get_updates', '.tf.')
