"""English for the bundle conflicts dialog and the office role in 设置 (build_scripts/update_translations.py)."""

CONFLICTS_STRINGS_EN = {
    "本机角色": "Office role",
    "数据包冲突…": "Bundle conflicts…",
    "数据包冲突": "Bundle conflicts",
    "导入数据包时，两边都修改过的企业档案和两边登记不同的实绩不会被覆盖，列在这里。"
    "请逐条选择保留哪一份；选择随下次数据包传给对方。": (
        "When a bundle is imported, firm records changed on both sides and actuals recorded differently on both "
        "sides are not overwritten: they are listed here. Choose which version to keep for each; the choice "
        "travels with the next bundle."
    ),
    "没有待处理的冲突。": "No conflicts waiting.",
    "保留本机的版本": "Keep this office's version",
    "保留对方的版本": "Keep the other side's version",
    "关闭": "Close",
    "本机：{local}　对方：{remote}": "Here: {local}   Other side: {remote}",
    "不同之处：{fields}": "Differs: {fields}",
}
