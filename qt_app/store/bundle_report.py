"""What a bundle import did (`MergeReport`), kind by kind, and the conflicts it left for a person to settle."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Conflict:
    """A firm changed on both sides since they last agreed (冲突): the user picks which to keep."""

    firm_id: str
    name: str
    local_modified_at: str
    remote_modified_at: str
    changed_fields: tuple[str, ...]
    remote: dict[str, Any]


@dataclass(frozen=True)
class LedgerConflict:
    """A firm's year of actuals recorded differently on both sides (实绩冲突): the user picks which to keep."""

    firm_id: str
    name: str
    year: int
    local_recorded_at: str
    remote_recorded_at: str
    local_by: str
    remote_by: str
    changed: tuple[
        str, ...
    ]  # the figures that differ ("revenue", "lease", "letter" when recorded against another)
    source: str = ""


def resolve_hint(firm_id: str, year: int | None = None) -> str:
    """The command that settles a conflict (printed with it)."""
    which = f" --year {year}" if year is not None else ""
    return f"python -m qt_app bundle resolve {firm_id}{which} --keep local|remote"


@dataclass(frozen=True)
class HqSignature:
    """Whether a bundle saying `hq` is signed with the key this outpost pinned as headquarters', and who did
    sign it. Unproven unless the service that verified the signature says otherwise."""

    proven: bool = False
    signer: str = ""  # who signed it, in words with the key shown ("" = not known)
    key: str = ""  # the signer's fingerprint as stored (16 hex digits)
    key_shown: str = ""  # and as shown ("1772 F228 9929 1D64")
    pinned_shown: str = ""  # the key pinned here as shown ("" = none)


UNPROVEN = HqSignature()


@dataclass
class MergeReport:
    """What a bundle import did, firm by firm and entry by entry."""

    source: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept_local: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # (firm, entry or contact id; zh; en)
    contacts_added: int = 0
    skipped_sections: list[str] = field(default_factory=list)  # kinds a later version added
    signed_by: str = ""  # who signed it: the office's name and key fingerprint, as verified
    sender_role: str = ""  # hq | outpost, as the signed body says
    # letters (headquarters → outposts), policy texts, actuals by "firm:year", claims by id
    letters_added: list[str] = field(default_factory=list)
    letters_updated: list[str] = field(default_factory=list)
    letters_unchanged: list[str] = field(default_factory=list)
    policies_added: int = 0
    ledger_added: list[str] = field(default_factory=list)
    ledger_updated: list[str] = field(default_factory=list)
    ledger_kept_local: list[str] = field(default_factory=list)
    ledger_unchanged: list[str] = field(default_factory=list)
    ledger_conflicts: list[LedgerConflict] = field(default_factory=list)
    claims_added: list[str] = field(default_factory=list)
    claims_updated: list[str] = field(default_factory=list)
    claims_kept_local: list[str] = field(default_factory=list)
    claims_unchanged: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # a whole section not merged, and why
    letter_firms: set[str] = field(default_factory=set)  # firms whose letters changed here
    ledger_firms: set[str] = field(default_factory=set)  # firms whose ledger changed here (cache invalidated)

    def _ledger_seen(self) -> bool:
        return any(
            (self.letters_added, self.letters_updated, self.letters_unchanged, self.ledger_added,
             self.ledger_updated, self.ledger_kept_local, self.ledger_unchanged, self.ledger_conflicts,
             self.claims_added, self.claims_updated, self.claims_kept_local, self.claims_unchanged)
        )  # fmt: skip

    def summary(self, lang: str = "zh") -> str:
        if lang == "en":
            text = (
                f"{self.source}: {len(self.added)} added, {len(self.updated)} updated, {len(self.kept_local)} kept "
                f"(newer here), {len(self.unchanged)} unchanged, {len(self.conflicts)} conflicts, "
                f"{len(self.rejected)} rejected, {self.contacts_added} contact entries"
            )
            if self._ledger_seen():
                text += (
                    f"; letters: {len(self.letters_added)} added, {len(self.letters_updated)} updated; actuals: "
                    f"{len(self.ledger_added)} added, {len(self.ledger_updated)} updated, "
                    f"{len(self.ledger_kept_local)} kept (newer here), {len(self.ledger_unchanged)} unchanged, "
                    f"{len(self.ledger_conflicts)} conflicts; claims: {len(self.claims_added)} added, "
                    f"{len(self.claims_updated)} updated, {len(self.claims_unchanged)} unchanged"
                )
            return text
        text = (
            f"{self.source}：新增{len(self.added)}，更新{len(self.updated)}，保留本机较新{len(self.kept_local)}，"
            f"相同{len(self.unchanged)}，冲突{len(self.conflicts)}，拒收{len(self.rejected)}，联络记录{self.contacts_added}条"
        )
        if self._ledger_seen():
            text += (
                f"；告知函：新增{len(self.letters_added)}，更新{len(self.letters_updated)}；实绩：新增{len(self.ledger_added)}，"
                f"更新{len(self.ledger_updated)}，保留本机较新{len(self.ledger_kept_local)}，相同{len(self.ledger_unchanged)}，"
                f"冲突{len(self.ledger_conflicts)}；兑现申请：新增{len(self.claims_added)}，更新{len(self.claims_updated)}，"
                f"相同{len(self.claims_unchanged)}"
            )
        return text

    def lines(self, lang: str = "zh") -> list[str]:
        out = []
        for c in self.conflicts:
            fields = "、".join(c.changed_fields)
            if lang == "en":
                out.append(
                    f"conflict: {c.name} ({c.firm_id}) changed on both sides: {', '.join(c.changed_fields)}; "
                    f"{resolve_hint(c.firm_id)}"
                )
            else:
                out.append(
                    f"冲突：{c.name}（{c.firm_id}）两边都修改过：{fields}，请选择保留哪一份：{resolve_hint(c.firm_id)}"
                )
        for lc in self.ledger_conflicts:
            hint = resolve_hint(lc.firm_id, lc.year)
            if lang == "en":
                out.append(
                    f"conflict: the {lc.year} actuals of {lc.name} ({lc.firm_id}) differ on both sides: "
                    f"{', '.join(lc.changed)}; {hint}"
                )
            else:
                out.append(
                    f"冲突：{lc.name}（{lc.firm_id}）{lc.year}年实绩两边登记的不同：{'、'.join(lc.changed)}，"
                    f"请选择保留哪一份：{hint}"
                )
        for firm_id, zh, en in self.rejected:
            out.append(f"rejected {firm_id}: {en}" if lang == "en" else f"拒收 {firm_id}：{zh}")
        for zh, en in self.notes:
            out.append(en if lang == "en" else zh)
        for kind in self.skipped_sections:
            out.append(
                f"skipped: the section “{kind}” is not known to this version of the app; upgrade to import it"
                if lang == "en"
                else f"跳过：本版本程序不认识“{kind}”部分，升级后才能导入"
            )
        return out
