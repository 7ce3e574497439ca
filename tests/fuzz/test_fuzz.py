"""The fuzz suite: hypothesis-driven, seeded mutations of the examples in `resources/examples/` and of the
bundled policy, fed to the headless commands as a user (or an outsider) would: firm files to `simulate`,
bundles to `bundle import`, spreadsheets to `firms import`, policy files to `policy check`.

Each case ends accepted or refused with a message in words (exit 1 or 2, no traceback, no line longer than
a screen), and loses nothing: a refused import or bundle leaves the database as it was, an accepted one
never replaces a local edit the sender had not seen, and the file passes the full check. The figures are
printed after every run (tests/conftest.py). The default run takes a few hundred cases; `--run-slow`
(or `-m slow`) several thousand.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import random
import shutil
import sqlite3
import tempfile
import traceback
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qt_app.cli import main
from qt_app.paths import default_policy_path
from qt_app.reports.signing import KeyRing
from qt_app.services.bundles import export_bundle
from qt_app.services.firms import open_store
from qt_app.store import integrity
from qt_app.store.bundle_format import signed_bytes
from qt_app.store.db import DB_NAME
from tests.faults.ledger import record_fuzz
from tests.fuzz import mutations as mut
from tests.store.conftest import make_firm, trust

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"
FIRM_FILES = sorted(EXAMPLES.glob("*.json"))
POLICY_LINES = default_policy_path().read_text(encoding="utf-8").splitlines()
TEMPLATE_ROWS = list(
    csv.reader(io.StringIO((EXAMPLES / "import-template.csv").read_text(encoding="utf-8-sig")))
)
TEMPLATE_XLSX = (EXAMPLES / "import-template.xlsx").read_bytes()
LOCAL_NOTE = "总部的本地修改：对方从未见过"


def _settings(n: int) -> Any:
    return settings(
        max_examples=n,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
            HealthCheck.data_too_large,
        ],
    )


# (seed, how many mutations): mostly one, so the rest of the file stays valid and the odd value gets deep
CASES = st.tuples(st.integers(0, 2**32 - 1), st.sampled_from((1, 1, 1, 2, 3, 4)))


def _cli(target: str, argv: list[str]) -> tuple[str, str]:
    """Run a command in this process; ("accepted" | "refused", stderr). A traceback fails the case."""
    # like a terminal: text is encoded to UTF-8 strictly, so a lone surrogate cannot slip through
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(argv)
    except SystemExit as e:  # argparse refusing an argument: a usage message, exit 2
        code = int(e.code or 0)
    except BaseException:
        record_fuzz(target, "traceback")
        pytest.fail(f"traceback from {argv}:\n{traceback.format_exc()}")
    message = err.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    if "Traceback" in message or (code != 0 and not message.strip()):
        record_fuzz(target, "traceback")
        pytest.fail(f"{argv} exited {code} without a message in words:\n{message}")
    assert max((len(line) for line in message.splitlines()), default=0) < 2000, "a message repeats the input"
    return ("accepted" if code == 0 else "refused"), message


def _count(folder: Path) -> int:
    conn = sqlite3.connect(f"file:{folder / DB_NAME}?mode=ro", uri=True)
    try:
        assert integrity.full_check(conn) == []
        return int(conn.execute("SELECT count(*) FROM firms").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz-desk")
    open_store(folder, auto_backup=False).close()
    return folder


# -- firm files → simulate, and firms import ----------------------------------------------------------------
def _firm_case(desk: Path, seed: int, ops: int) -> None:
    rng = random.Random(seed)
    source = rng.choice(FIRM_FILES)
    doc = json.loads(source.read_text(encoding="utf-8"))
    if rng.random() < 0.8:
        text = mut.dump(mut.mutate_document(doc, rng, ops), rng)
    else:
        text = mut.mutate_text(source.read_text(encoding="utf-8"), rng, ops)
    _firm_text(desk, source.name, text, rng)


EXAMPLE_DOCS = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in FIRM_FILES}
PLACES = [(name, path) for name, doc in EXAMPLE_DOCS.items() for path in mut.places(doc)]


@st.composite
def one_value(draw: st.DrawFn) -> tuple[str, str]:
    """A valid example with exactly one value replaced: every odd value reaches every field in turn."""
    name, path = draw(st.sampled_from(PLACES))
    doc = json.loads(json.dumps(EXAMPLE_DOCS[name]))
    mut.put(doc, path, draw(st.sampled_from(mut.JUNK)))
    return name, json.dumps(doc, ensure_ascii=draw(st.booleans()))


def _firm_text(desk: Path, name: str, text: str, rng: random.Random) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(
            text.replace(f'"{mut.DEEP}"', "[" * 3000 + "]" * 3000), encoding="utf-8", errors="surrogatepass"
        )
        outcome, _ = _cli(
            "firm files → simulate", ["simulate", str(path), "--format", rng.choice(("table", "json"))]
        )
        record_fuzz("firm files → simulate", outcome)
        before = _count(desk)
        outcome, _ = _cli(
            "firm files → firms import", ["firms", "import", str(path), "--data-dir", str(desk)]
        )
    after = _count(desk)
    lost = int(after < before or (outcome == "refused" and after != before))
    record_fuzz("firm files → firms import", outcome, lost)
    assert not lost, (before, after, outcome)


@_settings(150)
@given(CASES)
def test_mutated_firm_files(desk: Path, case: tuple[int, int]) -> None:
    _firm_case(desk, *case)


@pytest.mark.slow
@_settings(1500)
@given(CASES)
def test_mutated_firm_files_campaign(desk: Path, case: tuple[int, int]) -> None:
    _firm_case(desk, *case)


@_settings(150)
@given(one_value(), st.integers(0, 2**32 - 1))
def test_one_odd_value_in_a_valid_firm_file(desk: Path, case: tuple[str, str], seed: int) -> None:
    _firm_text(desk, case[0], case[1], random.Random(seed))


@pytest.mark.slow
@_settings(1500)
@given(one_value(), st.integers(0, 2**32 - 1))
def test_one_odd_value_in_a_valid_firm_file_campaign(desk: Path, case: tuple[str, str], seed: int) -> None:
    _firm_text(desk, case[0], case[1], random.Random(seed))


# -- policy files → policy check -------------------------------------------------------------------------
def _policy_case(seed: int, ops: int) -> None:
    rng = random.Random(seed)
    text = mut.mutate_yaml(POLICY_LINES, rng, ops)
    if rng.random() < 0.2:
        text = mut.mutate_text(text, rng, 1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "policy.yaml"
        path.write_text(text, encoding="utf-8")
        outcome, message = _cli("policy files → policy check", ["policy", "check", str(path)])
    if outcome == "refused":
        assert str(path) in message  # every problem names the file (and, where it can, the line and key)
    record_fuzz("policy files → policy check", outcome)


@_settings(120)
@given(CASES)
def test_mutated_policy_files(case: tuple[int, int]) -> None:
    _policy_case(*case)


@pytest.mark.slow
@_settings(1200)
@given(CASES)
def test_mutated_policy_files_campaign(case: tuple[int, int]) -> None:
    _policy_case(*case)


# -- spreadsheets → firms import -------------------------------------------------------------------------
def _sheet_bytes(rng: random.Random, ops: int) -> tuple[str, bytes]:
    kind = rng.choice(("csv", "csv", "xlsx-cells", "xlsx-xml", "xlsx-bytes"))
    if kind == "csv":
        rows = mut.mutate_rows(TEMPLATE_ROWS, rng, ops)
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        encoding = rng.choice(("utf-8-sig", "utf-8", "gb18030"))
        return ".csv", buffer.getvalue().encode(encoding, errors="replace")
    if kind == "xlsx-cells":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        for row in mut.mutate_rows(TEMPLATE_ROWS, rng, ops):
            sheet.append([cell.replace("\x00", "") for cell in row])
        buffer_b = io.BytesIO()
        book.save(buffer_b)
        return ".xlsx", buffer_b.getvalue()
    if kind == "xlsx-bytes":
        return ".xlsx", mut.mutate_bytes(TEMPLATE_XLSX, rng, ops)
    with zipfile.ZipFile(io.BytesIO(TEMPLATE_XLSX)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    name = rng.choice(sorted(parts))
    parts[name] = mut.mutate_text(parts[name].decode("utf-8"), rng, ops).encode(
        "utf-8", errors="surrogatepass"
    )
    buffer_z = io.BytesIO()
    with zipfile.ZipFile(buffer_z, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            z.writestr(part, data)
    return ".xlsx", buffer_z.getvalue()


def _sheet_case(desk: Path, seed: int, ops: int) -> None:
    rng = random.Random(seed)
    suffix, data = _sheet_bytes(rng, ops)
    before = _count(desk)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"firms{suffix}"
        path.write_bytes(data)
        argv = ["firms", "import", str(path), "--data-dir", str(desk)] + (
            ["--skip-invalid"] if rng.random() < 0.3 else []
        )
        outcome, _ = _cli("spreadsheets → firms import", argv)
    after = _count(desk)
    lost = int(after < before or (outcome == "refused" and after != before))
    record_fuzz("spreadsheets → firms import", outcome, lost)
    assert not lost, (before, after, outcome)


@_settings(100)
@given(CASES)
def test_mutated_spreadsheets(desk: Path, case: tuple[int, int]) -> None:
    _sheet_case(desk, *case)


@pytest.mark.slow
@_settings(1000)
@given(CASES)
def test_mutated_spreadsheets_campaign(desk: Path, case: tuple[int, int]) -> None:
    _sheet_case(desk, *case)


# -- bundles → bundle import -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """An outpost and headquarters that trust each other; HQ has a local edit the outpost never saw."""
    root = tmp_path_factory.mktemp("fuzz-bundles")
    outpost, hq = root / "milan", root / "hq"
    sender = open_store(outpost, auto_backup=False)
    for n in (1, 2, 3):
        sender.save_firm(make_firm(n, notes=f"米兰{n}"))
    sender.add_contact(make_firm(1).id, "2026-03-05", "拜访", "叶海峰", "面谈")
    export_bundle(sender, root / "first.json")
    sender.save_firm(make_firm(4))
    export_bundle(sender, root / "base.json")
    sender.close()
    trust(outpost, hq)
    receiver = open_store(hq, auto_backup=False)
    from qt_app.services.bundles import import_bundle

    import_bundle(receiver, root / "first.json")
    receiver.save_firm(make_firm(2, notes=LOCAL_NOTE))
    receiver.close()
    base = json.loads((root / "base.json").read_text(encoding="utf-8"))
    return {"root": root, "outpost": outpost, "hq": hq, "base": base}


def _bundle_case(world: dict[str, Any], seed: int, ops: int) -> None:
    rng = random.Random(seed)
    envelope = json.loads(json.dumps(world["base"]))
    if rng.random() < 0.85:
        envelope = mut.mutate_document(envelope, rng, ops)
        resign = rng.random() < 0.7  # a sender's bug rather than a tamperer: the shape itself is judged
        if resign and isinstance(envelope, dict) and isinstance(envelope.get("signature"), dict):
            try:
                sig = KeyRing(world["outpost"]).private_key().sign(signed_bytes(envelope.get("body")))  # type: ignore[arg-type]
                envelope["signature"]["value"] = base64.urlsafe_b64encode(sig).rstrip(b"=").decode()
            except (TypeError, ValueError, AttributeError):
                pass  # not a JSON object body: cannot be signed, arrives as it is
        text = mut.dump(envelope, rng)
    else:
        text = mut.mutate_text(json.dumps(envelope, ensure_ascii=False), rng, ops)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "hq"
        shutil.copytree(world["hq"], folder)
        path = Path(tmp) / "bundle.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        before = _count(folder)
        outcome, _ = _cli(
            "bundles → bundle import", ["bundle", "import", str(path), "--data-dir", str(folder)]
        )
        store = open_store(folder, read_only=True, auto_backup=False)
        try:
            local = store.get_firm(make_firm(2).id)[0].notes
            after = store.count_firms() + len(store.trash())
        finally:
            store.close()
        lost = int(local != LOCAL_NOTE) + int(outcome == "refused" and after != before) + int(after < before)
        _count(folder)  # the full check passes
    record_fuzz("bundles → bundle import", outcome, lost)
    assert not lost, (outcome, local, before, after)


@_settings(80)
@given(CASES)
def test_mutated_bundles(world: dict[str, Any], case: tuple[int, int]) -> None:
    _bundle_case(world, *case)


@pytest.mark.slow
@_settings(800)
@given(CASES)
def test_mutated_bundles_campaign(world: dict[str, Any], case: tuple[int, int]) -> None:
    _bundle_case(world, *case)
