"""The editor's crash-safe draft (未保存的草稿): unsaved changes kept in a file a moment after each edit —
a variant being edited too, so it comes back as that variant of that firm."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from qt_app.domain.errors import DomainError
from qt_app.domain.variant_io import variant_from_dict, variant_to_dict

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


def payload(editor: FirmEditor) -> dict[str, Any]:
    """What a draft keeps: the form, the stored version it started from, and the variant being edited."""
    mode = editor.variant_mode
    variant = {"like": variant_to_dict(mode.like), "new": mode.is_new} if mode.like is not None else None
    return {"values": editor.values_now(), "saved": editor.saved_version(), "variant": variant}


def restore(editor: FirmEditor, data: dict[str, Any]) -> bool:
    """Put a draft back in the editor (in variant mode when it was a variant); False when it is unreadable."""
    from qt_app.ui import firm_form

    try:
        values = {**firm_form.empty_values(), **data["values"]}
        saved = data.get("saved")
        saved = saved if isinstance(saved, dict) else None
        variant = data.get("variant")
        if isinstance(variant, dict):
            editor.values_now()["id"] = values["id"]
            if not editor.edit_variant(variant_from_dict(variant["like"]), bool(variant.get("new"))):
                return False
        else:
            editor.variant_mode.stop()
        editor.load_values(values, saved=saved, dirty=True)
    except (KeyError, TypeError, AttributeError, DomainError):
        return False
    return True
