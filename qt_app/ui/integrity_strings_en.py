"""English for 检查数据文件 (the integrity check in Settings, and the offer at start for a damaged file).

Collected by build_scripts/update_translations.py with the other `*_STRINGS_EN` dictionaries.
"""

from __future__ import annotations

INTEGRITY_STRINGS_EN: dict[str, str] = {
    "检查数据文件": "Check data file",
    "正在检查数据文件…": "Checking the data file…",
    "数据文件已损坏": "The data file is damaged",
    "数据文件未通过完整性检查（已损坏），已以只读方式打开，文件保持原样未被改动：{path}": (
        "The data file failed its integrity check (it is damaged); it was opened read-only and left untouched: {path}"
    ),
    "可以用最近的完好备份恢复（{backup}）；损坏的文件会改名保留，不会删除。": (
        "It can be restored from the newest good backup ({backup}); the damaged file is kept under another "
        "name, never deleted."
    ),
    "用最近的完好备份恢复": "Restore the newest good backup",
    "以只读方式继续": "Continue read-only",
    "已从备份恢复：{backup}。损坏的文件保留为：{kept}": "Restored from the backup {backup}. The damaged file was kept as {kept}",
}
