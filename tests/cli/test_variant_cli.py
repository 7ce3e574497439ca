"""Variants on the command line: one firm's file exported and simulated by name or label, a policy assumption
never made into a letter, the search list's totals written as on screen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qt_app.cli import main
from qt_app.domain.firm_io import load_firm_file
from qt_app.domain.money_format import money
from qt_app.domain.policy_loader import default_policy
from qt_app.domain.simulate import simulate
from qt_app.services.firms import open_store
from qt_app.services.operations import firms as firm_ops
from qt_app.services.session import Session

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "xinghe-digital.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


FIRM, VARIANTS = load_firm_file(EXAMPLE)  # its id is made once here: the file has none


@pytest.fixture
def data(tmp_path: Path) -> str:
    folder = tmp_path / "desk"
    with open_store(folder, auto_backup=False) as store:
        firm_ops.save_firm(Session(store, [default_policy()]), FIRM, VARIANTS)
    return str(folder)


def test_one_firm_exported_simulates_each_variant_by_name_or_label(
    data: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    firm, variants = FIRM, VARIANTS
    out_file = tmp_path / "one.json"
    code, out, _ = run(capsys, "firms", "export", str(out_file), "--firm", firm.id, "--data-dir", data)
    assert code == 0 and "企业文件" in out
    assert load_firm_file(out_file) == (firm, variants)
    for variant in variants:
        by_name = run(capsys, "simulate", str(out_file), "--variant", variant.name, "--format", "json")
        by_label = run(capsys, "simulate", str(out_file), "--variant", variant.label, "--format", "json")
        assert by_name[0] == 0 and by_name[1] == by_label[1]
        assert (
            json.loads(by_name[1])["totals"]["total_fen"] == simulate(firm, default_policy(), variant).total
        )
    code, _out, err = run(
        capsys, "firms", "export", str(tmp_path / "one.xlsx"), "--firm", firm.id, "--data-dir", data
    )
    assert code == 2 and ".json" in err


def test_a_policy_assumption_is_not_put_on_a_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys, "letter", str(EXAMPLE), "--variant", "higher-rent-cap", "-o", str(tmp_path / "l.pdf")
    )
    assert code == 2 and "政策参数假设" in err and not (tmp_path / "l.pdf").exists()


def test_search_writes_totals_as_the_screens_do(data: str, capsys: pytest.CaptureFixture[str]) -> None:
    total = simulate(FIRM, default_policy()).total
    code, out, _ = run(capsys, "firms", "search", "星河", "--data-dir", data)
    assert code == 0 and money(total) in out
    code, out, _ = run(capsys, "--lang", "en", "firms", "search", "星河", "--data-dir", data)
    assert code == 0 and money(total, "en") in out
