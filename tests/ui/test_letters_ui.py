"""告知函 in the app: the register panel (draft → submitted → approved → issued, void, supersede), preview,
print, save as, batch letters, and the verify dialog — real widgets on a real demo database."""

from __future__ import annotations

import ast
import errno
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from qt_app.services import letters as svc
from qt_app.services.session import Session
from qt_app.ui.hub import Hub
from qt_app.ui.letters.issue_dialog import IssueDialog
from qt_app.ui.letters.panel import LettersPanel
from qt_app.ui.letters.register_model import COL_NUMBER, COL_STATUS, COL_TOTAL, LetterTableModel
from qt_app.ui.letters.strings_en import EN
from qt_app.ui.letters.verify_dialog import VerifyDialog

from .conftest import shown

NUMBER_1 = f"青招〔{date.today().year}〕1号"


@pytest.fixture
def sess(tmp_path: Path) -> Iterator[Session]:
    from qt_app.app import use_bundled_font

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    use_bundled_font(app)
    s = Session.open(tmp_path / "office")
    yield s
    s.close()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes answer at once (Yes to questions) and are recorded as 'title: text'."""
    seen: list[str] = []

    def record(answer: QMessageBox.StandardButton) -> Any:
        def show(_parent: Any, title: str, text: str, *_a: Any, **_k: Any) -> QMessageBox.StandardButton:
            seen.append(f"{title}: {text}")
            return answer

        return show

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, record(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", record(QMessageBox.StandardButton.Yes))

    def issue_ok(dialog: IssueDialog) -> int:
        """The issue step's contact dialog: the officer fills in a contact if settings have none, then OK."""
        seen.append(f"{dialog.windowTitle()}: {dialog.findChild(QLabel).text()}")
        if not dialog.name.text():
            dialog.name.setText("王科长")
            dialog.phone.setText("0578-6812345")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(IssueDialog, "exec", issue_ok)
    return seen


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the user types into the next QInputDialog.getText prompts (approver, void reason)."""
    queue: list[str] = []

    def get_text(*_a: Any, **_k: Any) -> tuple[str, bool]:
        return (queue.pop(0), True) if queue else ("", False)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return queue


def _firms(s: Session) -> list[tuple[Any, Any]]:
    return [s.store.get_firm(r.id) for r in s.store.list_firms(sort="name", descending=False, limit=10)]


def _dispose(widget: QWidget) -> None:
    """Delete a widget now, before its session's store closes (a later language switch must not reach it)."""
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def panel(sess: Session, hub: Hub, boxes: list[str], answers: list[str]) -> Iterator[LettersPanel]:
    p = LettersPanel(sess, hub)
    firm, variants = _firms(sess)[0]
    p.show_firm(shown(firm, variants))
    p.resize(1400, 800)
    p.show()
    yield p
    _dispose(p)


def _cell(p: LettersPanel, column: int, row: int | None = None) -> str:
    r = p.table.currentIndex().row() if row is None else row
    return str(p.model.index(r, column).data())


def _issue(p: LettersPanel, answers: list[str]) -> svc.LetterRecord:
    assert p.generate_draft()
    assert p.submit()
    answers.append("李主任")
    assert p.approve()
    issued = p.issue()
    assert issued is not None
    return issued


def test_a_draft_for_the_current_firm_appears_in_the_register(panel: LettersPanel) -> None:
    firm = panel._firm
    assert firm is not None
    letter_id = panel.generate_draft()
    assert letter_id and panel.model.rowCount() == 1
    assert panel.selected() is not None and panel.selected().id == letter_id  # type: ignore[union-attr]
    assert _cell(panel, 1) == firm.name
    assert _cell(panel, COL_STATUS) == "草稿"
    assert _cell(panel, COL_NUMBER) == "（未编号）"
    total = firm_total = panel.session.package(firm).total
    assert _cell(panel, COL_TOTAL) == f"¥{total / 100:,.2f}" and firm_total > 0
    assert panel.submit_button.isEnabled() and not panel.issue_button.isEnabled()


def test_submit_approve_issue_shows_the_new_number(
    panel: LettersPanel, answers: list[str], boxes: list[str]
) -> None:
    issued = _issue(panel, answers)
    assert issued.doc_number == NUMBER_1 and issued.approved_by == "李主任"
    assert _cell(panel, COL_NUMBER) == NUMBER_1
    assert _cell(panel, COL_STATUS) == "已出具"
    assert any(NUMBER_1 in b for b in boxes)  # the number is told to the user
    assert "李主任" in panel.detail.text()
    assert not panel.issue_button.isEnabled() and panel.supersede_button.isEnabled()


def test_a_refused_step_is_a_message_in_words(panel: LettersPanel, boxes: list[str]) -> None:
    panel.generate_draft()
    assert panel.issue() is None  # a draft cannot be issued: the register says why
    assert boxes[-1].startswith("无法出具: 只有已审批的意向书才能出具")
    assert "Traceback" not in "".join(boxes)
    assert _cell(panel, COL_STATUS) == "草稿"


def test_no_firm_chosen_means_no_draft(sess: Session, hub: Hub, boxes: list[str]) -> None:
    p = LettersPanel(sess, hub)
    assert not p.generate_button.isEnabled()
    assert p.generate_draft() is None and p.model.rowCount() == 0
    assert "请先在企业库中选择一家企业" in boxes[-1]
    _dispose(p)


def test_preview_shows_the_selected_letter(panel: LettersPanel, qtbot: QtBot) -> None:
    panel.generate_draft()
    assert panel.preview()
    doc = panel.preview_pane.document
    qtbot.waitUntil(lambda: doc.status() == QPdfDocument.Status.Ready)
    assert doc.pageCount() > 0
    assert panel.preview_pane.view.isVisible()
    assert "草稿" in panel.preview_pane.caption.text()


def test_void_keeps_the_number_and_search_finds_it(panel: LettersPanel, answers: list[str]) -> None:
    issued = _issue(panel, answers)
    answers.append("企业名称有误")
    assert panel.void()
    assert _cell(panel, COL_STATUS) == "已作废"
    assert _cell(panel, COL_NUMBER) == NUMBER_1
    assert "企业名称有误" in panel.detail.text()
    panel.search.setText("1号")
    assert panel.model.rowCount() == 1 and panel.selected().id == issued.id  # type: ignore[union-attr]
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("draft"))
    assert panel.model.rowCount() == 0


def test_void_needs_a_reason(panel: LettersPanel, answers: list[str], boxes: list[str]) -> None:
    panel.generate_draft()
    answers.append("   ")
    assert not panel.void()
    assert boxes[-1] == "无法作废: 请填写作废原因。"
    assert _cell(panel, COL_STATUS) == "草稿"


def test_a_new_letter_supersedes_the_old_one_when_issued(panel: LettersPanel, answers: list[str]) -> None:
    old = _issue(panel, answers)
    new_id = panel.supersede()
    assert new_id and panel.selected().id == new_id  # type: ignore[union-attr]
    assert NUMBER_1 in panel.detail.text()  # 取代：青招〔…〕1号
    assert panel.submit()
    answers.append("李主任")
    assert panel.approve()
    second = panel.issue()
    assert second is not None and second.doc_number == f"青招〔{date.today().year}〕2号"
    old_row = panel.model.row_of(old.id)
    assert _cell(panel, COL_STATUS, old_row) == "已作废"


def test_save_as_writes_a_letter_that_verifies(
    panel: LettersPanel, answers: list[str], tmp_path: Path
) -> None:
    issued = _issue(panel, answers)
    saved = panel.save_as(tmp_path / "out" / "letter")
    assert saved is None  # the folder does not exist: said in words, nothing written
    (tmp_path / "out").mkdir()
    saved = panel.save_as(tmp_path / "out" / "letter")
    assert saved == tmp_path / "out" / "letter.pdf"
    verdict = svc.verify_pdf(saved, store=panel.session.store)
    assert verdict.ok and verdict.payload["n"] == issued.doc_number
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["letter.pdf"]  # no temporary left


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "磁盘已满"), (errno.EROFS, "该文件夹是只读的"), (errno.EACCES, "没有写入权限")],
)
def test_a_full_disk_or_read_only_folder_loses_nothing(
    panel: LettersPanel,
    answers: list[str],
    boxes: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    words: str,
) -> None:
    _issue(panel, answers)
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"the earlier copy")

    def refuse(*_a: Any, **_k: Any) -> None:
        raise OSError(code, "refused")

    monkeypatch.setattr("qt_app.ui.letters.files.os.replace", refuse)
    assert panel.save_as(target) is None
    assert boxes[-1].startswith("无法保存: ") and words in boxes[-1] and "仍在登记簿中" in boxes[-1]
    assert target.read_bytes() == b"the earlier copy"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["letter.pdf"]
    assert _cell(panel, COL_NUMBER) == NUMBER_1


def test_printing_renders_every_page_at_the_printer_resolution(
    panel: LettersPanel, answers: list[str], tmp_path: Path
) -> None:
    _issue(panel, answers)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert panel.print_letter(printer)
    pages = panel.preview_pane.document.pageCount()
    buffer = QBuffer()
    buffer.setData(QByteArray(out.read_bytes()))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    printed = QPdfDocument()
    printed.load(buffer)
    assert printed.pageCount() == pages > 0
    image = printed.render(0, printed.pagePointSize(0).toSize() * 2)
    assert _ink(image) > 0.01  # the page is not blank


def _ink(image: QImage) -> float:
    """Share of sampled pixels that are dark (text, rules, seal)."""
    dark = total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            c = image.pixelColor(x, y)
            total += 1
            dark += c.alpha() > 0 and c.lightness() < 128
    return dark / total


@pytest.fixture
def verifier(sess: Session, boxes: list[str]) -> Iterator[VerifyDialog]:
    d = VerifyDialog(sess)
    d.resize(900, 700)
    yield d
    _dispose(d)


def _first_page_content(data: bytes) -> int:
    """Offset of the first byte of page 1's content stream."""
    m = re.search(rb"/Contents (\d+) 0 R", data)
    assert m is not None
    obj = data.index(b"\n" + m.group(1) + b" 0 obj")
    return data.index(b"stream\n", obj) + len(b"stream\n")


def test_the_verify_dialog_says_genuine_then_altered(
    panel: LettersPanel, answers: list[str], verifier: VerifyDialog, tmp_path: Path
) -> None:
    _issue(panel, answers)
    good = panel.save_as(tmp_path / "good.pdf")
    assert good is not None
    d = verifier
    verdict = d.verify_file(good)
    assert verdict is not None and verdict.ok
    assert d.headline_text() == "真实有效"
    lines = d.finding_lines()
    assert "✓  签名有效" in lines
    assert any(line.startswith("✓  签名单位：本机") for line in lines)
    assert "✓  本机登记簿：已登记，状态为“已出具”" in lines
    assert "✓  页面上的合计、金额、文号和企业与签名内容一致" in lines
    assert not any(line.startswith("✗") for line in lines)

    data = bytearray(good.read_bytes())
    at = _first_page_content(bytes(data)) + 40  # one byte of what page 1 draws
    data[at] ^= 0x01
    bad = tmp_path / "altered.pdf"
    bad.write_bytes(bytes(data))
    verdict = d.verify_file(bad)
    assert verdict is not None and not verdict.ok
    assert d.headline_text() == "已被修改"
    assert any(line.startswith("✗") for line in d.finding_lines())


def test_scanned_qr_text_verifies_and_a_voided_letter_does_not(
    panel: LettersPanel, answers: list[str], verifier: VerifyDialog, qtbot: QtBot
) -> None:
    issued = _issue(panel, answers)
    d = verifier
    QTest.keyClicks(d.qr_edit, issued.payload)  # a USB scanner types the code, then Enter
    QTest.keyClick(d.qr_edit, Qt.Key.Key_Return)
    assert d.verdict is not None and d.verdict.ok
    assert d.headline_text() == "真实有效"
    assert any(NUMBER_1 in line for line in d.finding_lines())

    answers.append("测算有误")
    panel.void()
    d.verify_text(issued.payload)
    assert d.headline_text() == "已作废"
    assert "✗  本机登记簿：已登记，状态为“已作废”" in d.finding_lines()

    tampered = issued.payload.replace(issued.payload[10], "A" if issued.payload[10] != "A" else "B", 1)
    d.verify_text(tampered)
    assert d.headline_text() in ("已被修改", "无法核验")
    assert d.verdict is not None and not d.verdict.ok


def test_dropping_a_pdf_on_the_verify_dialog_checks_it(
    panel: LettersPanel, answers: list[str], verifier: VerifyDialog, tmp_path: Path
) -> None:
    _issue(panel, answers)
    saved = panel.save_as(tmp_path / "dropped.pdf")
    assert saved is not None
    d = verifier
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(saved))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    d.dropEvent(drop)
    assert d.headline_text() == "真实有效"
    assert "dropped.pdf" in d.source_label.text()


def test_a_file_that_is_not_a_letter_cannot_be_verified(verifier: VerifyDialog, tmp_path: Path) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    d = verifier
    d.verify_file(junk)
    assert d.headline_text() == "无法核验"
    assert "✗  文件不是有效的 PDF" in d.finding_lines()


def test_batch_letters_for_three_firms(
    panel: LettersPanel, qtbot: QtBot, tmp_path: Path, boxes: list[str]
) -> None:
    ids = [f.id for f, _v in _firms(panel.session)[:3]]
    out = tmp_path / "batch"
    run = panel.start_batch(ids, out)
    assert run is not None and run.dialog.maximum() == 3 and run.dialog.isVisible()
    with qtbot.waitSignal(run.done, timeout=30_000) as done:
        pass
    result = done.args[0]
    assert not result.cancelled and not result.failed
    files = sorted(out.glob("*.pdf"))
    assert len(files) == 3
    assert all(svc.verify_pdf(f, store=panel.session.store).signature_valid for f in files)
    assert boxes[-1].startswith("批量生成告知函: 已生成 3 份告知函")
    assert panel._batch is None


def test_a_batch_can_be_cancelled(
    panel: LettersPanel, qtbot: QtBot, tmp_path: Path, boxes: list[str]
) -> None:
    ids = [f.id for f, _v in _firms(panel.session)[:3]]
    out = tmp_path / "batch"
    run = panel.start_batch(ids, out)
    assert run is not None
    cancel = run.dialog.findChild(QPushButton)
    assert cancel is not None
    cancel.click()  # 取消, pressed while the first letter is being written
    with qtbot.waitSignal(run.done, timeout=30_000) as done:
        pass
    assert done.args[0].cancelled
    assert len(list(out.glob("*.pdf"))) < 3
    assert "已按要求停止" in boxes[-1]


def test_the_register_model_passes_the_model_tester(panel: LettersPanel, answers: list[str]) -> None:
    _issue(panel, answers)
    panel.generate_draft()
    model = LetterTableModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_records(svc.search_letters(panel.session.store))
    assert model.rowCount() == 2 and model.columnCount() == 6
    assert tester is not None
    model.lang = "en"
    assert model.index(1, COL_STATUS).data() == "Issued"


def test_every_panel_string_has_an_english_translation() -> None:
    root = Path(__file__).resolve().parents[2] / "qt_app" / "ui" / "letters"
    found = {
        node.args[0].value
        for f in root.glob("*.py")
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "tr"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }
    assert found and not sorted(found - set(EN))
    assert all(EN[k] for k in found)
