"""English for the 兑现 ledger's screens (兑现台账, its dialogs and papers, the exposure screen's 兑现与预算, the
budgets in settings, the verify dialog's ledger papers): {Chinese source string: English}.

The translation script copies these into resources/translations/offer_desk_en.ts. Placeholders in braces are
filled with str.format after translation.
"""

from __future__ import annotations

EN: dict[str, str] = {
    # the ledger screen
    "兑现台账": "Payments",
    "兑现台账（一企一档）": "Payment ledger (one file per firm)",
    "登记实绩…": "Record actuals…",
    "登记一个年度的实际情况，每项附证明材料": "Record what the firm really did in a year, each figure with its evidence",
    "导入实绩文件…": "Import actuals file…",
    "申报…": "Apply…",
    "对账单": "Statement",
    "预览…": "Preview…",
    "导出兑现情况表…": "Export payments report…",
    "全县某一期间的兑现申请、拨付和追回，供财政局使用": (
        "The county's claims, payments and recoveries of a period, for the finance bureau"
    ),
    "承诺与兑现": "Promised and due",
    "实绩与证明材料": "Actuals and evidence",
    "兑现申请": "Claims",
    "修改所选年度…": "Correct the selected year…",
    "打开扫描件": "Open scan",
    "兑现审核表": "Review sheet",
    "兑现对账单": "Payment statement",
    "保存企业后即可建立兑现台账。": "Save the firm first; its payment ledger starts from its letter.",
    "在企业库中选择一家企业，查看其兑现台账。": "Choose a firm in the firm list to see its payment ledger.",
    "告知函：无": "Letters: none",
    "在“告知函”（Ctrl+6）中出具告知函后，即可在此登记实绩、申报兑现。": (
        "Once a letter is issued in Letters (Ctrl+6), actuals and claims can be recorded here."
    ),
    "{letter}（兑现依据，承诺 {total}）": "{letter} (paid against, promising {total})",
    "告知函：": "Letters: ",
    "选择一项兑现申请，查看其办理环节。": "Choose a claim to see its steps.",
    "{year}年{item} · {state} · 申请编号 {id}": "{item} {year} · {state} · claim {id}",
    "第{n}期 {on} {amount}（{order}）": "Tranche {n} {on} {amount} ({order})",
    "已验收": "accepted",
    "验收后拨付": "paid after acceptance",
    "预留 {held}：{state}": "Holdback {held}: {state}",
    "所选材料没有扫描件，或扫描件不在数据文件夹中。": (
        "The selected document has no scan, or the scan is not in the data folder."
    ),
    "导入实绩文件": "Import actuals file",
    "实绩文件 (*.json *.xlsx)": "Actuals files (*.json *.xlsx)",
    "差异说明": "Why due differs",
    "兑现情况": "Payment",
    "应兑现依据（逐条）": "Due, clause by clause",
    # its tables
    "事项": "Item",
    "承诺": "Promised",
    "应兑现": "Due",
    "已拨付": "Paid",
    "暂缓": "Held",
    "已追回": "Recovered",
    "{year}年合计": "{year} total",
    "实绩": "Actual",
    "扫描件": "Scan",
    "缺失（数据文件夹中没有）": "missing (not in the data folder)",
    "未附": "none",
    "申报": "Applied",
    "核定": "Approved",
    "申报日期": "Applied on",
    "（有异议）": " (objection open)",
    "环节": "Step",
    "经办人": "Recorded by",
    "期限：": "Deadlines: ",
    "（另{n}项）": " ({n} more)",
    "证明材料": "Evidence",
    "文号或编号": "Document number",
    "材料日期": "Document date",
    # the step dialogs
    "申报兑现": "Apply",
    "暂缓拨付": "Hold",
    "审核": "Review",
    "公示": "Public notice",
    "登记异议": "Objection",
    "异议处理": "Resolve objection",
    "拨付": "Pay",
    "验收": "Accept",
    "恢复": "Resume",
    "终止": "Terminate",
    "追回": "Recover",
    "退还": "Repayment",
    "记录": "Record",
    "如 2027-04-01": "e.g. 2027-04-01",
    "{item} {year}年 · 当前状态：{state} · 申报 {requested} · 核定 {approved} · 已拨付 {paid}": (
        "{item} {year} · now {state} · applied {requested} · approved {approved} · paid {paid}"
    ),
    "审核通过": "Approved",
    "不予通过": "Rejected",
    "审核结果": "Result",
    "核定金额": "Approved amount",
    "如 150万": "e.g. 150万",
    "审核人": "Reviewer",
    "审核部门": "Department",
    "如 县经信局": "e.g. county economy bureau",
    "意见（不予通过须填写理由）": "Remarks (the reason, when rejected)",
    "超额理由": "Reason for exceeding",
    "仅在超过应兑现金额时填写，记入审计日志": "Only when above the amount due; kept in the audit log",
    "公示截止": "Notice ends",
    "留空＝{n}个工作日": "Empty = {n} working days",
    "留空＝{n}个工作日，至 {end}": "Empty = {n} working days, to {end}",
    "节假日未计入：{note}": "Public holidays not counted: {note}",
    "异议内容": "Objection",
    "处理意见": "Resolution",
    "本期拨付金额": "This tranche",
    "如 75万": "e.g. 75万",
    "拨款文号（支付令号）": "Payment order number",
    "如 青财拨〔2027〕11号": "e.g. 青财拨〔2027〕11号",
    "预留 {held} 须验收后拨付": "{held} is held back until acceptance",
    "验收人": "Accepted by",
    "验收意见": "Acceptance remarks",
    "暂缓原因": "Reason for the hold",
    "追回金额": "Amount to recover",
    "最多 {room}": "At most {room}",
    "追回依据": "Basis",
    "如 企业迁出，按第十一条追回": "e.g. moved out; recovered under Art. 11",
    "（无，按决定）": "(none: a decision)",
    "追回条件": "Clawback condition",
    "退还金额": "Amount repaid",
    "如 20万": "e.g. 20万",
    "收款凭证号": "Receipt number",
    "为一个事项、一个年度申报兑现；申报金额留空即为应兑现且尚未拨付的金额。": (
        "Apply for one item and year; an empty amount applies for what is due and not yet paid."
    ),
    "申报金额": "Amount applied for",
    "留空＝应兑现且尚未拨付的金额": "Empty = what is due and not yet paid",
    "申报人": "Applicant",
    # the actuals dialog
    "附扫描件…": "Attach scan…",
    "已附扫描件：{name}": "Scan attached: {name}",
    "选择扫描件": "Choose a scan",
    "扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.ofd)": "Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.ofd)",
    "已选扫描件：{name}（保存时按内容哈希存入数据文件夹）": (
        "Scan chosen: {name} (kept in the data folder under its hash when saved)"
    ),
    "登记实绩": "Record actuals",
    "按年度登记企业的实际情况，每项须附证明材料（类型、文号、日期，可附扫描件）。金额可写 4200万、1.2亿。": (
        "Record what the firm really did in one year; every figure needs its document (type, number, date, and "
        "a scan if you have it). Amounts may be typed as 4200万 or 1.2亿."
    ),
    "如 2026": "e.g. 2026",
    "报送日期": "Reported on",
    "可不填": "optional",
    "不填即本年未发生": "leave empty when there was none",
    "（本年未租赁）": "(no lease this year)",
    "租金（元/㎡/天）": "Rent (yuan/m²/day)",
    "如 2026-01-01": "e.g. 2026-01-01",
    "迁出日期": "Moved out",
    "未迁出不填": "empty unless it moved out",
    "添加一行": "Add row",
    "删除所选行": "Remove selected rows",
    "为所选行附扫描件…": "Attach scan to selected row…",
    "请先选中要附扫描件的一行": "Select the row the scan belongs to first",
    "{name}（待存入）": "{name} (kept on recording)",
    # papers and the period export
    "打印": "Print",
    "另存为": "Save as",
    "导出兑现情况表": "Export payments report",
    "如 2027-01-01": "e.g. 2027-01-01",
    "截止日期": "To",
    "如 2027-12-31": "e.g. 2027-12-31",
    "保存到": "Save to",
    "导出": "Export",
    "Excel 工作簿 (*.xlsx)": "Excel workbook (*.xlsx)",
    # the exposure screen's 兑现与预算 and the budgets in settings
    "招商敞口": "Pipeline",
    "兑现与预算": "Payments and budget",
    "已承诺（告知函）、应兑现（实绩）、已拨付，对照年度预算和资金池": (
        "Committed (letters), due (actuals) and paid, against each year's budget and the pools"
    ),
    "兑现：已承诺 {committed}；应兑现 {due}；已拨付 {paid}；已追回 {recovered}": (
        "Payments: committed {committed}; due {due}; paid {paid}; recovered {recovered}"
    ),
    "选择全额、已承诺或应兑现的金额，查看背后的企业。": "Choose a full, committed or due amount to see the firms behind it.",
    "{year} {item}（{column}）：{n}家企业（双击打开）": "{year} {item} ({column}): {n} firms (double-click to open)",
    "已承诺": "Committed",
    "年度预算": "Budget",
    "资金池余额": "Pool left",
    "全部在谈企业按全额计（假设全部落地）": "Every firm in the pipeline counted in full (as if all land)",
    "已出具或已接受的告知函承诺的金额": "What issued or accepted letters promise",
    "按企业报送的实绩、依告知函的政策版本计算的应兑现金额": (
        "Due on the actuals firms reported, under each letter's policy version"
    ),
    "已拨付（按兑现年度计）": "Paid (by the year the award is for)",
    "已追回并退还的金额": "Recovered and repaid",
    "在“设置”中按事项和年度设定的预算": "The budget set per item and year in Settings",
    "政策规定的年度资金池": "The annual pool the policy sets",
    "资金池减去已实际发放的金额（算力券按已发放计）": "The pool less what was actually given out (vouchers issued)",
    "超过{year}年预算 {budget}": "Above the {year} budget of {budget}",
    "超过年度资金池 {pool}": "Above the annual pool of {pool}",
    "资金池已超支": "The pool is overspent",
    "每格填写该事项该年度的预算，如 800万；留空为未设预算。": (
        "Type each item's budget for the year, e.g. 800万; empty means no budget."
    ),
    "常规": "General",
}
