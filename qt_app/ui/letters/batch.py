"""Batch letters (批量生成): choose several firms, write their draft letters into a folder off the UI thread.

`BatchDialog` picks firms, folder and language; `BatchRun` runs `batch_letters` on the thread pool with a
progress dialog whose cancel button stops before the next firm (files already written stay).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QStandardPaths, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qt_app.reports.signing import KeyRing
from qt_app.reports.snapshot import LetterTerms
from qt_app.services.letter_batch import BatchResult, LetterJob, batch_letters

FIRM_LIMIT = 2000  # the chooser lists at most this many firms; the search box narrows them


def default_folder() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs or Path.home()) / "告知函"


class BatchDialog(QDialog):
    """Which firms (ticked), which folder, which language."""

    def __init__(self, firms: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("批量生成告知函"))
        self._firms = list(firms)  # (id, name)
        self._checked: set[str] = set()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按企业名称筛选"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill)
        self.list = QListWidget()
        self.list.itemChanged.connect(self._item_changed)
        all_button = QPushButton(self.tr("全选"))
        all_button.clicked.connect(lambda: self._check_all(True))
        none_button = QPushButton(self.tr("全不选"))
        none_button.clicked.connect(lambda: self._check_all(False))
        self.count = QLabel()
        picks = QHBoxLayout()
        picks.addWidget(all_button)
        picks.addWidget(none_button)
        picks.addStretch(1)
        picks.addWidget(self.count)

        self.language = QComboBox()
        self.language.addItem(self.tr("中文"), "zh")
        self.language.addItem(self.tr("中文 + 英文（境外投资者）"), "zh+en")
        self.folder = QLineEdit(str(default_folder()))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("语言："), self.language)
        form.addRow(self.tr("保存到："), folder_row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("开始生成"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("勾选要生成告知函（草稿，按基准方案）的企业：")))
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(picks)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(560, 560)
        self._fill()

    def _fill(self) -> None:
        query = self.search.text().strip().lower()
        self.list.blockSignals(True)
        self.list.clear()
        for firm_id, name in self._firms:
            if query and query not in name.lower():
                continue
            item = QListWidgetItem(name or self.tr("（未命名企业）"), self.list)
            item.setData(Qt.ItemDataRole.UserRole, firm_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = firm_id in self._checked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._update_count()

    def _item_changed(self, item: QListWidgetItem) -> None:
        firm_id = str(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self._checked.add(firm_id)
        else:
            self._checked.discard(firm_id)
        self._update_count()

    def _check_all(self, on: bool) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _update_count(self) -> None:
        self.count.setText(self.tr("已选 {n} 家").format(n=len(self._checked)))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self._checked))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择保存告知函的文件夹"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def set_checked(self, firm_ids: Sequence[str]) -> None:
        self._checked = set(firm_ids)
        self._fill()

    def chosen_ids(self) -> list[str]:
        """Ticked firms, in the list's order."""
        return [fid for fid, _ in self._firms if fid in self._checked]

    def out_dir(self) -> Path:
        return Path(self.folder.text().strip() or str(default_folder()))

    def chosen_language(self) -> str:
        return str(self.language.currentData())


class _Signals(QObject):
    progressed = Signal(int, int, str)  # firms done, firms in all, the firm now being written
    finished = Signal(object)  # BatchResult
    failed = Signal(object)  # an exception batch_letters did not turn into a per-firm failure


class _Worker(QRunnable):
    def __init__(self, run: BatchRun) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._run = run

    def run(self) -> None:
        r = self._run
        try:
            result = batch_letters(
                r.jobs,
                r.out_dir,
                r.policy,
                r.terms,
                r.language,
                progress=lambda i, n, name: r.signals.progressed.emit(i, n, name),
                cancel=r.cancel_event,
                keyring=r.keyring,
            )
        except Exception as e:  # handed to the UI thread and shown in words there
            r.signals.failed.emit(e)
            return
        r.signals.finished.emit(result)


class BatchRun(QObject):
    """One batch in flight: its progress dialog, its cancel flag, and the result when done."""

    done = Signal(object)  # BatchResult (also when cancelled: result.cancelled is True)
    error = Signal(object)  # an exception

    def __init__(
        self,
        jobs: Sequence[LetterJob],
        out_dir: Path,
        policy: Any,
        terms: LetterTerms,
        language: str,
        keyring: KeyRing,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.jobs = list(jobs)
        self.out_dir = out_dir
        self.policy = policy
        self.terms = terms
        self.language = language
        self.keyring = keyring
        self.cancel_event = threading.Event()
        self.result: BatchResult | None = None
        self.signals = _Signals()
        self.signals.progressed.connect(self._progressed)
        self.signals.finished.connect(self._finished)
        self.signals.failed.connect(self._failed)
        n = len(self.jobs)
        self.dialog = QProgressDialog(self.tr("正在生成告知函…"), self.tr("取消"), 0, n, parent)
        self.dialog.setWindowTitle(self.tr("批量生成告知函"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(420)
        self.dialog.canceled.connect(self.cancel)
        self._worker = _Worker(self)

    def start(self) -> None:
        self.dialog.setValue(0)
        self.dialog.show()
        QThreadPool.globalInstance().start(self._worker)

    def cancel(self) -> None:
        """Stop before the next firm (the one being written is finished)."""
        self.cancel_event.set()
        self.dialog.setLabelText(self.tr("正在停止…"))

    def _progressed(self, i: int, n: int, name: str) -> None:
        if self.cancel_event.is_set():
            return
        self.dialog.setMaximum(n)
        self.dialog.setValue(i)
        if name:
            self.dialog.setLabelText(
                self.tr("正在生成第 {i} / {n} 份：{name}").format(i=i + 1, n=n, name=name)
            )

    def _close(self) -> None:
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()

    def _finished(self, result: BatchResult) -> None:
        self.result = result
        self._close()
        self.done.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._close()
        self.error.emit(exc)
