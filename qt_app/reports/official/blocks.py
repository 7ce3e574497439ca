"""Flowables of an official document: balanced title, signature with seal area and QR code, tables that
split without orphan rows, and the 版记 at the foot of the last page."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from qt_app.reports.official import fonts
from qt_app.reports.official.canvas import draw_qr_slot
from qt_app.reports.official.styles import CHAR, GREY, LINE, SIZE_2, SIZE_3

SEAL_D = 42 * mm  # an official seal is 40–42 mm across
QR_SIZE = 40 * mm  # version 9 at level M: 0.66 mm modules (see official.qr)

# Words a firm name is broken before, so a title line never ends in 有 and starts with 限公司.
NAME_BREAKS = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团",
    "科技",
    "数字",
    "信息技术",
    "网络",
    "分公司",
)


def name_atoms(name: str) -> list[str]:
    """A firm name cut into pieces a title may break between."""
    atoms = [name]
    for word in NAME_BREAKS:
        nxt: list[str] = []
        for atom in atoms:
            at = atom.find(word)
            if at > 0 and atom not in NAME_BREAKS:
                nxt += [atom[:at], atom[at:]]
            else:
                nxt.append(atom)
        atoms = nxt
    return [a for a in atoms if a]


def balance(atoms: Sequence[str], width: float, measure: Any) -> list[str]:
    """Break atoms into the fewest lines that fit, as even as possible (a rectangle or a gentle trapezoid)."""
    pieces: list[str] = []
    for atom in atoms:
        pieces += list(atom) if measure(atom) > width else [atom]
    widths = [measure(p) for p in pieces]
    n = len(pieces)
    # best[i][k] = (widest line, lines) covering pieces[:i] with k lines
    for lines in range(1, n + 1):
        best: dict[int, tuple[float, list[int]]] = {0: (0.0, [])}
        for _ in range(lines):
            nxt: dict[int, tuple[float, list[int]]] = {}
            for start, (widest, cuts) in best.items():
                total = 0.0
                for end in range(start + 1, n + 1):
                    total += widths[end - 1]
                    if total > width + 0.01:
                        break
                    cand = (max(widest, total), [*cuts, end])
                    if end not in nxt or cand[0] < nxt[end][0]:
                        nxt[end] = cand
            best = nxt
        if n in best:
            cuts = [0, *best[n][1]]
            return ["".join(pieces[a:b]) for a, b in itertools.pairwise(cuts)]
    return ["".join(pieces)]


class TitleBlock(Flowable):  # type: ignore[misc]
    """标题: 2号小标宋, centred, broken between words into balanced lines."""

    def __init__(self, atoms: Sequence[str], ts: fonts.Typesetter, size: float = SIZE_2) -> None:
        super().__init__()
        self.atoms, self.ts, self.size = list(atoms), ts, size
        self.leading = size * 1.5
        self.lines: list[str] = []

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.lines = balance(self.atoms, aw, lambda t: self.ts.width(t, fonts.TITLE, self.size))
        self.height = self.leading * len(self.lines)
        return aw, self.height

    def draw(self) -> None:
        y = self.height - self.size
        for line in self.lines:
            w = self.ts.width(line, fonts.TITLE, self.size)
            self.ts.draw(self.canv, (self.width - w) / 2, y, line, fonts.TITLE, self.size)
            y -= self.leading


@dataclass(frozen=True)
class Signature:
    office: str  # 发文机关署名
    date_zh: str  # 成文日期
    en: str = ""  # bilingual: "Qingtian County … · 5 March 2026"
    qr_lines: tuple[str, ...] = ()  # small print beside the QR code (id, key, digest)
    qr_caption: str = "扫码核验"


class SignatureBlock(Flowable):  # type: ignore[misc]
    """署名 and 成文日期 under a 42 mm seal area, with the QR code and its small print on the left.

    GB/T 9704 §7.3.5.1: the date four characters in from the right, the office name centred over it, the
    seal pressing on both with them below its centre, its top within one line of the text above.
    """

    def __init__(self, sig: Signature, ts: fonts.Typesetter, with_qr: bool = True) -> None:
        super().__init__()
        self.sig, self.ts, self.with_qr = sig, ts, with_qr
        # The seal fills the block; the two lines sit a third of a line below its centre.
        self.seal_cy = SEAL_D / 2 + 2
        text_mid = self.seal_cy - 0.3 * LINE
        self.date_y = text_mid - 0.5 * LINE - 0.35 * SIZE_3
        self.office_y = self.date_y + LINE
        self.height = max(SEAL_D + 4, QR_SIZE if with_qr else 0.0)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.height

    def draw(self) -> None:
        c, ts, sig = self.canv, self.ts, self.sig
        date_w = ts.width(sig.date_zh, fonts.BODY, SIZE_3)
        date_right = self.width - 4 * CHAR
        cx = date_right - date_w / 2
        office_w = ts.width(sig.office, fonts.BODY, SIZE_3)
        office_x = min(cx - office_w / 2, self.width - office_w)
        cx = min(cx, office_x + office_w / 2)
        c.saveState()
        c.setStrokeColor(GREY)
        c.setLineWidth(0.5)
        c.setDash(3, 3)
        c.circle(cx, self.seal_cy, SEAL_D / 2)  # 盖章处: the red seal is pressed here
        c.setDash()
        c.setFillColorRGB(0, 0, 0)
        ts.draw(c, office_x, self.office_y, sig.office, fonts.BODY, SIZE_3)
        ts.draw(c, date_right - date_w, self.date_y, sig.date_zh, fonts.BODY, SIZE_3)
        if sig.en:
            en_w = ts.width(sig.en, fonts.LATIN, 9)
            ts.draw(c, min(self.width - en_w, cx - en_w / 2), self.date_y - 13, sig.en, fonts.LATIN, 9)
        if self.with_qr:
            draw_qr_slot(c, 0, 0, QR_SIZE)
            x = QR_SIZE + 6
            y = QR_SIZE - 16
            ts.draw(c, x, y, sig.qr_caption, fonts.HEADING1, 10)
            c.setFillColor(GREY)
            for line in sig.qr_lines:
                y -= 12
                ts.draw(c, x, y, line, fonts.BODY, 8)
        c.restoreState()


class BreakableTable(Table):  # type: ignore[misc]
    """A table that splits between rows with its header repeated, never leaving one row alone on a page."""

    min_rows = 2

    def split(self, aw: float, ah: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(aw, ah)
        if len(parts) != 2:
            return parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        first = len(parts[0]._cellvalues) - head
        rest = len(parts[1]._cellvalues) - head
        if first < self.min_rows:
            return []  # the whole table moves on
        if rest >= self.min_rows:
            return parts
        keep = head + first - (self.min_rows - rest)
        if keep - head < self.min_rows:
            return []
        self._calc(aw, ah)
        return super().split(aw, sum(self._rowHeights[:keep]) + 0.5)  # type: ignore[no-any-return]


class KeepWithTail(Flowable):  # type: ignore[misc]
    """Text followed by a block (the signature) that must not start a page alone: when they do not fit, the
    page breaks inside the text so that at least two of its lines go over with the block."""

    def __init__(self, body: Sequence[Flowable], tail: Sequence[Flowable], min_lines: int = 2) -> None:
        super().__init__()
        self.body, self.tail, self.min_lines = list(body), list(tail), min_lines

    def _heights(self, items: Sequence[Flowable], aw: float) -> float:
        total = 0.0
        for f in items:
            _w, h = f.wrap(aw, 1e6)
            total += h + f.getSpaceBefore() + f.getSpaceAfter()
        return total

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = self._heights([*self.body, *self.tail], aw)
        return aw, self.height

    def draw(self) -> None:
        y = self.height
        for f in [*self.body, *self.tail]:
            _w, h = f.wrap(self.width, 1e6)
            y -= f.getSpaceBefore() + h
            f.drawOn(self.canv, 0, y)
            y -= f.getSpaceAfter()

    def split(self, aw: float, ah: float) -> list[Flowable]:
        """The most of the body this page can hold, the rest (≥ min_lines of text) kept with the tail."""
        for k in range(len(self.body) - 1, -1, -1):
            head = self.body[:k]
            used = self._heights(head, aw)
            heading_last = bool(head) and bool(getattr(getattr(head[-1], "style", None), "keepWithNext", 0))
            if used > ah or heading_last:
                continue
            para = self.body[k]
            leading = getattr(getattr(para, "style", None), "leading", 0) or 0
            if leading:
                room = ah - used - para.getSpaceBefore()
                keep = self._heights([para], aw) - self.min_lines * leading
                parts = para.split(aw, min(room, keep)) if min(room, keep) >= self.min_lines * leading else []
                if len(parts) == 2:
                    return [*head, parts[0], KeepWithTail([parts[1], *self.body[k + 1 :]], self.tail, 0)]
            if head and any(getattr(f, "style", None) for f in self.body[k:]):
                return [*head, KeepWithTail(self.body[k:], self.tail, 0)]
        return []


class HeadedTable(Flowable):  # type: ignore[misc]
    """A heading kept with the first rows of its table: when they do not fit, both move on; a long table
    then splits under it (a keepWithNext heading would push the whole table to the next page)."""

    def __init__(self, head: Sequence[Flowable], table: Flowable) -> None:
        super().__init__()
        self.head, self.table = list(head), table

    def _head_height(self, aw: float) -> float:
        return float(sum(f.wrap(aw, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in self.head))

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.hh = self._head_height(aw)
        _w, th = self.table.wrap(aw, max(ah - self.hh, 0))
        self.height = self.hh + th
        return aw, self.height

    def draw(self) -> None:
        y = self.height
        for f in self.head:
            _w, h = f.wrap(self.width, 1e6)
            y -= f.getSpaceBefore() + h
            f.drawOn(self.canv, 0, y)
            y -= f.getSpaceAfter()
        self.table.drawOn(self.canv, 0, 0)

    def split(self, aw: float, ah: float) -> list[Flowable]:
        parts: list[Flowable] = self.table.split(aw, ah - self._head_height(aw))
        return [*self.head, *parts] if parts else []


class AtFoot(Flowable):  # type: ignore[misc]
    """Its content at the bottom of the page it lands on (版记: 抄送 on the last page, GB/T 9704 §10.1)."""

    def __init__(self, content: Flowable) -> None:
        super().__init__()
        self.content = content
        self.need = 0.0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        _w, self.need = self.content.wrap(aw, ah)
        self.width = aw
        self.height = max(ah, self.need)
        return aw, self.height

    def draw(self) -> None:
        self.content.drawOn(self.canv, 0, 0)

    def split(self, aw: float, ah: float) -> list[Flowable]:
        return []
