"""Snapshot hashing, the editable wording file, and the PDF reader's invariants."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qt_app.domain.errors import ValidationError
from qt_app.domain.variants import Variant
from qt_app.reports import pdf_read
from qt_app.reports.pdf_objects import literal_string
from qt_app.reports.signing import KeyRing
from qt_app.reports.snapshot import LetterTerms, build_snapshot, content_hash, date_zh
from qt_app.reports.texts import fill, load_texts, texts_path
from qt_app.reports.verify import verify_pdf_bytes
from qt_app.services.letters import render_letter
from tests.reports.factories import make_firm, make_package, make_policy


def _snapshot(**kw: object) -> dict[str, object]:
    firm = make_firm()
    return build_snapshot(
        firm=firm,
        variant=Variant(),
        package=make_package(firm),
        policy=make_policy(),
        terms=LetterTerms(),
        texts=load_texts(),
        letter_id="l-1",
        issue_date=date(2026, 3, 5),
        doc_number="青招〔2026〕7号",
        draft=False,
        **kw,  # type: ignore[arg-type]
    )


def test_content_hash_ignores_key_order_but_not_amounts() -> None:
    snap = _snapshot()
    shuffled = json.loads(json.dumps(snap, sort_keys=False))
    reordered = dict(reversed(list(shuffled.items())))
    assert content_hash(reordered) == content_hash(snap)
    snap["package"]["lines"][0]["amount"] += 1  # type: ignore[index]
    assert content_hash(snap) != content_hash(reordered)


def test_snapshot_freezes_wording_with_values_filled() -> None:
    snap = _snapshot()
    notes = [n[0] for n in snap["terms"]["notes"]]  # type: ignore[index]
    assert any("90日内有效（至2026年6月3日）" in n for n in notes)
    assert snap["terms"]["title"][0] == "关于青田元宇宙科技有限公司适用青田县元宇宙产业扶持政策的告知函"  # type: ignore[index]
    texts = [t for pair in snap["terms"]["conditions"] + snap["terms"]["notes"] for t in pair]  # type: ignore[index, operator]
    assert texts and not any("{" in t or "}" in t for t in texts)  # every placeholder filled


def test_internal_pipeline_notes_never_reach_the_firms_copy() -> None:
    firm = make_firm().with_changes(notes="对方底线是200万", contact="张总 13800000000", owner="小王")
    snap = build_snapshot(
        firm=firm, variant=Variant(), package=make_package(firm), policy=make_policy(), terms=LetterTerms(),
        texts=load_texts(), letter_id="l-1", issue_date=date(2026, 3, 5),
    )  # fmt: skip
    dumped = json.dumps(snap, ensure_ascii=False)
    assert "底线" not in dumped and "13800000000" not in dumped and "小王" not in dumped
    assert snap["firm"]["uscc"] == firm.uscc and snap["firm"]["revenue"]  # type: ignore[index]


def test_dates_are_not_zero_padded() -> None:
    assert date_zh(date(2026, 3, 5)) == "2026年3月5日"
    assert date_zh(date(2026, 12, 25)) == "2026年12月25日"


def test_bundled_wording_file_reads_and_has_the_required_notes() -> None:
    texts = load_texts()
    assert texts.notes[0][0] == "本函为测算告知，不构成付款承诺；以政策原文及兑现审核结果为准。"
    assert any("就高" in n[0] for n in texts.notes)
    assert any("贸易类" in c[0] and "失信" in c[0] for c in texts.conditions)
    assert texts.clawback


def test_wording_file_problems_name_the_key(tmp_path: Path) -> None:
    text = texts_path().read_text(encoding="utf-8")
    bad = tmp_path / "letter_texts.yaml"
    bad.write_text(text + "\nsignature_line:\n  zh: x\n  en: y\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_texts(bad)
    assert err.value.problems[0].path == "signature_line" and str(bad) in err.value.zh
    bad.write_text(text.replace('  zh: "特此告知。"', "  zhh: x"), encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_texts(bad)
    assert err.value.problems[0].path == "closing"


def test_fill_leaves_unknown_placeholders_and_braces_in_names_alone() -> None:
    assert fill(("{firm}于{when}", "{firm}"), firm="{A}公司") == ("{A}公司于{when}", "{A}公司")


def _pdf_escape(data: bytes) -> bytes:
    out = bytearray(b"(")
    for b in data:
        if b in b"\\()":
            out += b"\\" + bytes([b])
        elif b < 32 or b > 126:
            out += b"\\%03o" % b
        else:
            out.append(b)
    return bytes(out + b")")


@given(st.binary(max_size=64))
def test_literal_strings_read_back_exactly(data: bytes) -> None:
    encoded = _pdf_escape(data)
    raw, end = literal_string(encoded + b" Tj", 0)
    assert raw == data and end == len(encoded)


NAME_CHARS = st.sampled_from(list("青田元宇宙科技有限公司数字孪生华侨&<>\"'ABCxyz0123-（）·. "))


@settings(max_examples=12, deadline=None)
@given(st.text(NAME_CHARS, min_size=1, max_size=60).filter(lambda s: s.strip() != ""))
def test_any_firm_name_prints_as_typed_and_verifies(name: str) -> None:
    ring = KeyRing()
    firm = make_firm(name)
    pdf = render_letter(
        firm, None, make_package(firm), make_policy(), None, "zh", False, letter_id="l-p", doc_number="青招〔2026〕1号",
        issue_date=date(2026, 3, 5), keyring=ring,
    )  # fmt: skip
    verdict = verify_pdf_bytes(pdf, ring)
    assert verdict.ok, (name, verdict.missing)
    seen = "".join(pdf_read.visible_text(pdf_read.read_pdf(pdf)))
    assert "".join(name.split()) in "".join(seen.split())
