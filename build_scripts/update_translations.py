"""Refresh resources/translations/offer_desk_en.ts from the sources and fill in the English.

pyside6-lupdate collects every `tr()` / `QCoreApplication.translate` string (Chinese sources) from
qt_app/ and forms/*.ui; the English comes from the dictionaries the screens' owners keep
(SHELL_STRINGS_EN, PANEL_STRINGS_EN, and any other `*_STRINGS_EN` found in qt_app.ui). A string with no
English is left "unfinished" and listed, so a missing translation is visible, never silent.
Then run build_scripts/build_resources.py to compile the .qm.

    .venv/bin/python build_scripts/update_translations.py [--check]
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TS = ROOT / "resources" / "translations" / "offer_desk_en.ts"


def sources() -> list[str]:
    files = [p for p in (ROOT / "qt_app").rglob("*.py") if "forms" not in p.parts]
    return [str(p.relative_to(ROOT)) for p in sorted(files)] + [
        str(p.relative_to(ROOT)) for p in sorted((ROOT / "forms").glob("*.ui"))
    ]


SHELL_CONTEXTS = {
    "Actions", "App", "ContactDialog", "Errors", "FirmEditor", "FirmsView", "ImportDialog",
    "ImportReportDialog", "MainWindow", "Panels",
    "SettingsDialog", "StageDialog", "TrashDialog", "Undo",
}  # fmt: skip


def english() -> tuple[dict[str, str], dict[str, str]]:
    """The shell's English, and the owners' dicts (`EN` or `*_STRINGS_EN` in any qt_app.ui `*strings_en` module)."""
    import qt_app.ui
    from qt_app.ui.shell_strings_en import SHELL_STRINGS_EN

    others: dict[str, str] = {}
    for info in pkgutil.walk_packages(qt_app.ui.__path__, "qt_app.ui."):
        if not info.name.endswith("strings_en") or info.name.endswith("shell_strings_en"):
            continue
        module = importlib.import_module(info.name)
        for name in dir(module):
            table = getattr(module, name)
            if (name == "EN" or name.endswith("_STRINGS_EN")) and isinstance(table, dict):
                others.update(table)
    return SHELL_STRINGS_EN, others


def lupdate() -> None:
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [str(tool), "-silent", "-no-obsolete", "-locations", "relative", *sources(), "-ts", str(TS)],
        cwd=ROOT,
        check=True,
    )


def fill(shell: dict[str, str], others: dict[str, str]) -> list[tuple[str, str]]:
    """Write the English into the .ts; returns (context, source) pairs still without a translation."""
    tree = ET.parse(TS)
    root = tree.getroot()
    root.set("language", "en_US")
    root.set("sourcelanguage", "zh_CN")
    missing = []
    for context in root.iter("context"):
        ctx = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            first, second = (shell, others) if ctx in SHELL_CONTEXTS else (others, shell)
            # "Context|source" wins: the same Chinese can need other English (联系人: "With" in the contact
            # log, "Contact" for the letter's 附注 in settings).
            keyed = f"{ctx}|{source}"
            english_text = first.get(keyed) or second.get(keyed) or first.get(source) or second.get(source)
            if english_text:
                translation.text = english_text
                translation.attrib.pop("type", None)
            elif not translation.text:
                translation.set("type", "unfinished")
                missing.append((ctx, source))
    ET.indent(tree, space="    ")
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    lupdate()
    missing = fill(*english())
    for ctx, source in missing:
        print(f"untranslated: [{ctx}] {source}")
    print(f"[translations] {TS.relative_to(ROOT)}: {len(missing)} untranslated")
    return 1 if missing and "--check" in sys.argv else 0


if __name__ == "__main__":
    sys.exit(main())
