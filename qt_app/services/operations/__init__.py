"""Operations (操作): every change of data, as a plain function that returns a change notice.

One module per area — `firms`, `office`, `policies`, `backups`, `letters` — each operation
`op(session, …) -> OpResult`: it writes through the store, records its `Undo` (itself two operations) and
says what it changed (`OpChanges`). The UI pushes the undo and publishes the notice on its hub
(`qt_app.ui.ops`); the CLI calls the same functions and ignores both. See docs/architecture.md.
"""

from qt_app.services.operations.base import OpResult, Undo, current_user
from qt_app.services.operations.changes import OpChanges

__all__ = ["OpChanges", "OpResult", "Undo", "current_user"]
