"""The frozen snapshot of a letter (告知函快照): every fact the PDF shows, as plain JSON.

Issuing freezes it; the PDF is always rendered from it, and its canonical JSON hashes to the content hash
that the QR payload signs. Nothing here reads the clock or the settings: the caller passes them in.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from qt_app import __version__
from qt_app.domain.firm import Firm
from qt_app.domain.firm_io import firm_to_dict
from qt_app.domain.money import capitals
from qt_app.domain.money_format import figure, money_words
from qt_app.domain.package import LineItem, Package
from qt_app.domain.variants import Variant
from qt_app.reports.official.payload import CONTENT_BYTES, Claims
from qt_app.reports.official.payload import KIND_NOTICE as KIND_NOTICE_CODE
from qt_app.reports.official.payload import KIND_OFFER as KIND_OFFER_CODE
from qt_app.reports.official.text import date_en, date_zh
from qt_app.reports.texts import LetterTexts, Pair, fill

__all__ = ["date_en", "date_zh"]

SCHEMA = 2  # 2: kinds kept apart (cash / voucher / in kind), horizon, notice letters, contact and 抄送
KIND_OFFER = "offer"  # 告知函: what the firm gets
KIND_NOTICE = "notice"  # 不予支持告知函: an excluded firm, or nothing to pay — never a ¥0 offer
DEFAULT_OFFICE = "青田县投资促进中心"
DEFAULT_OFFICE_EN = "Qingtian County Investment Promotion Centre"

# Category names for the chart legend; the policy module's table wins when present.
_CATEGORY_FALLBACK: dict[str, tuple[str, str]] = {"other": ("其他", "Other")}


def _category_labels() -> Mapping[str, tuple[str, str]]:
    try:
        from qt_app.domain.policy import CATEGORY_LABELS
    except ImportError:  # pragma: no cover - the policy model is part of the domain
        return _CATEGORY_FALLBACK
    return CATEGORY_LABELS


@dataclass(frozen=True)
class Contact:
    """附注: the issuing officer a firm calls about the letter (联系人, 电话)."""

    name: str = ""
    phone: str = ""

    @property
    def complete(self) -> bool:
        return bool(self.name.strip() and self.phone.strip())


@dataclass(frozen=True)
class LetterTerms:
    """Settings that shape a letter, read from the store's settings (or defaults)."""

    office: str = DEFAULT_OFFICE
    office_en: str = DEFAULT_OFFICE_EN
    doc_prefix: str = "青招"
    signer: str = ""
    validity_days: int = 90
    min_years: int = 5
    contact: Contact = Contact()
    cc: str = ""  # 抄送, e.g. 县财政局、县经信局


def canonical_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_hash(snapshot: Mapping[str, Any]) -> str:
    """sha256 hex of the canonical JSON of the snapshot."""
    return hashlib.sha256(canonical_json(snapshot)).hexdigest()


# Pipeline/CRM fields stay in the office: the snapshot is attached to the PDF the firm receives.
_INTERNAL_FIRM_FIELDS = ("stage", "stage_reason", "owner", "outpost", "contact", "notes", "uscc_note")


def public_firm_dict(firm: Firm) -> dict[str, Any]:
    """The firm as the letter freezes it: its declared plan, without internal pipeline notes."""
    data = firm_to_dict(firm)
    for key in _INTERNAL_FIRM_FIELDS:
        data.pop(key, None)
    return data


def _status_label(status: Any) -> list[str]:
    """The line status as people read it; statuses this module does not know print by their own name."""
    from qt_app.domain import package as package_module

    labels: Mapping[Any, tuple[str, str]] = getattr(package_module, "STATUS_LABELS", {})
    value = getattr(status, "value", status)
    for key, pair in labels.items():
        if getattr(key, "value", key) == value:
            return [pair[0], pair[1]]
    return [str(value), str(value)]


def line_to_dict(line: LineItem) -> dict[str, Any]:
    return {
        "item_id": line.item_id,
        "kind": line.kind,
        "clause": line.clause,
        "clause_status": line.clause_status,
        "name_zh": line.name_zh,
        "name_en": line.name_en,
        "category": line.category,
        "benefit": line.benefit.value,
        "year": line.year,
        "amount": int(line.amount),
        "status": getattr(line.status, "value", str(line.status)),
        "status_label": _status_label(line.status),
        "explanation_zh": line.explanation_zh,
        "explanation_en": line.explanation_en,
        "reason_zh": line.reason_zh,
        "reason_en": line.reason_en,
        "basis_zh": line.basis_zh,
        "caps": list(line.caps),
        "params": [
            {"path": p.path, "label_zh": p.label_zh, "display": p.display, "status": p.status}
            for p in line.params
        ],
    }


def _site_names(policy: Any, site_id: str) -> Pair:
    for s in getattr(policy, "sites", ()) or ():
        if s.id == site_id:
            return (s.zh, s.en)
    return (site_id, site_id)


def declared_facts(firm: Firm, policy: Any) -> list[dict[str, str]]:
    """What the firm declared (企业申报情况), as label/value rows for the letter's basis section."""
    rows: list[dict[str, str]] = []

    def add(zh: str, en: str, value_zh: str, value_en: str | None = None) -> None:
        rows.append({"zh": zh, "en": en, "value_zh": value_zh, "value_en": value_en or value_zh})

    loc = firm.location
    if loc is not None:
        site_zh, site_en = _site_names(policy, loc.site)
        add("入驻载体", "Premises", site_zh, site_en)
        add("租赁面积", "Leased area", f"{loc.area_m2}㎡", f"{loc.area_m2} m²")
        add("市场租金", "Market rent", f"{loc.rent_per_m2_day}元/㎡/天", f"{loc.rent_per_m2_day} yuan/m²/day")
        add("入驻日期", "Move-in date", date_zh(loc.move_in), loc.move_in.isoformat())
    if firm.revenue:
        zh = "；".join(f"{y}年 {money_words(v)}" for y, v in sorted(firm.revenue.items()))
        en = "; ".join(f"{y}: {money_words(v, 'en')}" for y, v in sorted(firm.revenue.items()))
        add("计划年销售收入", "Planned annual revenue", zh, en)
    if firm.talents:
        zh = "；".join(f"{t.level}类人才{t.count}人（{t.arrival_year}年到岗）" for t in firm.talents)
        en = "; ".join(f"{t.count} level-{t.level} talent(s) arriving {t.arrival_year}" for t in firm.talents)
        add("人才引进", "Talents", zh, en)
    if firm.investment:
        add(
            "计划投资额",
            "Planned investment",
            money_words(firm.investment),
            money_words(firm.investment, "en"),
        )
    if firm.rnd_spend:
        zh = "；".join(f"{y}年 {money_words(v)}" for y, v in sorted(firm.rnd_spend.items()))
        en = "; ".join(f"{y}: {money_words(v, 'en')}" for y, v in sorted(firm.rnd_spend.items()))
        add("计划研发投入", "Planned R&D spend", zh, en)
    if firm.compute_spend:
        zh = "；".join(f"{y}年 {money_words(v)}" for y, v in sorted(firm.compute_spend.items()))
        en = "; ".join(f"{y}: {money_words(v, 'en')}" for y, v in sorted(firm.compute_spend.items()))
        add("算力合作合同额", "Compute contracts", zh, en)
    if firm.domains:
        add("产业领域", "Fields", "、".join(firm.domains), ", ".join(firm.domains))
    add("企业等级", "Firm grade", f"{firm.grade}类", f"grade {firm.grade}")
    return rows


def illustrative_params(lines: Sequence[LineItem]) -> list[dict[str, str]]:
    """Illustrative values the paying lines used (示例参数), each listed once."""
    seen: dict[tuple[str, str], dict[str, str]] = {}
    for line in lines:
        for p in line.params:
            if p.status == "illustrative" and (p.path, p.display) not in seen:
                seen[(p.path, p.display)] = {
                    "item": line.name_zh,
                    "label_zh": p.label_zh,
                    "display": p.display,
                }
    return list(seen.values())


def build_core(
    *, firm: Firm, variant: Variant, package: Package, policy: Any, language: str = "zh"
) -> dict[str, Any]:
    """The approved content of a letter: firm, policy version, package (no number, date or wording yet)."""
    if language not in ("zh", "zh+en"):
        raise ValueError(f"language must be zh or zh+en, not {language!r}")
    paying = package.paying_lines()
    labels = _category_labels()
    years = sorted({*package.years, *(line.year for line in paying)})
    kind = KIND_OFFER if package.eligible and package.total > 0 else KIND_NOTICE
    eff_to = getattr(policy, "effective_to", None)
    eff_from = getattr(policy, "effective_from", None)
    return {
        "schema": SCHEMA,
        "kind": kind,
        "language": language,
        "firm": public_firm_dict(firm),
        "declared": declared_facts(firm, policy),
        "variant": variant_assumptions(variant),
        "policy": {
            "id": str(getattr(policy, "id", "")),
            "version": str(getattr(policy, "version", "")),
            "title": str(getattr(policy, "title", "")),
            "title_en": str(getattr(policy, "title_en", "")),
            "issuer": str(getattr(policy, "issuer", "")),
            "doc_number": getattr(policy, "doc_number", None) or "",
            "hash": str(getattr(policy, "hash", "") or package.policy_hash),
            "effective_from": eff_from.isoformat() if isinstance(eff_from, date) else "",
            "effective_to": eff_to.isoformat() if isinstance(eff_to, date) else "",
            "stacking": [str(getattr(policy, "stacking_zh", "")), str(getattr(policy, "stacking_en", ""))],
            "legal_notes": [list(p) for p in getattr(policy, "legal_notes", ()) or ()],
        },
        "package": {
            "years": list(package.years),
            "eligible": package.eligible,
            "exclusions": [list(p) for p in zip(package.exclusions_zh, package.exclusions_en, strict=False)],
            "lines": [line_to_dict(line) for line in paying],
            "not_given": [line_to_dict(line) for line in package.not_given()],
            "total": int(package.total),
            "cash_total": int(package.cash_total),
            "voucher_total": int(package.voucher_total),
            "in_kind_total": int(package.in_kind_total),
            "horizon": [years[0], years[-1]] if years else [],
            "illustrative": illustrative_params(paying),
        },
        "categories": {c: list(labels.get(c, (c, c))) for c in sorted({line.category for line in paying})},
    }


def variant_assumptions(variant: Variant) -> dict[str, Any]:
    """The variant as the letter freezes it: its name and label, and what the county committed to beyond the
    firm's plan — negotiated parameters (param_overrides), grade, the policy version it names — so the 兑现
    ledger reads them from the letter, not from the firm record as it may have been edited since."""
    return {
        "name": variant.name,
        "label": variant.label,
        "param_overrides": dict(sorted(variant.param_overrides.items())),
        "grade": variant.grade or "",
        "policy_id": variant.policy_id,
        "policy_version": variant.policy_version,
    }


def _title(
    template: Pair, values: Mapping[str, object], values_en: Mapping[str, object]
) -> tuple[list[str], list[str]]:
    """The title as text (zh, en) and as the pieces a line may break between ("|" in the template)."""
    atoms = [fill((part, ""), **values)[0] for part in template[0].split("|")]
    return ["".join(atoms), fill(template, **values_en)[1].replace("|", "")], [a for a in atoms if a]


def finalize(
    core: dict[str, Any],
    *,
    terms: LetterTerms,
    texts: LetterTexts,
    letter_id: str,
    issue_date: date,
    doc_number: str = "",
    draft: bool = True,
) -> dict[str, Any]:
    """The full snapshot: the core plus number, date, issuing body and the wording with its values filled in."""
    valid_until = issue_date + timedelta(days=terms.validity_days)
    pol = core["policy"]
    pkg = core["package"]
    horizon = pkg.get("horizon") or [issue_date.year, issue_date.year]
    total, cash = int(pkg["total"]), int(pkg.get("cash_total", pkg["total"]))
    values: dict[str, object] = {
        "firm": core["firm"]["name"],
        "office": terms.office,
        "min_years": terms.min_years,
        "validity_days": terms.validity_days,
        "valid_until": date_zh(valid_until),
        "policy": pol["title"],
        "version": pol["version"],
        "first_year": horizon[0],
        "last_year": horizon[-1],
        "total": figure(total),
        "total_caps": capitals(total),
        "cash": figure(cash),
        "cash_caps": capitals(cash),
    }
    values_en = dict(values, valid_until=date_en(valid_until), office=terms.office_en or terms.office)

    def both(pair: Pair) -> list[str]:
        return [fill(pair, **values)[0], fill(pair, **values_en)[1]]

    notice = core.get("kind") == KIND_NOTICE
    title, atoms = _title(texts.notice_title if notice else texts.title, values, values_en)
    return {
        **core,
        "letter_id": letter_id,
        "doc_number": doc_number,
        "draft": draft,
        "issue_date": issue_date.isoformat(),
        "valid_until": valid_until.isoformat(),
        "app_version": __version__,
        "office": terms.office,
        "office_en": terms.office_en,
        "signer": terms.signer,
        "contact": {"name": terms.contact.name.strip(), "phone": terms.contact.phone.strip()},
        "cc": terms.cc.strip(),
        "terms": {
            "validity_days": terms.validity_days,
            "min_years": terms.min_years,
            "title": title,
            "title_atoms": atoms,
            "opening": both(texts.notice_opening if notice else texts.opening),
            "closing": both(texts.closing),
            "summary": both(texts.summary),
            "voucher_note": both(texts.voucher_note),
            "in_kind_note": both(texts.in_kind_note),
            "attachment_title": both(texts.attachment_title),
            "receipt": both(texts.receipt),
            "notice_reapply": both(texts.notice_reapply),
            "conditions": [both(p) for p in texts.conditions],
            "clawback": [both(p) for p in texts.clawback],
            "notes": [both(p) for p in texts.notes],
            "illustrative_note": both(texts.illustrative_note),
            "illustrative": core["package"]["illustrative"],
            "seal_statement": both(texts.seal_statement),
            "verify_hint": both(texts.verify_hint),
        },
    }


def build_snapshot(
    *,
    firm: Firm,
    variant: Variant,
    package: Package,
    policy: Any,
    terms: LetterTerms,
    texts: LetterTexts,
    letter_id: str,
    issue_date: date,
    doc_number: str = "",
    language: str = "zh",
    draft: bool = True,
) -> dict[str, Any]:
    """Freeze everything the letter prints into one JSON-ready dict."""
    core = build_core(firm=firm, variant=variant, package=package, policy=policy, language=language)
    return finalize(
        core,
        terms=terms,
        texts=texts,
        letter_id=letter_id,
        issue_date=issue_date,
        doc_number=doc_number,
        draft=draft,
    )


def claims(
    snapshot: Mapping[str, Any], content_digest: str, pages: int, page_digest: bytes, key_fp: str
) -> Claims:
    """What the QR code says about this letter (see official.payload)."""
    pkg = snapshot["package"]
    notice = snapshot.get("kind") == KIND_NOTICE
    return Claims(
        kind=KIND_NOTICE_CODE if notice else KIND_OFFER_CODE,
        draft=bool(snapshot["draft"]),
        doc_id=str(snapshot["letter_id"]),
        number=str(snapshot["doc_number"] or ""),
        party=str(snapshot["firm"]["uscc"]),
        issued=date.fromisoformat(snapshot["issue_date"]),
        total=int(pkg["total"]),
        cash=int(pkg.get("cash_total", pkg["total"])),
        policy=str(snapshot["policy"]["version"]),
        pages=pages,
        content=bytes.fromhex(content_digest)[:CONTENT_BYTES],
        digest=page_digest,
        key=bytes.fromhex(key_fp)[:8],
    )
