"""Nothing the firm file holds is lost in the editor: the first simulated year and the county's field decision
(认定) are typed by keyboard and read back from the database; a firm with every field survives open → save."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtTest import QTest

from qt_app.domain import uscc
from qt_app.domain.firm import (
    DomainRecognition,
    EntityType,
    Firm,
    HousingChoice,
    Loan,
    Location,
    ProjectLevel,
    ScenarioProject,
    ScienceProject,
    Stage,
    TalentGroup,
)
from qt_app.domain.money import wan
from qt_app.domain.variants import Variant
from qt_app.services.session import Session

from .keys import CTRL, Key, focused, press, tab_to, type_text


def full_firm(n: int = 1) -> Firm:
    """Every field of the firm file set to something other than its default."""
    return Firm(
        id=f"f-every{n:010d}",
        name="青田全字段数字科技有限公司",
        uscc=uscc.make_code("9", "1", uscc.QINGTIAN_REGION, f"ME{n:07d}"),
        entity_type=EntityType.RND_INSTITUTION,
        is_trading=False,
        is_headquarters=False,
        dishonest=False,
        registers_in_qingtian=True,
        mu_grade="B",
        grade="A",
        domains=("人工智能", "大数据"),
        recognition=DomainRecognition(True, "县经济商务科技局", date(2026, 2, 1), "大数据", "经局务会研究"),
        start_year=2027,
        location=Location("huaqiao_hq", Decimal("1200"), Decimal("1.5"), date(2026, 5, 1)),
        talents=(TalentGroup("A", 2, 2026, HousingChoice.APARTMENT), TalentGroup("C", 6, 2027)),
        revenue={2026: wan(3000), 2027: wan(8000)},
        compute_spend={2026: wan(500)},
        rnd_spend={2027: wan(900)},
        loans=(Loan("青田农商银行", wan(2000), 2026, 3, wan(20)),),
        science_projects=(ScienceProject("城市数字孪生", ProjectLevel.PROVINCIAL, wan(80), 2027),),
        scenario_projects=(ScenarioProject("侨乡文旅元宇宙", wan(600), 2027),),
        investment=wan(6000),
        uscc_note="",
        stage=Stage.NEGOTIATING,
        stage_reason="",
        owner="王晓",
        outpost="米兰",
        contact="叶海峰 13800000000",
        notes="多次面谈",
    )


def read_back(window: Any, firm_id: str) -> tuple[Firm, tuple[Variant, ...]]:
    """From a second session on the same file, as the next start of the app would read it."""
    again = Session.open(window.session.store.folder)
    try:
        return again.store.get_firm(firm_id)
    finally:
        again.close()


def test_start_year_and_the_recognition_typed_by_keyboard_are_stored(window: Any) -> None:
    firm = full_firm().with_changes(start_year=None, recognition=None, domains=("大数据",))
    window.session.store.save_firm(firm)
    window.open_firm(firm.id)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    ui = window.editor.ui
    ui.tabs.setCurrentWidget(ui.identityTab)
    ui.nameEdit.setFocus()
    tab_to(ui.startYearEdit)
    type_text("2027")
    tab_to(ui.recognitionGroup)
    press(Key.Key_Space)  # 领域认定: a decision was made
    tab_to(ui.recognisedCombo)
    press(Key.Key_End)  # 认定不属于…
    press(Key.Key_Home)  # …no: 认定为元宇宙相关领域
    tab_to(ui.recognitionDomainEdit)
    type_text("大数据")
    tab_to(ui.decidedByEdit)
    type_text("县经济商务科技局")
    tab_to(ui.decidedOnEdit)
    type_text("2026")
    type_text("03")
    type_text("05")
    tab_to(ui.recognitionNoteEdit)
    type_text("经局务会研究")
    assert focused() is ui.recognitionNoteEdit
    press(Key.Key_S, CTRL)
    assert not window.editor.dirty, ui.problemsLabel.text()
    stored, _ = read_back(window, firm.id)
    assert stored.start_year == 2027
    assert stored.recognition == DomainRecognition(
        True, "县经济商务科技局", date(2026, 3, 5), "大数据", "经局务会研究"
    )
    window.editor.announce_now()  # the pause after typing, skipped
    package = window.panel("package").package()
    assert package is not None and package.pending_total == 0 and package.total > 0  # recognised: paid


def test_a_recognition_without_who_decided_is_refused_in_words(window: Any) -> None:
    firm = full_firm(2).with_changes(recognition=None)
    window.session.store.save_firm(firm)
    window.open_firm(firm.id)
    ui = window.editor.ui
    ui.recognitionGroup.setChecked(True)
    assert "认定人 为空" in ui.problemsLabel.text()
    assert not ui.saveButton.isEnabled()
    ui.decidedByEdit.setText("县经济商务科技局")
    assert ui.saveButton.isEnabled()
    ui.startYearEdit.setText("1999")
    assert "测算起始年 年份应在2000–2100之间" in ui.problemsLabel.text()


def test_a_firm_with_every_field_survives_open_and_save_unchanged(window: Any) -> None:
    firm = full_firm(3)
    variants = (
        Variant("conservative", "保守方案", revenue_factor=Decimal("0.7")),
        Variant("v1", "迁入青创", firm_overrides={"location": replace(firm.location, site="qingchuang")}),  # type: ignore[arg-type]
        Variant("v2", "上限200万", param_overrides={"rent.cap_per_year": "200万"}),
    )
    window.session.store.save_firm(firm, variants)
    window.open_firm(firm.id)
    ed = window.editor
    assert not ed.dirty
    ed.ui.ownerEdit.setText("王晓晓")
    ed.ui.ownerEdit.setText("王晓")  # typed and typed back: a save with nothing changed
    assert ed.save() or not ed.dirty
    ed.ui.notesEdit.setPlainText("多次面谈，已签约意向")
    assert ed.save()
    stored, stored_variants = read_back(window, firm.id)
    assert stored == firm.with_changes(notes="多次面谈，已签约意向")
    assert stored_variants == variants
