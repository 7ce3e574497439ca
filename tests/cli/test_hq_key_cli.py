"""`office hq-key` as the Milan outpost's officer runs it: show, pin (fingerprint as `keys show` prints it),
clear; a wrong fingerprint is a message in the officer's language and exit code 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qt_app.cli import main
from qt_app.reports.signing import KeyRing, pretty_fingerprint
from qt_app.services.firms import open_store
from qt_app.store import audit
from tests.store.conftest import trust
from tests.store.ledger_fixtures import issue_letter, landed_firm

ROOT = Path(__file__).resolve().parents[2]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_hq_key_is_shown_pinned_and_cleared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hq, milan = tmp_path / "hq", tmp_path / "milan"
    fp = trust(hq, milan)
    shown = pretty_fingerprint(fp)
    code, out, _ = _run(capsys, "office", "role", "outpost", "--data-dir", str(milan))
    assert code == 0 and "请指定总部密钥（python -m qt_app office hq-key 指纹）" in out  # the next step, said
    code, out, _ = _run(capsys, "office", "hq-key", "--data-dir", str(milan))
    assert code == 0 and "尚未指定总部密钥：联络处只接收总部密钥签名的告知函和兑现记录" in out
    assert "python -m qt_app office hq-key 指纹" in out

    code, out, _ = _run(
        capsys, "office", "hq-key", *shown.split(), "--who", "叶海峰", "--data-dir", str(milan)
    )
    assert code == 0 and f"总部密钥已指定：{shown}" in out  # typed as `keys show` prints it, in four groups
    with open_store(milan, auto_backup=False) as store:
        assert store.get_setting("office_hq_key") == fp
        assert audit.entries(store.db, "settings", "office_hq_key")[-1]["who"] == "叶海峰"
    code, out, _ = _run(capsys, "--lang", "en", "office", "hq-key", "--data-dir", str(milan))
    assert code == 0 and out.strip() == f"Headquarters' key: {shown}"

    code, out, _ = _run(capsys, "office", "hq-key", "--clear", "--data-dir", str(milan))
    assert code == 0 and "已取消指定总部密钥" in out
    assert "尚未指定总部密钥" in _run(capsys, "office", "hq-key", "--data-dir", str(milan))[1]


@pytest.mark.parametrize(
    ("typed", "zh", "en"),
    [
        (("3F2A", "9C01"), "不是公钥指纹：应为16位十六进制数字", "is not a key fingerprint: 16 hex digits"),
        (("own",), "是本机自己的密钥，不能指定为总部密钥", "is this office's own key, not headquarters'"),
        (("unknown",), "的公钥：请先向总部索取公钥文件", "No key with the fingerprint"),
        (("hq", "--clear"), "指定指纹与 --clear 只能选一个", "Give a fingerprint or --clear, not both"),
    ],
)
def test_a_wrong_fingerprint_is_refused_in_words_and_the_pin_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: tuple[str, ...], zh: str, en: str
) -> None:
    hq, milan = tmp_path / "hq", tmp_path / "milan"
    fp = trust(hq, milan)
    keys = {
        "own": KeyRing(milan).fingerprint(),
        "unknown": KeyRing(tmp_path / "rome").fingerprint(),
        "hq": fp,
    }
    argv = [keys.get(t, t) for t in typed]
    assert _run(capsys, "office", "hq-key", fp, "--data-dir", str(milan))[0] == 0
    for lang, words in (("zh", zh), ("en", en)):
        code, out, err = _run(capsys, "--lang", lang, "office", "hq-key", *argv, "--data-dir", str(milan))
        assert code == 2 and words in err and "Traceback" not in err + out, err
    with open_store(milan, auto_backup=False) as store:
        assert store.get_setting("office_hq_key") == fp


def test_an_officer_pins_hq_in_a_shell_and_the_letters_then_arrive(tmp_path: Path) -> None:
    hq, milan = tmp_path / "hq", tmp_path / "milan"
    with open_store(hq, auto_backup=False) as store:
        issue_letter(store, landed_firm(1))
    public = KeyRing(hq).public_key_path()
    fp = KeyRing(hq).fingerprint()

    def qt(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "qt_app", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )

    assert qt("office", "role", "outpost", "--data-dir", str(milan)).returncode == 0
    assert qt("--data-dir", str(milan), "keys", "import", str(public), "--label", "总部").returncode == 0
    assert qt("bundle", "export", str(tmp_path / "hq.json"), "--data-dir", str(hq)).returncode == 0
    before = qt("bundle", "import", str(tmp_path / "hq.json"), "--data-dir", str(milan))
    assert before.returncode == 0 and f"office hq-key {fp}" in before.stderr
    assert "拒收1" in before.stdout  # the letter is withheld until the key is pinned

    wrong = qt("--lang", "en", "office", "hq-key", "not-a-key", "--data-dir", str(milan))
    assert wrong.returncode == 2 and "is not a key fingerprint" in wrong.stderr
    assert "Traceback" not in wrong.stderr

    keys = qt("--data-dir", str(milan), "keys", "show")
    assert f"{pretty_fingerprint(fp)}  总部" in keys.stdout  # the label says which key is headquarters'
    pinned = qt("office", "hq-key", fp, "--data-dir", str(milan))
    assert pinned.returncode == 0 and f"总部密钥已指定：{pretty_fingerprint(fp)}" in pinned.stdout
    after = qt("bundle", "import", str(tmp_path / "hq.json"), "--data-dir", str(milan))
    assert after.returncode == 0 and "告知函：新增1" in after.stdout and "拒收" not in after.stderr
