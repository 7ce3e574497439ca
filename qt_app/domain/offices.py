"""The office's role (本机角色): headquarters (总部) or an outpost (驻外联络处).

Headquarters (青田县投资促进中心) issues letters — 文号 come from one desk — and reviews, publicises, pays, holds
and recovers. Outposts (Milan, Paris, Hangzhou) meet firms, record what a firm brings (actuals, evidence, its
application 申报) and send it to headquarters in bundles. A single installation is headquarters and does
everything. Why payments are recorded at headquarters only: docs/ledger.md.

An outpost pins headquarters' key (`office_hq_key`): a bundle's role is stated in its signed body, and any
trusted office could state `hq`. Headquarters' sections (letters, policy texts, claim steps beyond 申报,
payments, recoveries) are taken only from a bundle signed by the pinned key.
"""

from __future__ import annotations

HQ = "hq"
OUTPOST = "outpost"
ROLES = (HQ, OUTPOST)
SETTING = "office_role"
HQ_KEY = "office_hq_key"  # at an outpost: the fingerprint of the trusted key headquarters signs with

ROLE_LABELS: dict[str, tuple[str, str]] = {
    HQ: ("总部（出具告知函、审核、公示、拨付）", "headquarters (issues letters, reviews, publicises, pays)"),
    OUTPOST: (
        "驻外联络处（登记实绩、证明材料和申报）",
        "outpost (records actuals, evidence and applications)",
    ),
}

# Why an outpost records no review, notice, payment, hold, stop or recovery (docs/ledger.md).
HQ_ONLY_REASON = (
    "付款记录只在总部形成：审核、公示、拨付、暂缓、终止、追回等环节由总部登记（对照财政局支付令，"
    "一处掌握全部申请和付款，才能保证拨付不超过应兑现金额）；联络处只登记实绩、证明材料和申报",
    "Payment records are made at headquarters only: review, public notice, payment, hold, stop and recovery are "
    "recorded there (against the finance bureau's payment orders, in the one place that sees every claim and "
    "payment, so nothing is paid above what is due); an outpost records actuals, evidence and applications",
)
LETTERS_AT_HQ_REASON = (
    "告知函只由总部出具：文号由一处统一编发",
    "Letters are issued at headquarters only: 文号 come from one desk",
)


def role_or_default(value: str) -> str:
    """The stored setting as a role; anything unset or unknown is headquarters (a single installation)."""
    return value if value in ROLES else HQ


def role_label(role: str, lang: str = "zh") -> str:
    zh, en = ROLE_LABELS.get(role, (role, role))
    return en if lang == "en" else zh


def hq_key_refusal(
    signer: str, key: str, key_shown: str, pinned_shown: str, what: tuple[str, str]
) -> tuple[str, str]:
    """Why headquarters' sections of a bundle were not merged at an outpost: `signer` is who signed it (name and
    key, "" when not known), `key` its fingerprint as typed in the command, `key_shown` as shown, `pinned_shown`
    the key pinned here ("" = none), `what` what was withheld (zh, en)."""
    if not key:
        zh_why, en_why = "无法确认签名者是总部", "nothing shows the signer is headquarters"
    elif pinned_shown:
        zh_why = f"签名密钥 {key_shown} 不是本机指定的总部密钥（{pinned_shown}）"
        en_why = f"its key {key_shown} is not the headquarters key pinned here ({pinned_shown})"
    else:
        zh_why = f"本机尚未指定总部密钥，无法确认签名者 {signer} 是总部"
        en_why = f"no headquarters key is pinned here, so nothing shows the signer {signer} is headquarters"
    command = f"python -m qt_app office hq-key {key or 'FINGERPRINT'}"
    return (
        f"数据包自称来自总部，但{zh_why}：{what[0]}未合并（企业、联络记录、实绩和申报照常合并）。告知函、政策文本、"
        "审核以后的兑现环节、付款和追回记录只接受总部密钥签名的数据包。如经电话核对指纹确认该密钥属于总部，"
        f"运行 {command}（或在 设置 → 本机角色 → 总部密钥 中选择），再导入此数据包",
        f"The bundle says it comes from headquarters, but {en_why}: {what[1]} not merged (firms, contacts, actuals "
        "and applications were merged as usual). Letters, policy texts, claim steps after the application, "
        "payments and recoveries are taken only from bundles signed with headquarters' key. If a phone call "
        f"confirms the fingerprint is headquarters', run {command} (or choose it in Settings, This office, "
        "Headquarters' key) and import this bundle again",
    )
