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
    assert main(["verify", str(out)]) == 4  # a draft: its own verdict and exit code, never 通过
    said = capsys.readouterr().out
    assert "签名：有效" in said and "这是草稿" in said and "结论：草稿" in said and "结论：通过" not in said
    assert main(["--lang", "en", "verify", str(out)]) == 4
    assert "Result: DRAFT" in capsys.readouterr().out


def test_bilingual_option(tmp_path: Path) -> None:
    out = tmp_path / "bi.pdf"
    assert main(["letter", str(EXAMPLE), "--lang", "zh+en", "-o", str(out)]) == 0
    assert "Estimated support" in pdftotext(out) and "Annex 1" in pdftotext(out)


def test_verify_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """0 pass, 1 altered, 2 not a letter, 3 re-saved, 5 key not imported (4 draft: above)."""
    from qt_app.reports.signing import KeyRing
    from qt_app.services.letters import render_letter
    from tests.reports.conftest import edit_text
    from tests.reports.factories import CONTACT, make_firm, make_package, make_policy

    firm = make_firm()
    data = render_letter(
        firm, None, make_package(firm), make_policy(), CONTACT, "zh", False, doc_number="青招〔2026〕9号",
        keyring=KeyRing(tmp_path / "office"),
    )  # fmt: skip
    issued, edited, copy = tmp_path / "issued.pdf", tmp_path / "edited.pdf", tmp_path / "copy.pdf"
    issued.write_bytes(data)
    edited.write_bytes(edit_text(data, "350,400.00", "850,400.00"))
    subprocess.run(["qpdf", "--object-streams=generate", str(issued), str(copy)], check=True)
    office = ["--data-dir", str(tmp_path / "office")]
    capsys.readouterr()
    assert main([*office, "verify", str(issued)]) == 0
    assert main([*office, "verify", str(edited)]) == 1
    assert "结论：未通过" in capsys.readouterr().out
    assert main([*office, "verify", str(copy)]) == 3
    assert "结论：内容一致，文件已被另存" in capsys.readouterr().out
    assert main(["verify", str(issued)]) == 5  # another installation, key not imported
    (tmp_path / "junk.pdf").write_bytes(b"%PDF-1.4\n%%EOF")
    assert main([*office, "verify", str(tmp_path / "junk.pdf")]) == 2


def test_an_excluded_firm_gets_a_notice_from_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    firm = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    firm["is_trading"] = True
    path = tmp_path / "trading.json"
    path.write_text(json.dumps(firm, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "notice.pdf"
    assert main(["letter", str(path), "-o", str(out)]) == 0
    assert "不予支持告知函" in capsys.readouterr().out
    text = squash(pdftotext(out))
    assert "不予享受" in text and "¥0.00" not in text


def test_verify_qr_text_and_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--qr-text", "not a code"]) == 2
    assert "不是本软件出具的函件验证码" in capsys.readouterr().out
    assert main(["verify"]) == 2
    assert "请给出 PDF 文件或 --qr-text" in capsys.readouterr().err
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
    assert (
        f"{fingerprint}  rome" in capsys.readouterr().out.split("已导入的公钥：")[1]
    )  # the label says whose
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
