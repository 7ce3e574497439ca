"""`office role`, `bundle export|import|conflicts|resolve` from the command line, as an officer at headquarters
and one at the Milan outpost would run them: conflicts listed with what differs, settled by a person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qt_app.cli import main
from qt_app.services import ledger as L
from qt_app.services.firms import open_store
from tests.store.conftest import make_firm, trust
from tests.store.ledger_fixtures import actuals_file, evidence, issue_letter, landed_firm, scan


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _pin_hq(capsys: pytest.CaptureFixture[str], hq: Path, outpost: Path) -> None:
    """The outpost trusts headquarters' key and pins it, as its officer does after checking it by phone."""
    code, out, _ = _run(capsys, "office", "hq-key", trust(hq, outpost), "--data-dir", str(outpost))
    assert code == 0 and "总部密钥已指定" in out


def test_the_office_role_is_shown_and_set_headless(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "milan")
    code, out, _ = _run(capsys, "office", "role", "--data-dir", data)
    assert code == 0 and "本机角色：hq" in out and "总部" in out  # a single installation is headquarters
    code, out, _ = _run(
        capsys, "--lang", "en", "office", "role", "outpost", "--who", "叶海峰", "--data-dir", data
    )
    assert code == 0 and "now: outpost" in out and "records actuals" in out
    with open_store(data, auto_backup=False) as store:
        assert store.get_setting("office_role") == "outpost"
        assert store.audit_log("settings", "office_role")[-1]["who"] == "叶海峰"
    with pytest.raises(SystemExit) as bad:
        main(["office", "role", "chief", "--data-dir", data])
    assert bad.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def _actuals(store_dir: Path, firm: object, amount: str, folder: Path, with_scan: bool = False) -> None:
    file = scan(folder) if with_scan else None
    years = {"2027": {"revenue": {"amount": amount, "evidence": evidence(file=file)}}}
    with open_store(store_dir, auto_backup=False) as store:
        L.record_actuals_file(store, actuals_file(folder, firm, years), who=store_dir.name)


def test_conflicts_are_listed_with_what_differs_and_settled_by_a_person(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hq, milan = tmp_path / "hq", tmp_path / "milan"
    firm = landed_firm(1, grade="C")
    with open_store(hq, auto_backup=False) as store:
        issue_letter(store, firm)
        store.save_firm(make_firm(2, notes="总部"))
    _pin_hq(capsys, hq, milan)
    trust(milan, hq)
    assert _run(capsys, "office", "role", "outpost", "--data-dir", str(milan))[0] == 0
    code, out, _ = _run(capsys, "bundle", "export", str(tmp_path / "hq.json"), "--data-dir", str(hq))
    assert code == 0 and "2 家企业" in out and "告知函1份" in out and "本机角色：总部" in out
    assert _run(capsys, "bundle", "import", str(tmp_path / "hq.json"), "--data-dir", str(milan))[0] == 0
    _actuals(hq, firm, "6000万", tmp_path / "a")
    _actuals(milan, firm, "5800万", tmp_path / "b", with_scan=True)
    with open_store(milan, auto_backup=False) as store:
        store.save_firm(make_firm(2, notes="米兰"))
    with open_store(hq, auto_backup=False) as store:
        store.save_firm(make_firm(2, notes="总部改过"))

    code, out, _ = _run(capsys, "bundle", "export", str(tmp_path / "milan.json"), "--data-dir", str(milan))
    assert code == 0 and "实绩1个年度（扫描件1份）" in out and "联络处" in out
    code, out, err = _run(capsys, "bundle", "import", str(tmp_path / "milan.json"), "--data-dir", str(hq))
    assert code == 0 and "冲突1" in out and "实绩：" in out and "2027年实绩两边登记的不同" in err

    code, out, _ = _run(capsys, "bundle", "conflicts", "--data-dir", str(hq))
    assert code == 0 and "待处理的冲突：2" in out
    assert (
        "企业档案" in out
        and "不同之处：备注" in out  # the editor's label, not the field's key
        and f"bundle resolve {make_firm(2).id} --keep local|remote" in out
    )
    assert "2027年实绩" in out and "经审计销售收入" in out and f"bundle resolve {firm.id} --year 2027" in out
    assert "milan" in out and "hq" in out  # who recorded each side
    code, out, _ = _run(
        capsys, "--lang", "en", "bundle", "conflicts", "--format", "json", "--data-dir", str(hq)
    )
    listed = json.loads(out)
    assert {(c["kind"], c["firm_id"], c["year"]) for c in listed} == {
        ("firm", make_firm(2).id, None),
        ("actuals", firm.id, 2027),
    }
    assert next(c for c in listed if c["kind"] == "actuals")["differs"] == ["revenue"]

    code, _, err = _run(
        capsys, "bundle", "resolve", firm.id, "--year", "2026", "--keep", "remote", "--data-dir", str(hq)
    )
    assert code == 2 and "没有待处理的2026年实绩冲突" in err and "--year 2027" in err
    code, out, _ = _run(
        capsys, "bundle", "resolve", firm.uscc, "--year", "2027", "--keep", "remote", "--who", "李主任",
        "--data-dir", str(hq),
    )  # fmt: skip
    assert code == 0 and "已保留对方的版本" in out and "2027年实绩" in out
    code, out, _ = _run(
        capsys, "bundle", "resolve", make_firm(2).id, "--keep", "local", "--data-dir", str(hq)
    )
    assert code == 0 and "已保留本机的版本" in out
    assert "待处理的冲突：0" in _run(capsys, "bundle", "conflicts", "--data-dir", str(hq))[1]
    with open_store(hq, auto_backup=False) as store:
        assert store.ledger.actuals(firm.id)[2027]["revenue"]["amount"] == "58000000.00"
        assert store.get_firm(make_firm(2).id)[0].notes == "总部改过"

    # the choices travel: nothing conflicts on the way back
    _run(capsys, "bundle", "export", str(tmp_path / "back.json"), "--data-dir", str(hq))
    code, out, err = _run(capsys, "bundle", "import", str(tmp_path / "back.json"), "--data-dir", str(milan))
    assert code == 0 and "冲突0" in out and "冲突" not in err
    with open_store(milan, auto_backup=False) as store:
        assert store.get_firm(make_firm(2).id)[0].notes == "总部改过"


def test_a_payment_at_the_outpost_is_refused_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hq, milan = tmp_path / "hq", tmp_path / "milan"
    firm = landed_firm(3, grade="C")
    with open_store(hq, auto_backup=False) as store:
        issue_letter(store, firm)
    _pin_hq(capsys, hq, milan)
    _run(capsys, "office", "role", "outpost", "--data-dir", str(milan))
    _run(capsys, "bundle", "export", str(tmp_path / "hq.json"), "--data-dir", str(hq))
    _run(capsys, "bundle", "import", str(tmp_path / "hq.json"), "--data-dir", str(milan))
    years = {"2026": {"revenue": {"amount": "1.2亿", "evidence": evidence()}}}
    path = actuals_file(tmp_path / "m", firm, years)
    assert _run(capsys, "ledger", "record", str(path), "--data-dir", str(milan))[0] == 0
    code, out, _ = _run(
        capsys, "ledger", "claim", "apply", firm.id, "--item", "revenue", "--year", "2026", "--date", "2027-04-01",
        "--format", "json", "--data-dir", str(milan),
    )  # fmt: skip
    assert code == 0
    (claim,) = json.loads(out)["claims"]
    code, _, err = _run(
        capsys, "ledger", "claim", "review", claim, "--amount", "150万", "--reviewer", "叶海峰", "--date",
        "2027-04-10", "--data-dir", str(milan),
    )  # fmt: skip
    assert code == 2 and "step: 本机设为联络处，不能登记审核" in err and "付款记录只在总部形成" in err
