"""The offer letter PDF (政策告知函, or 不予支持告知函 for a firm the policy excludes), from its snapshot.

Layout after GB/T 9704 信函格式 (see docs/letters.md for each departure): letterhead, balanced 2号小标宋
title, 3号仿宋 body on the 22-line grid, 黑体/楷体 headings, the signature with its 42 mm seal area and the QR
code kept with the last paragraph, 附注 with the contact, the firm's receipt, 附件1 (the schedule by benefit
kind) on its own pages, and 抄送 at the foot of the last page. Every character goes through the font chains;
one that no face has is listed on a draft and refused at issue (`unprintable_in`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from reportlab.platypus import Flowable, KeepTogether

from qt_app.reports.letter_context import LetterContext
from qt_app.reports.letter_schedule import schedule_annex
from qt_app.reports.letter_sections import (
    DECLARED,
    FIRM,
    POLICY,
    SCHEDULE,
    WORDING,
    basis_section,
    closing,
    conditions_section,
    contact_note,
    copies,
    draft_warning,
    front,
    not_given_section,
    notes_section,
    receipt,
    summary_section,
)
from qt_app.reports.official import fonts
from qt_app.reports.official.canvas import Attachment, Built, DocSpec, Letterhead, build_pdf
from qt_app.reports.official.digest import PageView
from qt_app.reports.snapshot import KIND_NOTICE, KIND_OFFER, canonical_json

ATTACHMENT_NAME = "letter-snapshot.json"
SUBJECT_PREFIX = "Offer Desk letter sha256:"


def normalized(snapshot: Mapping[str, Any]) -> dict[str, Any]:
    """A snapshot with what older schemas lack filled in (kind, totals by kind, horizon), for drawing only:
    the stored snapshot, and so its content hash, stays as it was issued."""
    snap = copy.deepcopy(dict(snapshot))
    pkg = snap["package"]
    if "kind" not in snap:
        snap["kind"] = KIND_OFFER if pkg.get("eligible", True) and int(pkg["total"]) > 0 else KIND_NOTICE
    if "cash_total" not in pkg:
        pkg["cash_total"] = sum(int(ln["amount"]) for ln in pkg["lines"] if ln.get("benefit") == "cash")
    if not pkg.get("horizon"):
        years = sorted({*pkg.get("years", []), *(ln["year"] for ln in pkg["lines"])})
        pkg["horizon"] = [years[0], years[-1]] if years else []
    for line in [*pkg["lines"], *pkg["not_given"]]:
        line.setdefault("status_label", [line.get("status", ""), line.get("status", "")])
    snap.setdefault("contact", {})
    snap.setdefault("cc", "")
    return snap


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, path)


_WHERE = (
    ("firm.name", FIRM),
    ("firm", FIRM),
    ("declared", DECLARED),
    ("variant", DECLARED),
    ("package", SCHEDULE),
    ("categories", SCHEDULE),
    ("policy", POLICY),
    ("terms", WORDING),
    ("office", "发文机关 / issuing office"),
    ("contact", "联系人 / contact"),
    ("cc", "抄送 / copies"),
    ("doc_number", "文号 / document number"),
)
_NOT_PRINTED = ("schema", "language", "kind", "hash", "app_version", "issue_date", "valid_until", "signer")


def unprintable_in(snapshot: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(character, where) for every character of the letter that no bundled face can print."""
    out: dict[str, str] = {}
    for path, text in _strings(snapshot, ""):
        if path.split(".")[-1] in _NOT_PRINTED:
            continue
        for ch in fonts.unprintable(text):
            if ch not in out:
                out[ch] = next((label for prefix, label in _WHERE if path.startswith(prefix)), WORDING)
    return list(out.items())


def _story(cx: LetterContext, digest: str, key_fp: str, missing: list[tuple[str, str]]) -> list[Flowable]:
    snap = cx.snap
    story: list[Flowable] = []
    if snap["draft"]:
        contact = snap.get("contact") or {}
        story += draft_warning(cx, missing, not (contact.get("name") and contact.get("phone")))
    story += front(cx)
    if snap["kind"] == KIND_NOTICE:
        story += not_given_section(cx, ("不予支持的原因", "Why the policy does not apply"))
        story += basis_section(cx)
        terms = snap["terms"]
        story += [
            *cx.heading("享受条件", "Conditions of the policy"),
            *cx.numbered(terms["conditions"], where=WORDING),
        ]
    else:
        story += basis_section(cx)
        story += summary_section(cx)
        story += not_given_section(cx)
        story += conditions_section(cx)
    annex = schedule_annex(cx) if snap["kind"] == KIND_OFFER else []
    story += closing(cx, notes_section(cx), digest, key_fp, bool(annex))
    story += contact_note(cx)
    story += annex
    # The firm's receipt closes the document, above 抄送, never on a page of its own: it keeps the flowable
    # before it (the annex's chart, or the 附注) on its page, so a signed receipt cannot be detached.
    story.append(KeepTogether([story.pop(), *receipt(cx)]))
    story += copies(cx)
    return story


def render_pdf(
    snapshot: Mapping[str, Any],
    digest: str,
    key_fp: str,
    sign: Callable[[list[PageView]], str],
    seal: Callable[[bytes], bytes] | None = None,
) -> Built:
    """Lay the letter out and seal it: `sign` gets the pages' digests and returns the QR payload text;
    `seal` signs the finished file (see official.canvas.seal_file)."""
    snap = normalized(snapshot)
    missing = unprintable_in(snap)
    ts = fonts.Typesetter()
    cx = LetterContext(snap, ts)
    draft = bool(snap["draft"])
    number = snap["doc_number"] if not draft else "草稿（未编号）" + (" DRAFT" if cx.bi else "")
    firm = snap["firm"]["name"]
    spec = DocSpec(
        title=str(snap["terms"]["title"][0]),
        author=str(snap["office"]),
        creator=f"Offer Desk {snap['app_version']}",
        letterhead=Letterhead(snap["office"], snap.get("office_en", ""), number),
        running_head=f"{snap['doc_number'] or '草稿'}  {firm}",
        footer=(
            f"函件编号 {snap['letter_id']}  ·  政策版本 {snap['policy']['version']}  ·  "
            f"软件版本 {snap['app_version']}  ·  内容摘要 {digest[:12]}"
        ),
        bilingual=cx.bi,
        draft=draft,
        subject_prefix=SUBJECT_PREFIX + digest,
        attachments=[Attachment(ATTACHMENT_NAME, canonical_json(snapshot), "Offer Desk letter snapshot")],
        sign=sign,
        seal=seal,
        typesetter=ts,
    )
    return build_pdf(_story(cx, digest, key_fp, missing), spec)
