"""English for the letters UI (告知函登记簿, 批量生成, 核验): {Chinese source string: English}.

The shell's translation script copies these into resources/translations/offer_desk_en.ts; contexts are the
class names (LettersPanel, LetterTableModel, LetterPreview, BatchDialog, BatchRun, VerifyDialog).
Placeholders in braces are filled with str.format after translation.
"""

from __future__ import annotations

EN: dict[str, str] = {
    # the verify dialog, for the ledger's papers
    "草稿（未审核）": "Draft (not reviewed)",
    "内容未被改动，但打印时该申请尚未审核，本表不是审核结论。": (
        "Unaltered, but the claim had not been reviewed when this was printed: not a review record."
    ),
    "兑现审核表 {id}": "Review sheet {id}",
    "兑现对账单 {id}": "Payment statement {id}",
    "告知函 {number} · 企业代码 {code} · 核定 {total} · 已拨付 {paid}": (
        "Letter {number} · firm code {code} · approved {total} · paid {paid}"
    ),
    "告知函 {number} · 企业代码 {code} · 应兑现 {total} · 已拨付 {paid}": (
        "Letter {number} · firm code {code} · due {total} · paid {paid}"
    ),
    "这是草稿：该申请打印时尚未审核": "A draft: the claim had not been reviewed when it was printed",
    "（申请状态：{status}）": " (claim {status})",
    "本机兑现台账：在册": "This office's ledger: known",
    "本机兑现台账：记录的企业代码与本件不符": "This office's ledger: its firm code differs from this paper's",
    "本机兑现台账：没有此记录（可能由其他单位出具）": "This office's ledger: not known here (perhaps another office's)",
    "本机兑现台账：未检查": "This office's ledger: not checked",
    # IssueDialog and the settings' letter fields (issue 13)
    "内容一致，文件已另存": "Content matches, file re-saved",
    "每页的文字和金额与签名一致，但文件经其他程序另存过，图形与版式未核对。": (
        "Every page's text and amounts are as signed, but another program re-saved the file; graphics and "
        "layout were not compared."
    ),
    "文件与出具时逐字节一致": "The file is byte for byte as issued",
    "文件经其他程序另存：图形与版式未核对": "Re-saved by another program: graphics and layout not compared",
    "旧版函件：已核对金额、文号和全部条款文字，未比对版面": (
        "First-format letter: amounts, number and all wording checked; layout not compared"
    ),
    "联系人": "Contact",
    "电话": "Telephone",
    "抄送": "Copies to",
    "如：县财政局、县经信局（可不填）": "e.g. county finance and economy bureaus (optional)",
    # LettersPanel
    "告知函登记簿": "Letter register",
    "测算方案：": "Variant:",
    "语言：": "Language:",
    "中文": "Chinese",
    "中文 + 英文": "Chinese + English",
    "生成草稿": "New draft",
    "按所选测算方案为当前企业生成一份告知函草稿": "Draft a letter for the current firm under the chosen variant",
    "搜索企业名称、信用代码或文号": "Search firm name, credit code or document number",
    "全部状态": "All statuses",
    "提交": "Submit",
    "审批": "Approve",
    "出具": "Issue",
    "分配下一个文号并签名；出具后不可修改": "Assigns the next document number and signs; cannot be edited afterwards",
    "作废": "Void",
    "另出新函": "Supersede",
    "按企业现在的数据另出一份新函；新函出具时原函作废": (
        "Draft a new letter from the firm's current data; the old letter is voided when the new one is issued"
    ),
    "登记结果": "Record outcome",
    "企业已接受": "Firm accepted",
    "企业已谢绝": "Firm declined",
    "已过期": "Expired",
    "预览": "Preview",
    "打印…": "Print…",
    "另存为…": "Save as…",
    "批量生成…": "Batch…",
    "核验…": "Verify…",
    "基准方案": "Base plan",
    "请先在企业库中选择一家企业。": "Choose a firm in the firm list first.",
    "无法生成草稿": "Cannot create the draft",
    "已为“{firm}”生成告知函草稿": "Draft letter created for “{firm}”",
    "无法提交": "Cannot submit",
    "已提交审批：{firm}": "Submitted for approval: {firm}",
    "审批人姓名（记入登记簿）：\n{firm}": "Name of the approver (kept in the register):\n{firm}",
    "无法审批": "Cannot approve",
    "请填写审批人姓名。": "Please enter the approver's name.",
    "已审批：{firm}": "Approved: {firm}",
    "出具告知函": "Issue letter",
    "出具后将分配下一个文号并签名，内容不能再修改。\n确定出具给“{firm}”的告知函吗？": (
        "Issuing assigns the next document number and signs the letter; it cannot be edited afterwards.\n"
        "Issue the letter to “{firm}”?"
    ),
    "无法出具": "Cannot issue",
    "已出具，文号：{number}": "Issued as {number}",
    "作废告知函": "Void letter",
    "作废原因（必填）：\n作废后不可恢复；已出具的函件保留其文号。": (
        "Reason for voiding (required):\nThis cannot be undone; an issued letter keeps its number."
    ),
    "无法作废": "Cannot void",
    "请填写作废原因。": "Please give a reason for voiding.",
    "已作废：{firm}": "Voided: {firm}",
    "无法另出新函": "Cannot draft a superseding letter",
    "已生成新函草稿；新函出具时，原函 {number} 将作废": (
        "New draft created; {number} will be voided when the new letter is issued"
    ),
    "无法登记结果": "Cannot record the outcome",
    "无法预览": "Cannot preview",
    "草稿（未编号）": "Draft (unnumbered)",
    "这份 PDF 无法显示。": "This PDF cannot be displayed.",
    "打印告知函": "Print letter",
    "无法打印": "Cannot print",
    "已送打印：{n} 页": "Sent to the printer: {n} pages",
    "另存告知函": "Save letter as",
    "PDF 文件 (*.pdf)": "PDF files (*.pdf)",
    "无法保存": "Cannot save",
    "已保存：{path}": "Saved: {path}",
    "无法生成 PDF": "Cannot make the PDF",
    "上一批还在生成中。": "The previous batch is still running.",
    "无法批量生成": "Cannot run the batch",
    "已生成 {n} 份告知函，保存在：{folder}": "{n} letters written to: {folder}",
    "已按要求停止，其余企业未生成。": "Stopped as asked; the remaining firms were not written.",
    "未生成：{firm}——{why}": "Not written: {firm} — {why}",
    "未选择企业：生成草稿前请先在企业库中选择一家企业。": (
        "No firm selected: choose a firm in the firm list before drafting a letter."
    ),
    "当前企业：{firm}": "Current firm: {firm}",
    "选择一份函件，查看它的编号、审批和备注。": "Choose a letter to see its id, approval and notes.",
    "函件编号：{id}": "Letter id: {id}",
    "统一社会信用代码：{code}": "Credit code: {code}",
    "审批：{who}（{day}）": "Approved by {who} ({day})",
    "取代：{number}": "Supersedes: {number}",
    "备注：{note}": "Note: {note}",
    "发生了意外错误，操作未完成。详细信息已写入日志文件。": (
        "An unexpected error stopped the operation. The details are in the log file."
    ),
    "无法完成操作": "Could not complete the operation",
    # LetterPreview
    "选择登记簿中的一份函件，即可在此预览。": "Choose a letter in the register to preview it here.",
    # LetterTableModel
    "文号": "No.",
    "企业": "Firm",
    "测算方案": "Variant",
    "状态": "Status",
    "合计（元）": "Total (yuan)",
    "出具日期": "Issued",
    "（未编号）": "(unnumbered)",
    "（未命名企业）": "(unnamed firm)",
    "审批人：{who}": "Approved by: {who}",
    # BatchDialog, BatchRun
    "批量生成告知函": "Batch letters",
    "按企业名称筛选": "Filter by firm name",
    "全选": "Select all",
    "全不选": "Select none",
    "中文 + 英文（境外投资者）": "Chinese + English (overseas investors)",
    "选择…": "Choose…",
    "保存到：": "Save to:",
    "开始生成": "Start",
    "取消": "Cancel",
    "勾选要生成告知函（草稿，按基准方案）的企业：": "Tick the firms to write letters for (drafts, base plan):",
    "已选 {n} 家": "{n} selected",
    "选择保存告知函的文件夹": "Choose the folder for the letters",
    "正在生成告知函…": "Writing letters…",
    "正在停止…": "Stopping…",
    "正在生成第 {i} / {n} 份：{name}": "Writing {i} of {n}: {name}",
    # VerifyDialog
    "核验告知函": "Verify a letter",
    "要核验的函件": "Letter to check",
    "选择 PDF 文件…": "Choose a PDF file…",
    "或把 PDF 文件拖到此窗口": "or drop a PDF file on this window",
    "用扫码枪扫描函件上的二维码，或粘贴二维码内容（ODL1.…）": (
        "Scan the letter's QR code with a scanner, or paste its text (ODL1.…)"
    ),
    "核验二维码内容": "Verify QR text",
    "核验只证明函件内容未被改动；具有法律效力的是加盖县政府有关部门印章的纸质函件。": (
        "Verification only proves the content is unaltered; the legal act is the paper letter "
        "bearing the county office's seal."
    ),
    "关闭": "Close",
    "无法核验": "Cannot verify",
    "文件：{path}": "File: {path}",
    "二维码内容（只核对签名与登记簿，请同时对照纸面上的文号与金额）": (
        "QR text (checks signature and register only; compare the number and total with the paper)"
    ),
    "选择要核验的告知函": "Choose the letter to verify",
    "尚未核验": "Not checked yet",
    "选择或拖入一份告知函 PDF，或扫描函件上的二维码。": "Choose or drop a letter PDF, or scan the letter's QR code.",
    "没有找到本软件出具的验证信息。": "No Offer Desk verification data was found.",
    "签名密钥未导入本机，无法确认出具单位。": (
        "The signing key has not been imported here, so the issuing office cannot be confirmed."
    ),
    "已被修改": "Altered",
    "函件内容与出具时签名的内容不一致，请勿采信。": (
        "The letter does not match what was signed when it was issued. Do not rely on it."
    ),
    "与登记簿不一致": "Does not match the register",
    "文号与本机登记簿中的记录不符，请勿采信。": (
        "The document number does not match this office's register. Do not rely on it."
    ),
    "已作废": "Voided",
    "这份函件真实，但已被作废。": "This letter is genuine but has been voided.",
    "草稿（未出具）": "Draft (not issued)",
    "内容未被改动，但这是草稿，不是正式出具的函件。": "Unaltered, but this is a draft, not an issued letter.",
    "这份函件真实、未被改动，但已超过有效期。": "This letter is genuine and unaltered, but it has expired.",
    "真实有效": "Genuine",
    "签名有效，内容与出具时一致。": "The signature is valid and the content is as issued.",
    "未通过核验": "Failed verification",
    "请查看下列各项。": "See the findings below.",
    "未找到本软件出具的验证信息（不是本软件的告知函，或已被其他程序重新保存）": (
        "No Offer Desk verification data (not a letter from this app, or re-saved by another program)"
    ),
    "（草稿，未编号）": "(draft, unnumbered)",
    "文号 {number} · 企业代码 {code} · 合计 {total} · 政策版本 {version}": (
        "No. {number} · firm code {code} · total {total} · policy version {version}"
    ),
    "签名有效": "Signature valid",
    "签名无效：签名后的内容被改动过": "Signature INVALID: the content was changed after signing",
    "签名无法核验：签名密钥 {fp} 未导入本机": "Signature cannot be checked: key {fp} has not been imported here",
    "签名单位：本机（本单位）密钥 {fp}": "Signed by: this office's key {fp}",
    "签名单位：已导入的其他单位公钥 {fp}": "Signed by: another office's imported key {fp}",
    "签名单位：未知密钥 {fp}": "Signed by: an unknown key {fp}",
    "这是草稿，未正式出具": "This is a draft, not an issued letter",
    "内嵌内容快照与签名一致": "Embedded snapshot matches the signature",
    "内嵌内容快照与签名不一致": "Embedded snapshot does NOT match the signature",
    "页面上的合计、金额、文号和企业与签名内容一致": "Total, amounts, number and firm on the page match what was signed",
    "页面文字与签名内容不一致（未找到：{missing}）": "Page text does NOT match what was signed (missing: {missing})",
    "有效期至 {day}，已过期": "Valid until {day}; expired",
    "有效期至 {day}": "Valid until {day}",
    "本机登记簿：已登记，状态为“{status}”": "This office's register: known, status “{status}”",
    "本机登记簿：同一文号的登记内容不同": "This office's register: the same number has different content",
    "本机登记簿：没有这份函件（可能由其他单位出具）": (
        "This office's register: not known here (perhaps issued by another office)"
    ),
    "本机登记簿：未检查": "This office's register: not checked",
}
