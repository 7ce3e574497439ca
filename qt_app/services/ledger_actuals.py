"""Recording actuals (登记实绩): a year's figures with their evidence, for a firm with an issued or accepted letter.

Scans named in the actuals are read, checked and kept in the data folder under their sha256 before the one
transaction that writes the years, their evidence rows and the audit entries. A file of several firms is all or
nothing; `check_actuals_file` reports what recording would do and writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.ledger.actuals import YearActuals
from qt_app.domain.ledger.actuals_dict import with_scans, year_actuals_to_dict
from qt_app.domain.ledger.actuals_io import ActualsEntry
from qt_app.domain.money_format import money_words
from qt_app.domain.policy import Policy
from qt_app.services.ledger_changes import LedgerChanged
from qt_app.services.ledger_read import (
    LedgerInputs,
    commitment_of,
    keep_policy_text,
    ledger_inputs,
    ledger_of,
    pinned_policy,
    resolve_firm,
)
from qt_app.store import evidence_files

if TYPE_CHECKING:
    from qt_app.store.store import Store


@dataclass(frozen=True)
class RecordActuals:
    """Actuals for one firm (by id, credit code or name), some years; scans by path, relative to `base_dir`."""

    firm: str
    years: tuple[YearActuals, ...]
    letter: str = ""  # 文号 or letter id the file names; "" = the firm's letter of record
    source: str = "form"
    base_dir: Path | None = None
    who: str = ""
    check_only: bool = False  # check everything, keep no scan (the caller rolls the transaction back)


def _scans(
    store: Store, firm_id: str, req: RecordActuals
) -> tuple[dict[str, tuple[evidence_files.Scan, bytes]], list[FieldProblem], list[tuple[str, str]]]:
    """Read every scan the actuals name; problems (unreadable) and warnings (duplicates, not attached)."""
    found: dict[str, tuple[evidence_files.Scan, bytes]] = {}
    problems: list[FieldProblem] = []
    warnings: list[tuple[str, str]] = []
    for actual in req.years:
        for i_path, ev in actual.evidence():
            where = f"years.{actual.year}.{i_path}"
            if ev.source:
                path = Path(ev.source)
                if not path.is_absolute() and req.base_dir is not None:
                    path = req.base_dir / path
                try:
                    found[ev.source] = evidence_files.read_scan(path)
                except DomainError as e:
                    problems.append(FieldProblem(f"{where}.evidence.file", e.zh, e.en))
                    continue
                digest = found[ev.source][0].sha256
            elif ev.sha256:
                digest = ev.sha256
                if evidence_files.find(store.folder, digest) is None:
                    warnings.append(
                        (
                            f"{where}：扫描件 {digest[:12]}… 不在数据文件夹中，请补交",
                            f"{where}: the scan {digest[:12]}… is not in the data folder; attach it",
                        )
                    )
                    continue
            else:
                label = ev.label
                warnings.append(
                    (
                        f"{where}：{label[0]} {ev.number} 未附扫描件",
                        f"{where}: {label[1]} {ev.number} has no scan attached",
                    )
                )
                continue
            for other in store.ledger.evidence_by_hash(digest):
                same = (other["firm_id"], int(other["year"]), other["figure"]) == (
                    firm_id,
                    actual.year,
                    i_path,
                )
                if not same:
                    warnings.append(
                        (
                            f"{where}：该扫描件已作为 {other['firm_id']} {other['year']}年 {other['figure']} 的证明材料"
                            f"（{other['doc_number']}）附上，是同一份文件",
                            f"{where}: this scan is already attached to {other['firm_id']} {other['year']} "
                            f"{other['figure']} ({other['doc_number']}): the same file",
                        )
                    )
                    break
    return found, problems, warnings


def record_actuals(
    store: Store,
    req: RecordActuals,
    policies: Sequence[Policy] = (),
    keeper: evidence_files.Keeper | None = None,
) -> LedgerChanged:
    """Record (or replace) years of actuals for a firm with an issued or accepted letter.

    Scans go through `keeper` (a caller recording several firms as one passes its own, so a later failure
    removes them all); without one, a failure here removes the scans this call kept.
    """
    firm, variants = resolve_firm(store, req.firm)
    own = evidence_files.Keeper(store.folder, req.check_only)
    with own if keeper is None else _borrowed(keeper) as scans_keeper, store.transaction():
        commitment, letter_id = commitment_of(store, firm)
        if req.letter and req.letter not in (letter_id, commitment.doc_number):
            raise DomainError(
                f"文件指定的告知函“{req.letter}”不是“{firm.name}”现行的告知函（{commitment.doc_number}）",
                f"The letter “{req.letter}” named in the file is not the current letter of “{firm.name}” "
                f"({commitment.doc_number})",
            )
        found, problems, warnings = _scans(store, firm.id, req)
        if problems:
            raise ValidationError(problems, req.source)
        scans = {src: (scan.sha256, scan.file_name) for src, (scan, _) in found.items()}
        for scan, data in found.values():
            scans_keeper.keep(scan, data)
        sizes = {scan.sha256: scan.size for scan, _ in found.values()}
        years = {a.year: with_scans(a, scans) for a in req.years}
        evidence_rows = [
            {
                "year": y, "figure": path, "doc_type": e.doc_type, "doc_number": e.number,
                "doc_date": e.issued_on.isoformat(), "sha256": e.sha256, "file_name": e.file_name,
                "size": sizes.get(e.sha256), "received_on": e.received_on.isoformat() if e.received_on else None,
                "received_by": e.received_by,
            }
            for y, a in years.items()
            for path, e in a.evidence()
        ]  # fmt: skip
        store.ledger.record_actuals(
            firm.id,
            letter_id,
            {y: year_actuals_to_dict(a) for y, a in years.items()},
            evidence_rows,
            req.source,
            req.who,
        )
        try:  # actuals are facts: recorded even where the letter's policy version is not at hand
            policy = pinned_policy(store, commitment, policies)
        except DomainError as e:
            warnings.append((f"应兑现金额暂不能计算：{e.zh}", f"Due amounts cannot be computed yet: {e.en}"))
        else:
            keep_policy_text(store, policy)
            if any(row["paid_fen"] for row in store.ledger.claims(firm.id)):  # only then can paid exceed due
                warnings += _overpaid(ledger_inputs(store, firm, variants, policies))
    listed = "、".join(str(y) for y in sorted(years))
    return LedgerChanged(
        "actuals",
        (firm.id,),
        (),
        f"已登记“{firm.name}”{listed}年实绩（{len(evidence_rows)}份证明材料）",
        f"Recorded the actuals of {listed} for “{firm.name}” ({len(evidence_rows)} documents)",
        tuple(w[0] for w in warnings),
        tuple(w[1] for w in warnings),
    )


def _overpaid(inputs: LedgerInputs) -> list[tuple[str, str]]:
    """After new actuals: item-years now paid above what is due (a recovery may be needed)."""
    ledger = ledger_of(inputs)
    return [
        (
            f"{r.year}年{r.name_zh}已拨付{money_words(r.paid, 'zh')}，按新登记的实绩应兑现{money_words(r.due, 'zh')}，"
            f"差额{money_words(r.paid - r.due, 'zh')}可能需要追回",
            f"{r.year} {r.name_en}: {money_words(r.paid, 'en')} paid, {money_words(r.due, 'en')} due on the new "
            f"actuals; the {money_words(r.paid - r.due, 'en')} difference may have to be recovered",
        )
        for r in ledger.rows
        if r.paid > r.due
    ]


def record_actuals_file(
    store: Store, path: str | Path, who: str = "", policies: Sequence[Policy] = (), dry_run: bool = False
) -> list[LedgerChanged]:
    """Record an actuals file (.json or .xlsx): every firm in it, all or nothing."""
    from qt_app.store.actuals_sheet import read_actuals_file

    p = Path(path)
    entries = read_actuals_file(p)
    notices: list[LedgerChanged] = []
    problems: list[FieldProblem] = []
    with evidence_files.Keeper(store.folder, dry_run) as keeper, store.transaction():
        for entry in entries:
            try:
                notices.append(record_actuals(store, _request(entry, p, who, dry_run), policies, keeper))
            except ValidationError as e:
                problems += [FieldProblem(f"{entry.firm_ref} {x.path}", x.zh, x.en) for x in e.problems]
            except DomainError as e:
                problems.append(FieldProblem(entry.firm_ref, e.zh, e.en))
        if problems:
            raise ValidationError(problems, str(p))
        if dry_run:
            raise _DryRun(notices)
    return notices


class _DryRun(Exception):
    def __init__(self, notices: list[LedgerChanged]) -> None:
        super().__init__("dry run")
        self.notices = notices


def check_actuals_file(
    store: Store, path: str | Path, who: str = "", policies: Sequence[Policy] = ()
) -> list[LedgerChanged]:
    """What recording the file would do, with every problem, and nothing written (rolled back)."""
    try:
        record_actuals_file(store, path, who, policies, dry_run=True)
    except _DryRun as done:
        return done.notices
    return []  # pragma: no cover - record_actuals_file always raises in a dry run


def _request(entry: ActualsEntry, path: Path, who: str, check_only: bool) -> RecordActuals:
    return RecordActuals(entry.firm_ref, entry.years, entry.letter, str(path), path.parent, who, check_only)


@contextmanager
def _borrowed(keeper: evidence_files.Keeper) -> Iterator[evidence_files.Keeper]:
    """The caller's keeper, left for the caller to settle."""
    yield keeper
