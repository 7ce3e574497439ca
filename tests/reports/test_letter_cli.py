"""`letter`, `verify` and `keys` as an officer types them: files written, verdicts printed, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from qt_app.cli import main
from tests.reports.conftest import pdftotext, squash

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "xinghe-digital.json"


def test_letter_command_writes_a_draft_that_verifies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "letter.pdf"
    assert main(["letter", str(EXAMPLE), "--variant", "conservative", "-o", str(out)]) == 0
    text = squash(pdftotext(out))
    assert "青田星河数字科技有限公司" in text and "草稿（未编号）" in text
    assert "测算方案：保守方案" in text
    capsys.readouterr()
    assert main(["verify", str(out)]) == 0
    said = capsys.readouterr().out
    assert "签名：有效" in said and "这是草稿" in said and "结论：通过" in said
    assert main(["--lang", "en", "verify", str(out)]) == 0
    assert "Result: PASS" in capsys.readouterr().out


def test_bilingual_option(tmp_path: Path) -> None:
    out = tmp_path / "bi.pdf"
    assert main(["letter", str(EXAMPLE), "--lang", "zh+en", "-o", str(out)]) == 0
    assert "Schedule A" in pdftotext(out)


def test_verify_a_tampered_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "letter.pdf"
    assert main(["letter", str(EXAMPLE), "-o", str(out)]) == 0
    data = bytearray(out.read_bytes())
    at = data.index(b"stream\n") + 40  # inside the first page's content stream
    data[at] ^= 0x01
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["verify", str(bad)]) == 1
    assert "结论：未通过" in capsys.readouterr().out


def test_verify_qr_text_and_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--qr-text", "not a code"]) == 2
    assert "不是本软件出具的告知函验证码" in capsys.readouterr().out
    assert main(["verify"]) == 2
    assert "二选一" in capsys.readouterr().err
    assert main(["verify", "/no/such/file.pdf"]) == 2
    assert "找不到文件" in capsys.readouterr().err


def test_bad_firm_file_exits_2_with_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    firm = tmp_path / "firm.json"
    firm.write_text(json.dumps({"name": "", "uscc": "123"}), encoding="utf-8")
    assert main(["letter", str(firm), "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "name" in err and "uscc" in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_keys_show_and_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "keys", "show"]) == 0
    shown = capsys.readouterr().out
    pub = other / "keys" / "signing_key.pub.pem"
    assert pub.exists() and "公钥指纹" in shown
    fingerprint = shown.splitlines()[0].split(": ")[1]
    assert main(["keys", "import", str(pub), "--label", "rome"]) == 0
    assert fingerprint in capsys.readouterr().out
    assert main(["keys", "show"]) == 0
    assert fingerprint in capsys.readouterr().out.split("已导入的公钥：")[1]
    assert main(["keys", "import", str(tmp_path / "missing.pem")]) == 2


def test_python_m_qt_app_letter_runs_headless(tmp_path: Path) -> None:
    out = tmp_path / "headless.pdf"
    env_run = subprocess.run(
        [sys.executable, "-m", "qt_app", "letter", str(EXAMPLE), "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert env_run.returncode == 0, env_run.stderr
    assert out.read_bytes().startswith(b"%PDF-")


def test_verify_consults_this_offices_register(
    tmp_path: Path, _private_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from qt_app.services import letters as svc
    from qt_app.services.firms import open_store
    from tests.reports.factories import make_firm, make_package, make_policy

    with open_store(_private_data_dir) as store:
        firm = make_firm()
        store.save_firm(firm)
        letter_id = svc.create_draft(store, firm, None, make_package(firm), make_policy())
        svc.submit_letter(store, letter_id, "小王")
        svc.approve_letter(store, letter_id, "李主任")
        rec = svc.issue_letter(store, letter_id, "小王")
        pdf = tmp_path / "issued.pdf"
        pdf.write_bytes(svc.letter_pdf(store, letter_id))
    capsys.readouterr()
    assert main(["verify", str(pdf)]) == 0
    said = capsys.readouterr().out
    assert "登记簿：已登记（状态：已出具）" in said and rec.doc_number in said
    assert main(["verify", "--qr-text", rec.payload]) == 0
    assert "结论：通过" in capsys.readouterr().out
