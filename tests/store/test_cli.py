"""The headless commands: firms import/export/search, backup, restore, bundles."""

from __future__ import annotations

from pathlib import Path

import pytest

from qt_app.cli import main
from qt_app.services.firms import open_store
from qt_app.store.db import DB_NAME
from tests.store.conftest import code_for


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_search_export_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    src = tmp_path / "in.csv"
    src.write_text(
        f"企业名称,统一社会信用代码,负责人\n青田星河数字科技有限公司,{code_for(1)},王建国\n", encoding="utf-8"
    )
    code, out, _ = _run(capsys, "firms", "import", str(src), "--data-dir", data)
    assert code == 0 and "新增1" in out
    code, out, _ = _run(capsys, "--data-dir", data, "firms", "search", "qtxh")
    assert code == 0 and "青田星河数字科技有限公司" in out and code_for(1) in out
    code, out, _ = _run(
        capsys, "--lang", "en", "firms", "export", str(tmp_path / "out.xlsx"), "--data-dir", data
    )
    assert code == 0 and "Exported 1 firms" in out and (tmp_path / "out.xlsx").exists()


def test_bad_input_exits_2_with_the_report_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "d")
    src = tmp_path / "bad.csv"
    src.write_text(
        f"企业名称,统一社会信用代码,2026年销售收入（万元）\n好公司,{code_for(1)},3000\n坏公司,{code_for(2)},很多\n",
        encoding="utf-8",
    )
    code, _, err = _run(capsys, "firms", "import", str(src), "--data-dir", data)
    assert code == 2
    assert f"{src}: 第3行 [2026年销售收入（万元）]" in err and "未写入任何数据" in err
    store = open_store(data, auto_backup=False)
    assert store.count_firms() == 0
    store.close()
    code, out, _ = _run(capsys, "firms", "import", str(src), "--skip-invalid", "--data-dir", data)
    assert code == 0 and "新增1" in out and "有误1" in out


def test_import_is_refused_clearly_while_the_app_has_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    app = open_store(data)
    src = tmp_path / "in.csv"
    src.write_text(f"企业名称,统一社会信用代码\n青田公司,{code_for(1)}\n", encoding="utf-8")
    code, _, err = _run(capsys, "firms", "import", str(src), "--data-dir", str(data))
    app.close()
    assert code == 2 and "另一个" in err and "无法写入" in err


def test_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "d"
    _run(capsys, "firms", "demo", "--data-dir", str(data))
    target = tmp_path / "copy.sqlite3"
    code, out, _ = _run(capsys, "backup", "--to", str(target), "--data-dir", str(data))
    assert code == 0 and str(target) in out
    store = open_store(data, auto_backup=False)
    store.delete_firm(store.list_firms()[0].id)
    store.close()
    code, out, _ = _run(capsys, "restore", str(target), "--data-dir", str(data))
    assert code == 0 and "已从" in out
    store = open_store(data, auto_backup=False)
    assert store.count_firms() == 30 and store.trash() == []
    store.close()


def test_restore_replaces_a_damaged_file_and_keeps_it_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    _run(capsys, "firms", "demo", "--data-dir", str(data))
    target = tmp_path / "copy.sqlite3"
    _run(capsys, "backup", "--to", str(target), "--data-dir", str(data))
    (data / DB_NAME).write_bytes(b"garbage" * 1000)
    code, _, err = _run(capsys, "firms", "search", "青田", "--data-dir", str(data))
    assert code == 2 and "不是数据库" in err
    code, out, _ = _run(capsys, "restore", str(target), "--data-dir", str(data))
    assert code == 0 and "损坏的文件已改名保留" in out
    damaged = list(data.glob("offer-desk-damaged-*.sqlite3"))
    assert len(damaged) == 1 and damaged[0].read_bytes() == b"garbage" * 1000
    code, out, _ = _run(capsys, "firms", "search", "有限公司", "--data-dir", str(data))
    assert code == 0 and "共 29 家" in out


def test_bundles_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    milan, hq, path = tmp_path / "milan", tmp_path / "hq", tmp_path / "milan.bundle.json"
    _run(capsys, "firms", "demo", "--data-dir", str(milan))
    assert _run(capsys, "bundle", "export", str(path), "--data-dir", str(milan))[0] == 0
    code, _, err = _run(capsys, "bundle", "import", str(path), "--data-dir", str(hq))
    assert (
        code == 2 and "未受信任" in err and "python -m qt_app keys import" in err
    )  # HQ does not trust Milan yet
    code, out, _ = _run(capsys, "--data-dir", str(milan), "keys", "show")
    key_file = out.splitlines()[1].split(": ", 1)[1]
    assert (
        _run(capsys, "keys", "show", "--data-dir", str(milan))[1] == out
    )  # either place, as bundle takes it
    assert _run(capsys, "keys", "import", key_file, "--label", "milan", "--data-dir", str(hq))[0] == 0
    code, out, _ = _run(capsys, "bundle", "import", str(path), "--data-dir", str(hq))
    assert code == 0 and "新增30" in out and "签名核验通过" in out


def test_dry_run_reports_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    src = tmp_path / "in.csv"
    src.write_text(f"企业名称,统一社会信用代码\n青田公司,{code_for(1)}\n坏公司,123\n", encoding="utf-8")
    code, out, err = _run(
        capsys, "--lang", "en", "firms", "import", str(src), "--dry-run", "--data-dir", data
    )
    assert code == 2 and "row 3 [统一社会信用代码]" in err and "1 new" in out and "nothing written" in out
    code, out, _ = _run(
        capsys, "firms", "import", str(src), "--dry-run", "--skip-invalid", "--data-dir", data
    )
    assert code == 0
    store = open_store(data, auto_backup=False)
    assert store.count_firms() == 0
    store.close()
