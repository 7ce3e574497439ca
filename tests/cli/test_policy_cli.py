"""The headless commands as a headquarters script would use them: output, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "xinghe-digital.json"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qt_app", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_simulate_table_shows_clauses_amounts_and_capitals() -> None:
    out = run("simulate", str(EXAMPLE))
    assert out.returncode == 0, out.stderr
    assert "第一条" in out.stdout and "租金支持" in out.stdout and "¥350,400.00" in out.stdout
    assert "人民币" in out.stdout and "元整" in out.stdout


def test_simulate_json_totals_equal_the_lines() -> None:
    out = run("simulate", str(EXAMPLE), "--format", "json", "--variant", "conservative")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["variant"] == "conservative"
    assert data["totals"]["total_fen"] == sum(line["amount_fen"] for line in data["lines"])
    assert all(line["clause"] for line in data["lines"])


def test_unknown_variant_lists_the_known_ones() -> None:
    out = run("simulate", str(EXAMPLE), "--variant", "nope")
    assert out.returncode == 2
    assert "nope" in out.stderr and "conservative" in out.stderr and "Traceback" not in out.stderr


def test_bad_firm_file_gives_one_line_per_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"name": "某公司", "uscc": "123", "revenue": {"2026": "很多"}}), encoding="utf-8"
    )
    out = run("simulate", str(bad))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert any("uscc" in ln and "18位" in ln for ln in lines)
    assert any("revenue.2026" in ln and "很多" in ln for ln in lines)
    assert all(str(bad) in ln for ln in lines)


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"name": "x",\n "uscc": }', encoding="utf-8")
    out = run("simulate", str(bad))
    assert out.returncode == 2 and "第2行" in out.stderr and "JSON" in out.stderr


def test_policy_check_reports_status_counts_and_errors(tmp_path: Path) -> None:
    ok = run("policy", "check", str(ROOT / "resources" / "policies" / "qingtian-metaverse-2023.yaml"))
    assert ok.returncode == 0 and "校验通过" in ok.stdout and "illustrative" in ok.stdout
    broken = tmp_path / "p.yaml"
    text = (ROOT / "resources" / "policies" / "qingtian-metaverse-2023.yaml").read_text(encoding="utf-8")
    broken.write_text(
        text.replace("cap_per_year: {value: 100万", "cap_per_yr: {value: 100万"), encoding="utf-8"
    )
    bad = run("policy", "check", str(broken))
    assert bad.returncode == 2 and "cap_per_yr" in bad.stderr and "未知的键" in bad.stderr


def test_uscc_valid_warning_and_error() -> None:
    assert run("uscc", "91310110666007217T").returncode == 0
    warn = run("uscc", "91310110666007217A")
    assert warn.returncode == 1 and "校验位不符" in warn.stdout
    err = run("uscc", "1234")
    assert err.returncode == 2 and "18位" in err.stderr


def test_amount_in_capitals_both_languages_of_input() -> None:
    out = run("amount", "150万")
    assert out.returncode == 0 and "人民币壹佰伍拾万元整" in out.stdout and "¥1,500,000.00" in out.stdout
    bad = run("amount", "-3")
    assert bad.returncode == 2 and "负数" in bad.stderr
    en = run("--lang", "en", "amount", "abc")
    assert en.returncode == 2 and "not a valid amount" in en.stderr


def test_a_reader_closing_the_pipe_early_is_not_an_error() -> None:
    import fcntl
    import os

    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, 1031, 4096)  # F_SETPIPE_SZ: a one-page pipe, so the output cannot all fit
    cmd = [sys.executable, "-m", "qt_app", "simulate", str(EXAMPLE), "--format", "json"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=write_end, stderr=subprocess.PIPE)
    os.close(write_end)
    os.read(read_end, 10)
    os.close(read_end)  # like `| head -c 10`
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert b"Traceback" not in err


def test_only_a_named_command_loads_the_command_groups() -> None:
    from qt_app.cli import _names_a_command

    # The window starts without importing every command group (they pull in reportlab and YAML).
    assert not _names_a_command([])
    assert not _names_a_command(["--lang", "en", "--data-dir", "simulate"])  # a folder named "simulate"
    assert not _names_a_command(["--selftest"])
    assert _names_a_command(["simulate", "firm.json"])
    assert _names_a_command(["--lang", "en", "policy", "check"])
    assert _names_a_command(["-h"])


def test_help_still_lists_every_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "qt_app", "--help"], capture_output=True, text=True, check=True, cwd=ROOT
    )
    for command in ("simulate", "policy", "uscc", "amount", "letter"):
        assert command in out.stdout


def test_the_window_options_are_read_without_argparse() -> None:
    from qt_app.cli import _window_start

    assert _window_start([]) == ("zh", None, False)
    assert _window_start(["--lang", "en", "--data-dir", "/tmp/desk"]) == ("en", "/tmp/desk", False)
    assert _window_start(["--lang=en", "--data-dir=/tmp/desk", "--selftest"]) == ("en", "/tmp/desk", True)
    # Anything else is argparse's to explain: a bad language, a missing value, a command, help.
    for argv in (["--lang", "fr"], ["--lang"], ["--data"], ["simulate"], ["-h"], ["--version"]):
        assert _window_start(argv) is None


def test_a_bad_language_is_still_explained_by_the_parser() -> None:
    out = run("--lang", "fr")
    assert out.returncode == 2 and "invalid choice: 'fr'" in out.stderr and "Traceback" not in out.stderr


def test_simulate_keeps_cash_vouchers_and_in_kind_apart() -> None:
    out = run("simulate", str(EXAMPLE), "--format", "json")
    assert out.returncode == 0, out.stderr
    totals = json.loads(out.stdout)["totals"]
    assert totals["cash_fen"] == 874_169_600 and totals["voucher_fen"] == 290_000_000
    assert totals["in_kind_fen"] == 14_400_000  # the talent apartment, valued at market rent
    assert totals["total_fen"] == totals["cash_fen"] + totals["voucher_fen"] + totals["in_kind_fen"]
    assert totals["by_year_benefit"]["2026"] == {
        "cash": 197_040_000,
        "voucher": 90_000_000,
        "in_kind": 4_800_000,
    }
    table = run("simulate", str(EXAMPLE))
    assert "其中：资金 ¥8,741,696.00；算力券 ¥2,900,000.00；实物折算 ¥144,000.00" in table.stdout
    assert (
        "2026年合计" in table.stdout
        and "资金 ¥1,970,400.00；算力券 ¥900,000.00；实物折算 ¥48,000.00" in table.stdout
    )
    en = run("--lang", "en", "simulate", str(EXAMPLE))
    assert "of which cash ¥8,741,696.00; vouchers ¥2,900,000.00; in kind ¥144,000.00" in en.stdout
    assert "Art. 6(1)" in en.stdout and "万 yuan" not in en.stdout and "¥1.5 million" in en.stdout


def test_simulate_marks_illustrative_rules_and_values_as_such(tmp_path: Path) -> None:
    out = run("simulate", str(EXAMPLE))
    tail = out.stdout.split("示例参数与规则（待兑现细则确认）：", 1)[1]
    assert "叠加规则 同一事项同时符合本县其他政策的，按就高原则执行，不重复享受" in tail
    assert "列入严重失信名单的企业不予享受" in tail and "租赁合同期限不少于3年" in tail
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["dishonest"] = True
    dishonest = tmp_path / "dishonest.json"
    dishonest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    excluded = run("simulate", str(dishonest))
    assert "不适用：按示例规则（待兑现细则确认）不予享受：企业列入严重失信名单 [示例]" in excluded.stdout
    as_json = json.loads(run("simulate", str(dishonest), "--format", "json").stdout)
    assert as_json["exclusion_rules"][0]["status"] == "illustrative"
    assert {r["path"]: r["status"] for r in as_json["rules"]}["eligibility.exclude_trading"] == "seed"


def test_a_firm_with_no_year_gets_a_clear_message_not_todays_year(tmp_path: Path) -> None:
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps({"name": "某数字公司", "uscc": "91310110666007217T"}), encoding="utf-8")
    out = run("simulate", str(bare))
    assert out.returncode == 2 and "无法确定测算年度" in out.stderr and "Traceback" not in out.stderr
    en = run("--lang", "en", "simulate", str(bare))
    assert en.returncode == 2 and "no year to start from" in en.stderr
    started = run("simulate", str(bare), "--start-year", "2027", "--years", "2", "--format", "json")
    assert started.returncode == 0 and json.loads(started.stdout)["years"] == [2027, 2028]


def test_the_readme_lists_every_command_and_option_the_cli_accepts() -> None:
    import argparse

    from qt_app.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Headless commands", 1)[1].split("\n## ", 1)[0]
    missing = []

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    command = f"{path} {name}".strip()
                    if f"qt_app {command}" not in section and f" {command} " not in section:
                        missing.append(command)
                    walk(sub, command)
            elif action.option_strings and action.dest not in ("help", "version"):
                option = max(action.option_strings, key=len)
                if option not in section:
                    missing.append(f"{path} {option}".strip())

    walk(build_parser(), "")
    assert not missing, f"README's headless section lacks: {missing}"
