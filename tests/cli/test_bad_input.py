"""What the adversarial run fed the headless commands: each gets a message in words (exit 2), never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qt_app.cli import main
from qt_app.paths import default_policy_path

EXAMPLE = json.loads(Path("resources/examples/xinghe-digital.json").read_text(encoding="utf-8"))


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _firm_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "firm.json"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("depth", [40, 1_000, 100_000])
def test_json_nested_too_deep(tmp_path: Path, capsys: pytest.CaptureFixture[str], depth: int) -> None:
    text = json.dumps(EXAMPLE)[:-1] + ', "notes": ' + "[" * depth + "]" * depth + "}"
    code, _, err = _run(capsys, "simulate", _firm_file(tmp_path, text))
    assert code == 2 and "JSON 嵌套层数过多：最多 32 层" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("investment", "9" * 60),
        ("investment", "1001亿"),
        ("revenue", {"2027": "9" * 60}),
        ("loans", [{"lender": "青田农商银行", "principal": "9" * 60, "start_year": 2026, "years": 3}]),
    ],
)
def test_an_amount_out_of_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str, value: object
) -> None:
    path = _firm_file(tmp_path, json.dumps({**EXAMPLE, field: value}, ensure_ascii=False))
    code, _, err = _run(capsys, "simulate", path)
    assert code == 2 and "金额超出范围：最大 1000亿元" in err
    code, _, err = _run(capsys, "--lang", "en", "simulate", path)
    assert code == 2 and "Amount out of range: at most ¥100 billion" in err


def test_a_number_with_thousands_of_digits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = json.dumps(EXAMPLE)[:-1] + ', "investment": ' + "9" * 5000 + "}"
    code, _, err = _run(capsys, "simulate", _firm_file(tmp_path, text))
    assert code == 2 and "数字过长" in err


@pytest.mark.parametrize(("field", "limit"), [("name", 200), ("owner", 200), ("notes", 20_000)])
def test_text_too_long(tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str, limit: int) -> None:
    path = _firm_file(tmp_path, json.dumps({**EXAMPLE, field: "青" * 1_000_000}, ensure_ascii=False))
    code, _, err = _run(capsys, "simulate", path)
    assert code == 2 and f"{field}: 文字过长：最多 {limit} 个字，实为 1000000 个字" in err
    assert len(err) < 500


def test_the_amount_command_refuses_what_it_cannot_write(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "amount", "9" * 60)
    assert code == 2 and "金额超出范围" in err


def _policy(tmp_path: Path, old: str, new: str) -> str:
    text = default_policy_path().read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "policy.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("title", "found"),
    [
        ("[关于加快, 元宇宙产业]", "列表"),
        ("{zh: 若干意见}", "键值表"),
        ("!!python/object/apply:os.system [echo 1]", "列表"),
        ("!!python/name:os.system 若干意见", "带标签 tag:yaml.org,2002:python/name:os.system"),
        ("!custom 若干意见", "带标签 !custom"),
        ("!!binary 5Yy65Z+f", "带标签 tag:yaml.org,2002:binary"),
    ],
)
def test_a_policy_title_that_is_not_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], title: str, found: str
) -> None:
    path = _policy(tmp_path, "\ntitle: 关于加快元宇宙产业发展的若干意见", f"\ntitle: {title}")
    code, out, err = _run(capsys, "policy", "check", path)
    assert code == 2 and out == "", out
    assert f"{path}: 第11行 title: 应为文本，实为{found}" in err


@pytest.mark.parametrize(
    ("talent", "words"),
    [
        ({"level": "C", "count": 10**40, "arrival_year": 2026}, "数值过大：最多 100,000"),
        ({"level": "C", "count": "1e999999", "arrival_year": 2026}, "数值过大"),
        ({"level": "C", "count": 5, "arrival_year": "1e999999"}, "数值过大"),
        ({"level": "\ud800", "count": 5, "arrival_year": 2026}, "无效的字符"),
    ],
)
def test_numbers_and_text_no_computation_can_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], talent: dict[str, object], words: str
) -> None:
    """What the fuzz suite found: a talent count of 10⁴⁰ or 1e999999 broke the arithmetic or the printing,
    and a lone surrogate (\\ud800 in JSON) could not be stored."""
    path = _firm_file(tmp_path, json.dumps({**EXAMPLE, "talents": [talent]}))
    for argv in (["simulate", path], ["firms", "import", path, "--data-dir", str(tmp_path / "d")]):
        code, _, err = _run(capsys, *argv)
        assert code == 2 and words in err and "Traceback" not in err


def test_a_date_with_a_thirty_digit_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found by the fuzz campaign: date(10**30, 1, 1) overflows instead of raising ValueError."""
    firm = {**EXAMPLE, "location": {**EXAMPLE["location"], "move_in": "9" * 30 + "-01-01"}}
    code, _, err = _run(capsys, "simulate", _firm_file(tmp_path, json.dumps(firm, ensure_ascii=False)))
    assert code == 2 and "location.move_in: 日期格式应为 2026-03-05" in err


def test_a_lone_surrogate_in_a_domain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found by the fuzz campaign: a field of the policy's domains list is text like any other."""
    path = _firm_file(tmp_path, json.dumps({**EXAMPLE, "domains": ["\ud800", "数字孪生"]}))
    code, _, err = _run(capsys, "firms", "import", path, "--data-dir", str(tmp_path / "d"))
    assert code == 2 and "第1行 [domains[0]]：文字中有无效的字符" in err


def test_a_lone_surrogate_in_a_variants_parameter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found by the fuzz campaign: a variant's parameter values are text like any other field."""
    variant = {"name": "higher-rent-cap", "param_overrides": {"rent.cap_per_year": "\ud800"}}
    path = _firm_file(tmp_path, json.dumps({**EXAMPLE, "variants": [variant]}))
    code, _, err = _run(capsys, "firms", "import", path, "--data-dir", str(tmp_path / "d"))
    assert code == 2 and "param_overrides.rent.cap_per_year" in err and "无效的字符" in err
