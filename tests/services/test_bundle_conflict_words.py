"""A firm conflict names what differs in the editor's words, for every field a firm file has."""

from __future__ import annotations

from qt_app.domain.firm_io import FIRM_KEYS
from qt_app.domain.firm_labels import FIRM_FIELD_LABELS
from qt_app.services.bundle_conflicts import FIRM, ConflictItem


def test_every_firm_field_has_a_label_in_both_languages() -> None:
    missing = FIRM_KEYS - {"id"} - FIRM_FIELD_LABELS.keys()
    assert not missing, f"no label for {sorted(missing)}"


def test_what_differs_reads_as_the_editor_labels_it() -> None:
    item = ConflictItem(FIRM, "f1", "青田芝溪算法科技", None, "", "", ("revenue", "notes", "location"))
    assert item.differs_words() == "营收计划、备注、入驻载体"
    assert item.differs_words("en") == "Revenue plan, Notes, Site"
