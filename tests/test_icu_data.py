"""The frozen app's smaller ICU data library: same package format, and Qt still sorts Chinese by pinyin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_scripts"))
import icu_data  # noqa: E402

ICU = Path(PySide6.__file__).parent / "Qt" / "lib" / "libicudata.so.73"
SORT = (
    "import functools\n"
    "from PySide6.QtCore import QCollator, QLocale\n"
    "c = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))\n"
    "print(' '.join(sorted(['张', '李', '王', '安', '重庆', '阿'], key=functools.cmp_to_key(c.compare))))\n"
)


def test_reading_and_writing_the_package_gives_back_the_same_bytes() -> None:
    _, package = icu_data._symbol_bytes(ICU.read_bytes(), r"icudt\d+_dat")
    header, items = icu_data.read_items(package)
    assert len(items) > 3000
    assert icu_data.write_package(header, items) == package


def test_the_small_library_still_sorts_chinese_by_pinyin(tmp_path: Path) -> None:
    small = tmp_path / ICU.name
    before, after = icu_data.make_small_library(ICU, small)
    assert after < before / 5
    env = {**os.environ, "LD_PRELOAD": str(small)}
    out = subprocess.run([sys.executable, "-c", SORT], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["阿", "安", "重庆", "李", "王", "张"]
    maps = subprocess.run(
        [sys.executable, "-c", "import PySide6.QtCore; print(open('/proc/self/maps').read())"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert str(small) in maps  # the small library is the one Qt used
