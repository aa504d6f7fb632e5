from __future__ import annotations

from codemods._names import TracksImports
from tf2migrate.codemod import Codemod, FixSafety


class Tf1LeftoversToCompatV1(TracksImports, Codemod):
    """TODO (skeleton: being written).

    What it does:
    TODO

    Why:
    TODO

    Example:
    ```python
    TODO
    ```

    Use instead:
    ```python
    TODO
    ```

    Fix safety:
    TODO

    Limitations:
    TODO
    """

    NAME = "tf1-leftovers-to-compat-v1"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ('tf',)
