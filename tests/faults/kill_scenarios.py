"""What the killed children do, the folder each starts from, and what must hold after the kill.

Every child works on its own copy of a template folder and prints a line to its log after each commit
returns ("committed", "issued 青招〔2026〕7号", "backup PATH", …): what the user was told is saved. After the
SIGKILL the parent checks the file (integrity_check plus a read of every value), reopens it for writing, and
counts as lost anything confirmed that is missing, any partial import, and any damage.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qt_app.store.db import DB_NAME

ROWS = 120  # firms in one import
COMMITS = ("issued", "backup", "restored", "saved", "paid")  # what the looping children print after a commit
BUNDLE_FIRMS = 60
LEDGER_FIRMS = 16  # firms whose actuals (each with its own scan) and application an outpost's bundle brings
IMPORTS = ("import", "bundle import", "ledger bundle import")  # one transaction each: whole or nothing


# -- in the child (forked by the zygote) ------------------------------------------------------------------
def _say(text: str) -> None:
    print(text, flush=True)


def _small_cache(conn: sqlite3.Connection) -> None:
    """A page cache of 20 pages: a transaction spills its pages into the log as it goes (as a 10,000-row
    import does anyway), so the log grows through the transaction and kills land inside it too, not only
    in the commit."""
    conn.execute("PRAGMA cache_size = 20")


def child_import(folder: str, sheet: str) -> None:
    from qt_app.services.firms import import_firms, open_store

    store = open_store(folder, auto_backup=False)
    _small_cache(store.conn)
    import_firms(store, sheet)
    _say("committed")


def child_bundle(folder: str, bundle_path: str) -> None:
    from qt_app.services.bundles import import_bundle
    from qt_app.services.firms import open_store

    store = open_store(folder, auto_backup=False)
    _small_cache(store.conn)
    import_bundle(store, bundle_path)
    _say("committed")


def child_letters(folder: str, _arg: str) -> None:
    from qt_app.services import letters
    from qt_app.services.session import Session

    session = Session.open(folder)
    _small_cache(session.store.conn)
    firms = list(session.store.all_firms())[:5]
    while True:
        for firm, variants in firms:
            package = session.package(firm)
            lid = letters.create_draft(session.store, firm, variants, package, session.policy, who="fault")
            letters.submit_letter(session.store, lid, "fault")
            letters.approve_letter(session.store, lid, "fault")
            record = letters.issue_letter(session.store, lid, "fault")
            _say(f"issued {record.doc_number}")


def child_backup(folder: str, _arg: str) -> None:
    from qt_app.services.firms import open_store

    store = open_store(folder, auto_backup=False)
    while True:
        _say(f"backup {store.backup(kind='manual')}")


def child_restore(folder: str, pair: str) -> None:
    from qt_app.services.firms import open_store

    store = open_store(folder, auto_backup=False)
    _small_cache(store.conn)
    while True:
        for source in pair.split("|"):
            store.restore(source, who="fault")
            _say(f"restored {source}")


def child_save(folder: str, _arg: str) -> None:
    from qt_app.services.firms import open_store
    from tests.store.conftest import make_firm

    store = open_store(folder, auto_backup=False)
    _small_cache(store.conn)
    n = 1
    while True:
        store.save_firm(make_firm(n, notes="备注" * 500))
        _say(f"saved {make_firm(n).id}")
        n += 1


def child_ledger(folder: str, firm_ids: str) -> None:
    """兑现: each firm's revenue claim applied, reviewed, publicised, accepted and paid in three tranches."""
    from datetime import date

    from qt_app.domain.ledger import steps as s
    from qt_app.domain.ledger.claims import ClaimState
    from qt_app.domain.money import wan
    from qt_app.services import ledger as L
    from qt_app.services.firms import open_store
    from qt_app.services.ledger_read import load_claims

    store = open_store(folder, auto_backup=False)
    _small_cache(store.conn)
    plan = [wan(75), wan(60), wan(15)]
    for fid in firm_ids.split(","):
        L.open_claim(store, L.OpenClaim(fid, "revenue", 2026, date(2027, 4, 1), who="fault"))
        claim = next(c for c in load_claims(store, fid) if c.item_id == "revenue")
        while claim.state is not ClaimState.PAID:
            step: Any
            if claim.state is ClaimState.APPLIED:
                step = s.Review(date(2027, 4, 5), "fault", True, wan(150))
            elif claim.state is ClaimState.REVIEWED:
                step = s.Notice(date(2027, 4, 6))
            elif claim.accepted_on is None:
                step = s.Accept(date(2027, 4, 7), "fault")
            else:
                n = len(claim.payments)
                step = s.Pay(date(2027, 4 + n, 20), plan[n], f"财拨〔2027〕{n + 1}号")
            L.advance_claim(store, L.ClaimStep(claim.id, step, "fault"))
            if isinstance(step, s.Pay):
                _say(f"paid {claim.id} {step.order_number} {step.amount}")  # after the commit
            claim = next(c for c in load_claims(store, fid) if c.id == claim.id)


CHILDREN: dict[str, Callable[[str, str], None]] = {
    "import": child_import,
    "bundle import": child_bundle,
    "ledger bundle import": child_bundle,  # an outpost's actuals, scans and applications arriving at HQ
    "letter issue": child_letters,
    "backup": child_backup,
    "restore": child_restore,
    "save": child_save,
    "ledger writes": child_ledger,
}


def warm_up() -> None:
    """In the zygote, before any fork: load every module and table the children use (no file opened)."""
    from qt_app.domain.policy_loader import default_policy
    from qt_app.reports.texts import load_texts
    from qt_app.store.search_text import pinyin_text

    default_policy()
    load_texts()
    pinyin_text("青田星河数字科技")
    import sqlite_utils  # noqa: F401

    import tests.store.conftest  # noqa: F401


# -- in the test: the starting folders -------------------------------------------------------------------
@dataclass
class Template:
    """A folder every attempt starts from (copied), the child's argument, and what the check expects."""

    folder: Path
    arg: str = ""
    base: int = 0  # firms before the attempt
    added: int = 0  # firms a committed import adds
    counts: tuple[int, ...] = ()  # firm counts the restored file may have


def _store_with(folder: Path, numbers: range) -> None:
    from qt_app.services.firms import open_store
    from tests.store.conftest import make_firm

    store = open_store(folder, auto_backup=False)
    for n in numbers:
        store.save_firm(make_firm(n))
    store.close()


def make_template(scenario: str, root: Path) -> Template:
    from tests.store.conftest import code_for, trust

    folder = root / "template"
    if scenario == "import":
        _store_with(folder, range(1, 6))
        sheet = root / "firms.csv"
        rows = [
            f"青田崩溃测试{i}号科技有限公司,{code_for(i)},{1000 + i},第{i}行"
            for i in range(1000, 1000 + ROWS)
        ]
        sheet.write_text("企业名称,统一社会信用代码,2026年销售收入（万元）,备注\n" + "\n".join(rows), "utf-8")
        return Template(folder, str(sheet), base=5, added=ROWS)
    if scenario == "bundle import":
        from qt_app.services.bundles import export_bundle
        from qt_app.services.firms import open_store

        outpost = root / "outpost"
        _store_with(outpost, range(2000, 2000 + BUNDLE_FIRMS))
        _store_with(folder, range(1, 6))
        trust(outpost, folder)
        sender = open_store(outpost, auto_backup=False)
        export_bundle(sender, root / "outpost.bundle.json")
        sender.close()
        return Template(folder, str(root / "outpost.bundle.json"), base=5, added=BUNDLE_FIRMS)
    if scenario == "ledger bundle import":
        return _ledger_bundle_template(folder, root)
    if scenario == "letter issue":
        from qt_app.reports.signing import KeyRing
        from qt_app.services.session import Session

        Session.open(folder).close()  # the demo firms
        KeyRing(folder).private_key()
        return Template(folder)
    if scenario == "restore":
        from qt_app.services.firms import open_store

        _store_with(folder, range(1, 31))
        store = open_store(folder, auto_backup=False)
        first = store.backup(to=root / "thirty.sqlite3")
        for n in range(31, 41):
            from tests.store.conftest import make_firm

            store.save_firm(make_firm(n))
        second = store.backup(to=root / "forty.sqlite3")
        store.close()
        return Template(folder, f"{second}|{first}", base=40, counts=(30, 40))
    if scenario == "backup":
        _store_with(folder, range(1, 31))
        return Template(folder, base=30)
    if scenario == "ledger writes":
        from qt_app.services import ledger
        from qt_app.services.firms import open_store
        from tests.store.ledger_fixtures import actuals_file, evidence, issue_letter, landed_firm

        ids = []
        with open_store(folder, auto_backup=False) as store:
            for n in range(6):
                firm = landed_firm(700 + n, grade="C")
                issue_letter(store, firm)
                years = {"2026": {"revenue": {"amount": "1.2亿", "evidence": evidence()}}}
                ledger.record_actuals_file(store, actuals_file(root / f"actuals{n}", firm, years))
                ids.append(firm.id)
        return Template(folder, ",".join(ids), base=6)
    _store_with(folder, range(0))
    return Template(folder)


def _ledger_bundle_template(folder: Path, root: Path) -> Template:
    """HQ with letters for LEDGER_FIRMS firms; the Milan outpost recorded each firm's 2026 actuals with a scan
    of its own and applied; its bundle is what the child imports at HQ."""
    from datetime import date

    from qt_app.services import ledger
    from qt_app.services.bundles import export_bundle, import_bundle
    from qt_app.services.firms import open_store
    from qt_app.services.offices import set_office_role
    from tests.store.conftest import pin_hq, trust
    from tests.store.ledger_fixtures import PDF, actuals_file, evidence, issue_letter, landed_firm, scan

    outpost = root / "outpost"
    with open_store(folder, auto_backup=False) as hq, open_store(outpost, auto_backup=False) as milan:
        set_office_role(milan, "outpost")
        pin_hq(milan, folder)
        trust(outpost, folder)
        firms = [landed_firm(800 + n, grade="C") for n in range(LEDGER_FIRMS)]
        for firm in firms:
            issue_letter(hq, firm)
        export_bundle(hq, root / "letters.json")
        import_bundle(milan, root / "letters.json")
        for n, firm in enumerate(firms):
            body = PDF.replace(b"%%EOF", f"% scan {n}\n".encode() + b"x" * 20_000 + b"\n%%EOF")
            name = scan(root / f"scans{n}", "audit.pdf", body)
            years = {"2026": {"revenue": {"amount": "1.2亿", "evidence": evidence(file=name)}}}
            ledger.record_actuals_file(milan, actuals_file(root / f"scans{n}", firm, years))
            ledger.open_claim(milan, ledger.OpenClaim(firm.id, "revenue", 2026, date(2027, 4, 1)))
        export_bundle(milan, root / "ledger.bundle.json")
    return Template(folder, str(root / "ledger.bundle.json"), base=LEDGER_FIRMS, added=LEDGER_FIRMS)


def _ledger_import_lost(store: Any, template: Template, log: list[str], notes: list[str]) -> tuple[int, str]:
    """Every firm's year and application arrived, or none did; every evidence row has its scan, intact."""
    import hashlib

    from qt_app.store import evidence_files

    lost = 0
    actuals = store.conn.execute("SELECT count(*) FROM ledger_actuals").fetchone()[0]
    claims = store.conn.execute("SELECT count(*) FROM ledger_claims").fetchone()[0]
    expected = (template.added,) if "committed" in log else (0, template.added)
    if actuals not in expected or claims != actuals:
        lost += 1
        notes.append(
            f"{actuals} years of actuals and {claims} claims: a partial import (expected {expected})"
        )
    for (digest,) in store.conn.execute("SELECT sha256 FROM ledger_evidence WHERE sha256 != ''").fetchall():
        kept = evidence_files.find(store.folder, digest)
        if kept is None or hashlib.sha256(kept.read_bytes()).hexdigest() != digest:
            lost += 1
            notes.append(f"evidence {digest[:12]}… recorded without its scan")
    return lost, "whole" if actuals == template.added else "none"


def progress(folder: Path) -> int:
    """How far the child has written: its write-ahead log plus every backup byte (copies and .part)."""
    files = [folder / f"{DB_NAME}-wal"]
    with contextlib.suppress(OSError):
        files.extend((folder / "backups").iterdir())
    total = 0
    for path in files:
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return total


def fresh_copy(template: Template, folder: Path) -> None:
    shutil.copytree(template.folder, folder)


# -- in the test: what must hold after the kill ---------------------------------------------------------
@dataclass
class Verdict:
    lost: int
    notes: list[str]
    outcome: str = ""  # for imports: "none" (rolled back) or "whole"; for loops: commits confirmed


def check(scenario: str, template: Template, folder: Path, log: list[str]) -> Verdict:
    """Integrity first (damage counts as loss), then the scenario's own promise."""
    from qt_app.services.firms import open_store
    from qt_app.store import backups, integrity

    notes: list[str] = []
    outcome = str(sum(1 for line in log if line.split(" ")[0] in COMMITS))
    conn = sqlite3.connect(f"file:{folder / DB_NAME}?mode=ro", uri=True)
    try:
        problems = integrity.full_check(conn)
    finally:
        conn.close()
    if problems:
        return Verdict(1, [f"integrity: {problems[:3]}"])
    store = open_store(folder, auto_backup=False)  # the lock died with the child: writable again
    try:
        if store.read_only:
            return Verdict(1, [f"read-only after the kill: {store.notice}"])
        count = store.count_firms()
        fts = store.conn.execute("SELECT count(*) FROM firms_fts").fetchone()[0]
        lost = 0 if fts == count else 1
        if lost:
            notes.append(f"search index {fts} ≠ firms {count}")
        if scenario in ("import", "bundle import"):
            committed = "committed" in log
            expected = (
                (template.base + template.added,)
                if committed
                else (template.base, template.base + template.added)
            )
            if count not in expected:
                lost += 1
                notes.append(f"{count} firms: a partial import (expected {expected})")
            outcome = "whole" if count == template.base + template.added else "none"
        elif scenario == "ledger bundle import":
            more, outcome = _ledger_import_lost(store, template, log, notes)
            lost += more
        elif scenario == "letter issue":
            issued = store.letters.search(status="issued")
            numbers = {str(r["doc_number"]) for r in issued}
            confirmed = {line.split(" ", 1)[1] for line in log if line.startswith("issued ")}
            lost += len(confirmed - numbers)
            seqs = sorted(int(r["seq"]) for r in issued)
            if seqs != list(range(1, len(seqs) + 1)):
                lost += 1
                notes.append(f"文号 with gaps: {seqs}")
        elif scenario == "backup":
            made = [Path(line.split(" ", 1)[1]) for line in log if line.startswith("backup ")]
            lost += sum(1 for p in made if p.exists() and not backups.is_good(p, full=True))
            lost += 0 if count == template.base else 1
            if list((folder / "backups").glob("*.part")):
                lost += 1
                notes.append("a .part survived the reopen")
        elif scenario == "restore":
            if count not in template.counts:
                lost += 1
                notes.append(f"{count} firms after a restore (expected one of {template.counts})")
        elif scenario == "ledger writes":
            rows = store.conn.execute(
                "SELECT claim_id, order_number, amount_fen FROM ledger_payments"
            ).fetchall()
            stored = {(c, o, int(a)) for c, o, a in rows}
            confirmed = {
                (p[1], p[2], int(p[3])) for p in (line.split(" ") for line in log if line.startswith("paid "))
            }
            lost += len(confirmed - stored)
            for claim_id, paid in store.conn.execute("SELECT id, paid_fen FROM ledger_claims").fetchall():
                if paid != sum(a for c, _o, a in stored if c == claim_id):  # a half-written step
                    lost += 1
                    notes.append(f"claim {claim_id}: summary {paid} ≠ its payments")
        else:
            saved = {line.split(" ", 1)[1] for line in log if line.startswith("saved ")}
            present = {r[0] for r in store.conn.execute("SELECT id FROM firms")}
            lost += len(saved - present)
        return Verdict(lost, notes, outcome)
    finally:
        store.close()


def read_log(path: Path) -> list[str]:
    try:
        return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError:
        return []


def describe(value: Any) -> str:
    return str(value)[:300]
