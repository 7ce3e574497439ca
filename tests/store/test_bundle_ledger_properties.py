"""Property: whatever actuals each side records and however bundles travel, an import never replaces a year the
sender had not seen, and once conflicts are settled two offices that exchange bundles hold the same actuals."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qt_app.domain.ledger.actuals_dict import year_actuals_to_dict
from qt_app.domain.ledger.actuals_io import year_actuals_from_dict
from qt_app.services.bundles import export_bundle, import_bundle
from qt_app.services.firms import Store, open_store
from qt_app.services.offices import set_office_role
from tests.store.conftest import pin_hq, trust
from tests.store.ledger_fixtures import issue_letter, landed_firm, send

YEARS = (2026, 2027)
OPS = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(["record_hq", "record_milan"]), st.sampled_from(YEARS)),
        st.tuples(st.sampled_from(["hq_to_milan", "milan_to_hq"]), st.just(0)),
    ),
    max_size=12,
)
FIRM = landed_firm(1, grade="C")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """HQ with the firm's issued letter, and Milan (an outpost) holding its copy; they trust each other."""
    root = tmp_path_factory.mktemp("ledger-property")
    with (
        open_store(root / "hq", auto_backup=False) as hq,
        open_store(root / "milan", auto_backup=False) as milan,
    ):
        set_office_role(milan, "outpost")
        pin_hq(milan, hq.folder)
        trust(milan.folder, hq.folder)
        issue_letter(hq, FIRM)
        send(hq, milan, root / "letter.json")
    return root


def _year(year: int, amount: int) -> dict[str, object]:
    raw = {"revenue": {"amount": f"{amount}万", "evidence": [{"type": "audit_report", "number": "审1",
                                                             "date": f"{year + 1}-03-20"}]}}  # fmt: skip
    actual, problems = year_actuals_from_dict(raw, year)
    assert actual is not None, problems
    return year_actuals_to_dict(actual)


def _state(store: Store) -> dict[int, str]:
    return {y: d["revenue"]["amount"] for y, d in store.ledger.actuals(FIRM.id).items()}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(ops=OPS)
def test_imports_never_replace_unseen_actuals_and_offices_converge(
    template: Path, ops: list[tuple[str, int]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("hq", "milan"):
            shutil.copytree(template / name, Path(tmp) / name)
        sides = {name: open_store(Path(tmp) / name, auto_backup=False) for name in ("hq", "milan")}
        seen: dict[str, set[tuple[int, str]]] = {
            "hq": set(),
            "milan": set(),
        }  # every (year, amount) ever held
        letter = str(sides["hq"].ledger.letter_of_record(FIRM.id)["id"])  # type: ignore[index]
        try:
            for step, (op, year) in enumerate(ops):
                if op.startswith("record_"):
                    name = op.removeprefix("record_")
                    data = _year(year, 3000 + 100 * step + (1 if name == "milan" else 0))
                    sides[name].ledger.record_actuals(FIRM.id, letter, {year: data}, [], "form", name)
                else:
                    src, dst = op.split("_to_")
                    before = _state(sides[dst])
                    export_bundle(sides[src], Path(tmp) / f"{step}.json")
                    import_bundle(sides[dst], Path(tmp) / f"{step}.json")
                    for y, amount in _state(sides[dst]).items():
                        if before.get(y) not in (
                            None,
                            amount,
                        ):  # replaced: the sender had held the old figure
                            assert (y, before[y]) in seen[src], (y, before[y], amount)
                for name, side in sides.items():
                    seen[name].update(_state(side).items())
            # Settle every open conflict (taking the other side's version), then exchange both ways.
            for side in sides.values():
                for c in side.ledger_conflicts():
                    side.resolve_ledger_conflict(c.firm_id, c.year, "remote")
            for i, (src, dst) in enumerate((("hq", "milan"), ("milan", "hq"), ("hq", "milan"))):
                export_bundle(sides[src], Path(tmp) / f"settle{i}.json")
                for c in import_bundle(sides[dst], Path(tmp) / f"settle{i}.json").ledger_conflicts:
                    sides[dst].resolve_ledger_conflict(c.firm_id, c.year, "remote")
            assert _state(sides["hq"]) == _state(sides["milan"])
            assert sides["hq"].ledger_conflicts() == [] and sides["milan"].ledger_conflicts() == []
        finally:
            for side in sides.values():
                side.close()
