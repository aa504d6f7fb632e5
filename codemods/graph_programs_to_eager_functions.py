from __future__ import annotations

from codemods._names import TracksImports
from tf2migrate.codemod import Codemod, FixSafety


class GraphProgramsToEagerFunctions(TracksImports, Codemod):
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

    NAME = "graph-programs-to-eager-functions"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ("placeholder",)
