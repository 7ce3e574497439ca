"""Variant operations (测算方案操作): create, edit, rename, duplicate, delete and reorder a firm's what-ifs.

Variants are saved with their firm (`Store.save_firm(firm, variants)`), so every step writes the firm's
stored base unchanged with a new list of variants. Undo puts the list back as it was — never the base, which
may have been edited since. Each step checks the variant as the editor does: the firm it assumes must be a
valid firm (the same field messages), its policy assumptions must compute, its name must be its own.
Deleting the offer variant also clears the offer (undo restores both); letters already issued keep the
variant they were issued with, frozen in their snapshot.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from qt_app.domain.errors import DomainError
from qt_app.domain.variants import BASE, Variant, apply_to_firm, next_name, unique_label
from qt_app.services.offers import clear_offer_variant, offer_refusal, offer_variant, set_offer_variant
from qt_app.services.operations.base import OpResult, Undo
from qt_app.services.operations.changes import OpChanges

if TYPE_CHECKING:
    from qt_app.domain.firm import Firm
    from qt_app.domain.hints import Hint
    from qt_app.services.session import Session

Variants = tuple[Variant, ...]


def _notice(firm_id: str) -> OpChanges:
    return OpChanges(variants=frozenset({firm_id}))


def _put(session: Session, firm_id: str, variants: Variants, who: str) -> OpChanges:
    """Write the firm as stored now, with these variants."""
    firm, _old = session.store.get_firm(firm_id)
    session.store.save_firm(firm, variants, who)
    return _notice(firm_id)


def _swap(
    session: Session, firm_id: str, before: Variants, after: Variants, who: str, words: tuple[str, str]
) -> tuple[OpChanges, Undo]:
    """Store `after` in place of `before`; the notice and the undo that puts `before` back."""
    changed = _put(session, firm_id, after, who)
    undo = Undo(
        words[0],
        words[1],
        lambda: _put(session, firm_id, before, who),
        lambda: _put(session, firm_id, after, who),
    )
    return changed, undo


def check_variant(session: Session, firm: Firm, variant: Variant, others: Variants) -> None:
    """Refuse (in words) a variant that cannot be saved: no name, a name taken, an invalid firm it assumes,
    a policy assumption that does not compute."""
    from qt_app.domain.firm_io import firm_from_dict, firm_to_dict
    from qt_app.domain.policy import with_overrides

    label = variant.label.strip()
    if not label:
        raise DomainError("方案名称为空", "The variant has no name")
    if variant.name == BASE or not variant.name.strip():
        raise DomainError(f"方案编号“{variant.name}”不可用", f"“{variant.name}” cannot name a variant")
    for other in others:
        if other.name == variant.name:
            continue
        if other.label.strip() == label:
            raise DomainError(f"已有名为“{label}”的方案", f"There is already a variant named “{label}”")
    # the firm it assumes, judged by the firm reader: the same messages as the base (ValidationError)
    firm_from_dict(firm_to_dict(apply_to_firm(firm, variant)), label)
    with_overrides(session.policy_for(variant), variant.param_overrides)


def _is_offer(session: Session, firm_id: str, name: str) -> bool:
    offer = offer_variant(session.store, firm_id)
    return offer is not None and offer.name == name


def create_variant(
    session: Session, firm_id: str, variant: Variant, who: str = "", after: str = ""
) -> OpResult[str]:
    """新建方案: add `variant` (a fresh name is given when it has none or a taken one), after `after` or at the
    end; returns its name. Undo removes it."""
    firm, before = session.store.get_firm(firm_id)
    if not variant.name or variant.name == BASE or any(v.name == variant.name for v in before):
        variant = replace(variant, name=next_name(before))
    variant = replace(variant, label=variant.label.strip())
    check_variant(session, firm, variant, before)
    at = next((i + 1 for i, v in enumerate(before) if v.name == after), len(before))
    after_list = (*before[:at], variant, *before[at:])
    changed, undo = _swap(
        session,
        firm_id,
        before,
        after_list,
        who,
        (f"新建方案“{variant.label}”", f"New variant “{variant.label}”"),
    )
    return OpResult(changed, variant.name, undo)


def save_variant(session: Session, firm_id: str, variant: Variant, who: str = "") -> OpResult[None]:
    """保存方案: replace the variant of the same name. The offer variant may not take on a policy assumption
    that is not in force (choose another offer first)."""
    firm, before = session.store.get_firm(firm_id)
    if not any(v.name == variant.name for v in before):
        raise DomainError(
            f"方案“{variant.label}”已不存在（可能已被删除）",
            f"The variant “{variant.label}” no longer exists",
        )
    variant = replace(variant, label=variant.label.strip())
    check_variant(session, firm, variant, before)
    if _is_offer(session, firm_id, variant.name):
        refusal = offer_refusal(variant, session.policies)
        if refusal is not None:
            raise DomainError(
                f"这是本企业的报价方案：{refusal.zh}。请先另设报价方案",
                f"This is the firm's offer: {refusal.en}. Choose another offer first",
            )
    after_list = tuple(variant if v.name == variant.name else v for v in before)
    changed, undo = _swap(
        session,
        firm_id,
        before,
        after_list,
        who,
        (f"修改方案“{variant.label}”", f"Edit variant “{variant.label}”"),
    )
    return OpResult(changed, None, undo)


def _named(variants: Variants, name: str) -> Variant:
    for v in variants:
        if v.name == name:
            return v
    raise DomainError(f"没有名为“{name}”的方案", f"No variant named “{name}”")


def rename_variant(session: Session, firm_id: str, name: str, label: str, who: str = "") -> OpResult[None]:
    """重命名: only the label changes; the name (what the offer and letters refer to) stays."""
    _firm, before = session.store.get_firm(firm_id)
    old = _named(before, name)
    label = label.strip()
    if label == old.label:
        return OpResult(OpChanges(), None)
    if not label:
        raise DomainError("方案名称为空", "The variant has no name")
    if any(v.label.strip() == label for v in before if v.name != name):
        raise DomainError(f"已有名为“{label}”的方案", f"There is already a variant named “{label}”")
    after_list = tuple(replace(v, label=label) if v.name == name else v for v in before)
    changed, undo = _swap(
        session,
        firm_id,
        before,
        after_list,
        who,
        (f"方案“{old.label}”改名为“{label}”", f"Rename “{old.label}” to “{label}”"),
    )
    return OpResult(changed, None, undo)


def duplicate_variant(session: Session, firm_id: str, name: str, who: str = "") -> OpResult[str]:
    """复制方案: a copy right after it, named "…（副本）"; returns the copy's name."""
    _firm, before = session.store.get_firm(firm_id)
    old = _named(before, name)
    copy = replace(old, name=next_name(before), label=unique_label(f"{old.label}（副本）", before))
    return create_variant(session, firm_id, copy, who, after=name)


def delete_variant(session: Session, firm_id: str, name: str, who: str = "") -> OpResult[None]:
    """删除方案; when it is the offer, the offer is cleared too. Undo brings back both."""
    store = session.store
    _firm, before = store.get_firm(firm_id)
    old = _named(before, name)
    offer = offer_variant(store, firm_id)
    was_offer = offer is not None and offer.name == name
    after_list = tuple(v for v in before if v.name != name)

    def do() -> OpChanges:
        changed = _put(session, firm_id, after_list, who)
        if was_offer:
            clear_offer_variant(store, firm_id, who)
            changed = changed | OpChanges(offers=frozenset({firm_id}))
        return changed

    def undo() -> OpChanges:
        changed = _put(session, firm_id, before, who)
        if was_offer and offer is not None:
            set_offer_variant(store, firm_id, offer, who)
            changed = changed | OpChanges(offers=frozenset({firm_id}))
        return changed

    changed = do()
    return OpResult(changed, None, Undo(f"删除方案“{old.label}”", f"Delete variant “{old.label}”", undo, do))


def move_variant(session: Session, firm_id: str, name: str, step: int, who: str = "") -> OpResult[None]:
    """上移 / 下移: the order staff see in every list (and the default columns of 方案对比)."""
    _firm, before = session.store.get_firm(firm_id)
    old = _named(before, name)
    i = before.index(old)
    j = max(0, min(len(before) - 1, i + step))
    if i == j:
        return OpResult(OpChanges(), None)
    order = list(before)
    order.insert(j, order.pop(i))
    after_list = tuple(order)
    zh, en = ("上移", "up") if step < 0 else ("下移", "down")
    changed, undo = _swap(
        session, firm_id, before, after_list, who, (f"方案“{old.label}”{zh}", f"Move “{old.label}” {en}")
    )
    return OpResult(changed, None, undo)


def variant_from_hint(
    session: Session, firm_id: str, hint: Hint, lang: str = "zh", who: str = ""
) -> OpResult[str]:
    """按此新建方案: the hint's what-if (that year's revenue just above the threshold) as a new variant,
    named after the hint; returns its name."""
    _firm, before = session.store.get_firm(firm_id)
    made = replace(hint.variant, name=next_name(before), label=unique_label(hint.label(lang), before))
    return create_variant(session, firm_id, made, who)
