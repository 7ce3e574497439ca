"""English for the bundle conflicts dialog, the office role and headquarters' key in 设置
(build_scripts/update_translations.py)."""

CONFLICTS_STRINGS_EN = {
    "本机角色": "Office role",
    "数据包冲突…": "Bundle conflicts…",
    "总部密钥": "Headquarters' key",
    "未指定": "Not pinned",
    "{key}（本机已无此公钥）": "{key} (its key file is no longer here)",
    "仅联络处需要：总部的告知函和兑现记录只从该密钥签名的数据包合并。": (
        "Needed at an outpost only: headquarters' letters and claim records are merged only from bundles signed "
        "with this key."
    ),
    "只从该密钥签名的数据包合并告知函、政策文本和审核以后的兑现记录。": (
        "Letters, policy texts and claim records after the application are merged only from bundles signed with "
        "this key."
    ),
    "尚未导入任何公钥：向总部索取公钥文件，电话核对指纹后导入"
    "（python -m qt_app keys import 公钥文件 --label 总部），再在此选择。": (
        "No key has been imported: get headquarters' public key file, check its fingerprint by phone, import it "
        "(python -m qt_app keys import KEYFILE --label HQ), then choose it here."
    ),
    "未指定前，总部的告知函、政策文本和兑现记录不会合并。请电话核对指纹后选择。": (
        "Until one is pinned, headquarters' letters, policy texts and claim records are not merged. Check the "
        "fingerprint by phone, then choose it."
    ),
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
