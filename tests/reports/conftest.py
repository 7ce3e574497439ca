"""Letters rendered once per session (rendering is the slow part) and poppler helpers to read them back."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from qt_app.reports.signing import KeyRing
from qt_app.services.letters import render_letter
from tests.reports.factories import make_firm, make_package, make_policy, many_lines

ISSUE_DATE = date(2026, 3, 5)
DOC_NUMBER = "青招〔2026〕7号"


def pdftotext(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if first is not None:
        cmd += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*cmd, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def page_count(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="session")
def session_keys(tmp_path_factory: pytest.TempPathFactory) -> KeyRing:
    return KeyRing(tmp_path_factory.mktemp("keys-data"))


@pytest.fixture(scope="session")
def write_letter(tmp_path_factory: pytest.TempPathFactory, session_keys: KeyRing) -> Callable[..., Path]:
    folder = tmp_path_factory.mktemp("letters")
    cache: dict[str, Path] = {}

    def make(key: str, **kw: object) -> Path:
        if key in cache:
            return cache[key]
        firm = kw.pop("firm", None) or make_firm()
        package = kw.pop("package", None) or make_package(firm)  # type: ignore[arg-type]
        draft = bool(kw.pop("draft", False))
        pdf = render_letter(
            firm,  # type: ignore[arg-type]
            None,
            package,  # type: ignore[arg-type]
            make_policy(),
            kw.pop("settings", None),  # type: ignore[arg-type]
            str(kw.pop("language", "zh")),
            draft,
            letter_id=f"l-test-{key}",
            doc_number=DOC_NUMBER,
            issue_date=ISSUE_DATE,
            keyring=session_keys,
        )
        path = folder / f"{key}.pdf"
        path.write_bytes(pdf)
        cache[key] = path
        return path

    return make


@pytest.fixture(scope="session")
def issued_pdf(write_letter: Callable[..., Path]) -> Path:
    return write_letter("issued")


@pytest.fixture(scope="session")
def long_pdf(write_letter: Callable[..., Path]) -> Path:
    firm = make_firm()
    return write_letter("long", package=make_package(firm, many_lines(40)))


__all__ = ["DOC_NUMBER", "ISSUE_DATE", "many_lines", "page_count", "pdftotext", "squash"]
