"""The office's role (本机角色): headquarters (总部) or an outpost (驻外联络处).

Headquarters (青田县投资促进中心) issues letters — 文号 come from one desk — and reviews, publicises, pays, holds
and recovers. Outposts (Milan, Paris, Hangzhou) meet firms, record what a firm brings (actuals, evidence, its
application 申报) and send it to headquarters in bundles. A single installation is headquarters and does
everything. Why payments are recorded at headquarters only: docs/ledger.md.
"""

from __future__ import annotations

HQ = "hq"
OUTPOST = "outpost"
ROLES = (HQ, OUTPOST)
SETTING = "office_role"

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
