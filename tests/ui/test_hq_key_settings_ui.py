"""设置 → 总部密钥: at an outpost the officer picks headquarters' key from the keys imported, by keyboard; the
choice is stored, and a key that went missing meanwhile is said under the field, nothing saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qt_app.reports.signing import KeyRing, pretty_fingerprint
from qt_app.ui.settings_dialog import SettingsDialog

EMPTY_STORE = True


def _import(folder: Path, office: Path, label: str) -> str:
    return KeyRing(folder).import_key(KeyRing(office).public_key_path(), label)


def _dialog(session, hub, qtbot) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(session, hub, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_hqs_key_is_picked_by_keyboard_once_the_office_is_an_outpost(  # type: ignore[no-untyped-def]
    session, hub, qtbot, tmp_path: Path
) -> None:
    folder = session.store.folder
    hq = _import(folder, tmp_path / "hq", "总部")
    paris = _import(folder, tmp_path / "paris", "巴黎联络处")
    dialog = _dialog(session, hub, qtbot)
    field = dialog.hq_key
    items = [field.choice.itemText(i) for i in range(field.choice.count())]
    assert items == ["未指定", f"巴黎联络处　{pretty_fingerprint(paris)}", f"总部　{pretty_fingerprint(hq)}"]
    assert not field.choice.isEnabled() and "仅联络处需要" in field.note.text()  # headquarters needs none
    room = dialog.screen().availableGeometry().height() - 40
    assert dialog.height() <= room and dialog.buttons.geometry().bottom() < dialog.height()  # OK in sight

    dialog.role.setFocus()
    QTest.keyClick(dialog.role, Qt.Key.Key_Down)  # 联络处
    assert (
        field.choice.isEnabled() and "未指定前，总部的告知函、政策文本和兑现记录不会合并" in field.note.text()
    )
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)  # 数据包冲突…
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is field.choice
    QTest.keyClick(field.choice, Qt.Key.Key_Down)
    QTest.keyClick(field.choice, Qt.Key.Key_Down)
    assert field.choice.currentText().startswith("总部") and "只从该密钥签名的数据包合并" in field.note.text()
    with qtbot.waitSignal(hub.changed) as notice:
        QTest.keyClick(field.choice, Qt.Key.Key_Return)  # the dialog's default button: 确定
    assert notice.args[0].settings and not dialog.isVisible()
    assert session.store.get_setting("office_role") == "outpost"
    assert session.store.get_setting("office_hq_key") == hq

    again = _dialog(session, hub, qtbot)
    assert again.hq_key.value() == hq and again.hq_key.choice.isEnabled()


def test_a_key_removed_meanwhile_is_said_under_the_field_and_nothing_is_saved(  # type: ignore[no-untyped-def]
    session, hub, qtbot, tmp_path: Path
) -> None:
    folder = session.store.folder
    _import(folder, tmp_path / "hq", "总部")
    session.store.set_setting("office_role", "outpost")
    dialog = _dialog(session, hub, qtbot)
    field = dialog.hq_key
    field.choice.setFocus()
    QTest.keyClick(field.choice, Qt.Key.Key_Down)
    for pem in (folder / "keys" / "trusted").glob("*.pem"):
        pem.unlink()  # another officer removed the key file while the dialog was open
    QTest.keyClick(field.choice, Qt.Key.Key_Return)
    assert dialog.isVisible() and "尚未导入指纹为" in field.note.text() and "keys import" in field.note.text()
    assert "b3261e" in field.note.styleSheet() and dialog.focusWidget() is field.choice
    assert session.store.get_setting("office_hq_key") == ""
    QTest.keyClick(field.choice, Qt.Key.Key_Up)  # back to 未指定: the note explains again, and OK saves
    assert "未指定前" in field.note.text()
    QTest.keyClick(field.choice, Qt.Key.Key_Return)
    assert not dialog.isVisible() and session.store.get_setting("office_hq_key") == ""


def test_in_english_the_general_page_fits_its_width_and_names_the_letters_contact(  # type: ignore[no-untyped-def]
    session, hub, qtbot
) -> None:
    from PySide6.QtWidgets import QFormLayout, QLabel

    from qt_app.ui import i18n

    assert i18n.install("en")
    dialog = _dialog(session, hub, qtbot)
    form = dialog.contact_name.parentWidget().layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(dialog.contact_name)
    assert isinstance(label, QLabel) and label.text() == "Contact"  # the contact log's "With" is another word
    viewport = dialog.general_scroll.viewport().width()
    assert dialog.general_page.minimumSizeHint().width() <= viewport  # nothing cut off, no sideways scrolling
    assert not dialog.general_scroll.horizontalScrollBar().isVisible()
