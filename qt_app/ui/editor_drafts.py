"""The editor's crash-safe draft (未保存的草稿): unsaved changes kept in a file a moment after each edit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from qt_app.ui.firm_editor import FirmEditor

DRAFT_MS = 800


class DraftKeeper(QObject):
    """Writes the editor's draft to `path` (atomically) shortly after edits; removes it once saved."""

    def __init__(self, path: Path | None, editor: FirmEditor) -> None:
        super().__init__(editor)
        self.path = path
        self._timer = QTimer(self, singleShot=True, interval=DRAFT_MS)
        self._timer.timeout.connect(editor.write_draft)

    def later(self) -> None:
        if self.path is not None:
            self._timer.start()

    def write(self, payload: dict[str, Any] | None) -> None:
        """Write the draft (None: nothing unsaved, so no draft file)."""
        if self.path is None:
            return
        if payload is None:
            self.discard()
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".part")
            tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
            tmp.replace(self.path)
        except OSError:
            pass  # a draft is a courtesy; failing to write it must not interrupt typing

    def discard(self) -> None:
        self._timer.stop()
        if self.path is not None:
            self.path.unlink(missing_ok=True)
