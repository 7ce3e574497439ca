"""The panel interface (面板接口): what the window asks of every screen, and the firm they all show.

Every screen subclasses `Panel`: it gets the session and the hub, shows the `FirmOnScreen` the editor
publishes, refreshes from change notices, and retranslates itself. A hidden panel only notes that it is
stale and refreshes when it is next shown, so typing in the editor recomputes only what is on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from qt_app.services.operations import OpChanges
from qt_app.ui.hub import Hub

if TYPE_CHECKING:  # the firm list paints before the domain models load (see ui.startup)
    from qt_app.domain.firm import Firm
    from qt_app.domain.variants import Variant
    from qt_app.services.session import Session


@dataclass(frozen=True)
class FirmOnScreen:
    """The firm being edited: its parsed draft, or (firm None) what is still missing, in words."""

    firm_id: str = ""
    name: str = ""
    firm: Firm | None = None
    variants: tuple[Variant, ...] = ()
    waiting: str = ""  # why there is no package yet, e.g. "填写必填项后测算：企业名称、统一社会信用代码"
    is_new: bool = False
    variant: str = ""  # the variant being edited (its name); "" while the base is edited

    @classmethod
    def of(
        cls, firm: Firm, variants: tuple[Variant, ...] = (), is_new: bool = False, variant: str = ""
    ) -> FirmOnScreen:
        return cls(firm.id, firm.name, firm, tuple(variants), is_new=is_new, variant=variant)


NO_FIRM = FirmOnScreen()


class Panel(QWidget):
    """A screen of the main window. Subclasses implement `refresh` and `retranslate`."""

    statusMessage = Signal(str)  # a short line for the status bar: what just happened
    firmActivated = Signal(str)  # open this firm in the editor (e.g. a row of the exposure table)
    newVariantRequested = Signal(str)  # 新建方案 starting from this variant ("" the base) of the shown firm
    compareRequested = Signal(list)  # show these variants (names) side by side in 方案对比

    def __init__(self, session: Session, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.hub = hub
        self.shown: FirmOnScreen = NO_FIRM
        self._stale = False
        hub.changed.connect(self.on_changes)
        hub.firmShown.connect(self.show_firm)

    # -- the interface the window and the hub call ---------------------------------------------------------
    def show_firm(self, shown: FirmOnScreen) -> None:
        """The firm being edited changed (another firm, or a live edit of the same one)."""
        self.shown = shown
        self.request_refresh()

    def on_changes(self, changes: OpChanges) -> None:
        """An operation changed data; refresh when it touches what this panel shows."""
        if self.affected_by(changes):
            self.request_refresh()

    def retranslate(self) -> None:
        """Put every text in the current language (called on a language change)."""

    def show_variants(self, names: list[str]) -> None:
        """Show these variants of the firm side by side (方案对比 does; other panels have nothing to do)."""

    def refresh(self) -> None:
        """Fill the panel from the session and `self.shown`."""

    # -- helpers ------------------------------------------------------------------------------------------
    def affected_by(self, changes: OpChanges) -> bool:
        """By default: the shown firm's package may differ (its record, its offer, the policy)."""
        return changes.package_of(self.shown.firm_id) if self.shown.firm_id else changes.policy

    def request_refresh(self) -> None:
        if self.isVisible():
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.request_refresh()
        super().changeEvent(event)
