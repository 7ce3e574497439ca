"""Draft letters for several firms into a folder (告知函批量生成), with progress and cancel; one firm's
problem does not stop the others."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qt_app.domain.errors import DomainError
from qt_app.domain.firm import Firm
from qt_app.domain.package import Package
from qt_app.domain.variants import BASE, Variant
from qt_app.reports.signing import KeyRing
from qt_app.reports.snapshot import LetterTerms
from qt_app.reports.texts import load_texts
from qt_app.services.letter_terms import terms_from_settings
from qt_app.services.letters import render_letter


@dataclass(frozen=True)
class LetterJob:
    """One firm to write a letter for; `package` None means simulate it with the policy."""

    firm: Firm
    variants: tuple[Variant, ...] = ()
    variant: str = BASE
    package: Package | None = None


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (firm name, zh, en)
    cancelled: bool = False


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def letter_filename(firm: Firm) -> str:
    """告知函-<firm>-<id>.pdf, with characters Windows forbids replaced."""
    name = _UNSAFE.sub("_", firm.name).strip(" .")[:60] or "firm"
    return f"告知函-{name}-{firm.id}.pdf"


def batch_letters(
    jobs: Sequence[LetterJob],
    out_dir: Path,
    policy: Any,
    settings: Mapping[str, str] | LetterTerms | None = None,
    language: str = "zh",
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancel: threading.Event | Callable[[], bool] | None = None,
    keyring: KeyRing | None = None,
) -> BatchResult:
    """Draft letters for several firms into a folder; one firm's problem does not stop the others."""
    from qt_app.domain.simulate import simulate
    from qt_app.services.packages import find_variant

    out_dir.mkdir(parents=True, exist_ok=True)
    result = BatchResult()
    ring = keyring or KeyRing()
    texts = load_texts()
    terms = terms_from_settings(settings)

    def stopped() -> bool:
        if cancel is None:
            return False
        return cancel.is_set() if isinstance(cancel, threading.Event) else bool(cancel())

    for i, job in enumerate(jobs):
        if stopped():
            result.cancelled = True
            break
        if progress is not None:
            progress(i, len(jobs), job.firm.name)
        try:
            variant = find_variant(job.variants, job.variant)
            package = job.package or simulate(job.firm, policy, variant)
            pdf = render_letter(
                job.firm, variant, package, policy, terms, language, True, keyring=ring, texts=texts
            )
            path = out_dir / letter_filename(job.firm)
            path.write_bytes(pdf)
            result.written.append(path)
        except DomainError as e:
            result.failed.append((job.firm.name, e.zh, e.en))
        except OSError as e:  # a full disk or a locked file stops this firm, not the batch
            result.failed.append(
                (job.firm.name, f"无法写入文件：{e.strerror}", f"Cannot write the file: {e.strerror}")
            )
    if progress is not None and not result.cancelled:
        progress(len(jobs), len(jobs), "")
    return result
