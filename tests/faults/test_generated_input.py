"""Generated input through the whole chain: junk firm data, mutated policy files, random spreadsheets.

Nothing may escape as anything but a clear ValidationError / refused import, and nothing accepted may be lost.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qt_app.domain.errors import ValidationError
from qt_app.domain.firm_io import FIRM_KEYS, firm_from_dict
from qt_app.domain.policy_loader import default_policy, parse_policy
from qt_app.domain.simulate import simulate
from qt_app.domain.variants import Variant
from qt_app.paths import default_policy_path
from qt_app.services.firms import import_firms, open_store
from qt_app.store.importer import ImportRefused
from tests.faults.ledger import record

POLICY_TEXT = default_policy_path().read_text(encoding="utf-8")
POLICY_LINES = POLICY_TEXT.splitlines()
SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.text(max_size=12)
    | st.sampled_from(
        [
            "150万",
            "1.2亿",
            "-3",
            "2026-03-05",
            "2026年3月5日",
            "qingchuang",
            "municipal",
            "abc",
            "",
            "９１３３",
        ]
    )
)
junk = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
firm_dicts = st.dictionaries(st.sampled_from(sorted(FIRM_KEYS)) | st.text(max_size=8), junk, max_size=12)
VALID = json.loads(Path("resources/examples/xinghe-digital.json").read_text(encoding="utf-8"))
# Half the cases: a valid firm with a few fields replaced by junk, so both refusal and simulation are exercised.
overlaid = st.dictionaries(st.sampled_from(sorted(FIRM_KEYS - {"name", "uscc"})), junk, max_size=2).map(
    lambda changes: {**VALID, **changes}
)


@SETTINGS
@given(firm_dicts | overlaid)
def test_junk_firm_data_is_refused_clearly_or_simulated(data: dict[str, Any]) -> None:
    try:
        firm, variants = firm_from_dict(data, "generated.json")
    except ValidationError as e:
        assert e.problems and all(p.zh and p.en for p in e.problems)
        record("generated firm data → validation (refused clearly)", 1, 0)
        return
    package = simulate(firm, default_policy(), variants[0] if variants else Variant())
    assert package.total == sum(line.amount for line in package.lines) >= 0
    record("generated firm data → validation → simulation", 1, 0)


def _mutate(lines: list[str], op: str, i: int, text: str) -> str:
    i %= len(lines)
    out = list(lines)
    if op == "delete":
        del out[i]
    elif op == "duplicate":
        out.insert(i, out[i])
    elif op == "replace_value" and ":" in out[i]:
        key, _ = out[i].split(":", 1)
        out[i] = f"{key}: {text}"
    elif op == "indent":
        out[i] = "  " + out[i]
    elif op == "truncate":
        out = out[:i]
    else:
        out[i] = text
    return "\n".join(out)


@SETTINGS
@given(
    st.sampled_from(["delete", "duplicate", "replace_value", "indent", "truncate", "overwrite"]),
    st.integers(0, 10_000),
    st.text(max_size=20)
    | st.sampled_from(["-1", "1.5", "null", "[", "{value: x}", "tax_paid", "2020-01-01"]),
)
def test_broken_policy_files_are_refused_with_file_and_place(op: str, i: int, text: str) -> None:
    mutated = _mutate(POLICY_LINES, op, i, text)
    try:
        policy = parse_policy(mutated, "mutated.yaml")
    except ValidationError as e:
        assert e.source == "mutated.yaml" and e.problems
        record("mutated policy file → refused with file, line and key", 1, 0)
        return
    assert policy.items  # a harmless mutation (a comment, a blank line) may still load
    record("mutated policy file → still valid", 1, 0)


HEADER = (
    Path("resources/examples/import-template.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
)
cells = st.sampled_from(["", "青田测试科技有限公司", "91331121MA2H7K9X38", "abc", "150万", "-5", "是", "否", "2026/3/5",
                         "青创大厦", "人工智能", "接洽", "1e9", "９", "A｜x｜2026｜公寓"])  # fmt: skip


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.lists(cells, min_size=3, max_size=len(HEADER)), min_size=1, max_size=6))
def test_random_spreadsheets_write_all_valid_rows_or_nothing(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]]
) -> None:
    folder = tmp_path_factory.mktemp("sheet")
    sheet = folder / "firms.csv"
    with sheet.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(rows)
    store = open_store(folder / "data", auto_backup=False)
    try:
        before = store.count_firms()
        try:
            report = import_firms(store, sheet)
            assert store.count_firms() == before + report.inserted
        except ImportRefused as refused:
            assert store.count_firms() == before, "a refused import wrote something"
            assert refused.report.lines("zh")
            try:
                skipped = import_firms(store, sheet, skip_invalid=True)
                assert store.count_firms() == before + skipped.inserted
            except ImportRefused:
                assert store.count_firms() == before
        record("random spreadsheet → import (all valid rows or nothing)", 1, 0)
    finally:
        store.close()
