"""Issuing letters while the process is killed or the disk fills: 文号 stay gap-free, nothing issued is lost."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from qt_app.domain.errors import DomainError
from qt_app.services import letters
from qt_app.services.session import Session
from tests.faults.ledger import record

ROOT = Path(__file__).resolve().parents[2]
KILLS = 6
CHILD = textwrap.dedent(
    """
    import sys
    from qt_app.services import letters
    from qt_app.services.session import Session

    session = Session.open(sys.argv[1])
    firms = [f for f in session.store.all_firms()][:5]
    print("ready", flush=True)
    while True:
        for firm, variants in firms:
            package = session.package(firm)
            lid = letters.create_draft(session.store, firm, variants, package, session.policy, who="fault")
            letters.submit_letter(session.store, lid, "fault")
            letters.approve_letter(session.store, lid, "fault")
            record = letters.issue_letter(session.store, lid, "fault")
            print("issued", record.doc_number, flush=True)  # printed only after the commit
    """
)


def _issued(folder: Path) -> list[dict[str, object]]:
    session = Session.open(folder)
    try:
        return session.store.letters.search(status="issued")
    finally:
        session.close()


def test_killing_the_app_while_issuing_never_loses_or_skips_a_number(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    Session.open(folder).close()  # demo firms in place before the first kill
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    rng = random.Random(7)
    printed: set[str] = set()
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(folder)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        printed |= {line.split()[1] for line in out.splitlines() if line.startswith("issued")}
        with sqlite3.connect(folder / "offer-desk.sqlite3") as check:
            assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = _issued(folder)
    numbers = {str(r["doc_number"]) for r in rows}
    lost = printed - numbers
    seqs = sorted(int(r["seq"]) for r in rows)  # type: ignore[call-overload]
    record(
        f"SIGKILL while issuing letters ({KILLS} kills, {len(printed)} confirmed issues)", KILLS, len(lost)
    )
    assert not lost, f"issued letters missing after a crash: {lost}"
    assert seqs == list(range(1, len(seqs) + 1)), f"文号 sequence has gaps: {seqs}"
    assert all(r["content_hash"] and r["snapshot_json"] and r["payload"] for r in rows)


def test_a_full_disk_while_issuing_consumes_no_number(tmp_path: Path) -> None:
    session = Session.open(tmp_path / "data")
    try:
        firm, variants = next(iter(session.store.all_firms()))
        package = session.package(firm)
        lid = letters.create_draft(session.store, firm, variants, package, session.policy, who="fault")
        letters.submit_letter(session.store, lid, "fault")
        letters.approve_letter(session.store, lid, "fault")
        db = session.store.db
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full: not one more page
        with pytest.raises(DomainError) as full:
            letters.issue_letter(session.store, lid, "fault")
        assert "空间" in full.value.zh or "磁盘" in full.value.zh
        db.execute("PRAGMA max_page_count = 1073741823")
        issued = letters.issue_letter(session.store, lid, "fault")
        assert issued.doc_number.endswith("〕1号"), issued.doc_number
        record("full disk while issuing a letter (number not consumed)", 1, 0)
    finally:
        session.close()
