"""English for the analysis panels' strings (package, compare, exposure, policies, meeting, widgets).

{Chinese source string: English}. The shell's translation script copies these into
resources/translations/offer_desk_en.ts (contexts: the panel class names, plus "PackagePanel" for the
shared package helpers). Placeholders in braces are filled with str.format after translation.
"""

from __future__ import annotations

PANEL_STRINGS_EN: dict[str, str] = {
    # 政策测算 PackagePanel
    "测算方案：": "Variant:",
    "测算提示": "Hints",
    "事项 / 年度": "Item / year",
    "金额（元）": "Amount (yuan)",
    "状态": "Status",
    "条款": "Clause",
    "计算说明": "How it is computed",
    "未选择企业": "No firm selected",
    "在企业库中选择一家企业，即可看到它的政策包。": "Choose a firm in the firm list to see its package.",
    "基准方案": "Base plan",
    "（未命名企业）": "(unnamed firm)",
    "各方案政策包合计（按类别）": "Package total per variant (by category)",
    "《{title}》{version} · {variant} · {first}–{last}年": "{title} {version} · {variant} · {first}–{last}",
    "各年度政策包（按类别）": "Package by year (by category)",
    "该方案下没有可享受的金额": "Nothing is payable under this variant",
    "暂无提示：提高任一年度的销售收入都不会增加政策包总额。": (
        "No hints: higher revenue in any one year would not add to the package."
    ),
    "无": "None",
    "本政策不适用于该企业，没有测算提示。": "The policy does not apply to this firm, so there are no hints.",
    "未享受的事项": "Not given",
    "不适用本政策：": "Policy does not apply: ",
    "注意：": "Note: ",
    "年度": "Year",
    "金额": "Amount",
    "万元": "万 yuan",
    "合计 {yuan}（{wan}）": "Total {yuan} ({wan})",
    "{year}年": "{year}",
    "（已按此上限）": " (this cap applied)",
    "选择一行，查看完整的计算说明。": "Select a row to read how it is computed in full.",
    # 方案对比 ComparePanel
    "选择两到四个方案：": "Choose two to four variants:",
    "金额单位：万元。括号内为与第一列相比的差额；绿色为更多，红色为更少。": (
        "Amounts in 万 yuan. In brackets: the difference against the first column; green is more, red is less."
    ),
    "设为报价方案": "Make this the offer",
    "保守方案（营收×0.7）": "Conservative (revenue × 0.7)",
    "乐观方案（营收×1.3）": "Optimistic (revenue × 1.3)",
    "改入驻{site}": "Move to {site}",
    "最多同时比较四个方案。": "At most four variants can be compared at once.",
    "请至少选择两个方案。": "Choose at least two variants.",
    "合计": "Total",
    "{year}小计": "{year} subtotal",
    "{firm} · 方案对比": "{firm} · variants compared",
    "把“{label}”设为本企业的报价方案": "Make “{label}” this firm's offer",
    # 预算敞口 ExposurePanel
    "按阶段加权": "Weighted by stage",
    "全额（假设全部落地）": "In full (if every firm lands)",
    "全额": "in full",
    "重新计算": "Recalculate",
    "每家企业的政策包乘以其招商阶段的落地概率": "Each firm's package times the likelihood of its stage",
    "尚未计算。": "Not computed yet.",
    "选择表格中的一个金额，查看背后的企业。": "Select an amount in the table to see the firms behind it.",
    "正在汇总 {n} 家企业的政策包…": "Adding up the packages of {n} firms…",
    "正在汇总政策包：{done} / {total} 家企业": "Adding up packages: {done} / {total} firms",
    "已停止，显示的是上一次的结果。": "Stopped; showing the previous result.",
    "停止": "Stop",
    "计算未完成：{why}": "Not computed: {why}",
    "{n}家企业。加权合计 {weighted}；全额合计 {full}。按阶段：{stages}": (
        "{n} firms. Weighted total {weighted}; in full {full}. By stage: {stages}"
    ),
    "{year} {item}：预计支出 {amount}，超过年度资金池 {pool}": (
        "{year} {item}: expected {amount}, over the yearly pool of {pool}"
    ),
    "各年度敞口（{mode}，按类别）": "Exposure by year ({mode}, by category)",
    "没有企业": "No firms",
    "资金池": "Pool",
    "本政策没有年度资金池": "This policy has no yearly pool",
    "超出资金池": "over pool",
    "资金池 {pool}": "pool {pool}",
    "{item}与年度资金池": "{item} against the yearly pool",
    "企业": "Firm",
    "金额（全额）": "Amount (in full)",
    "{year} {item}：{n}家企业（双击打开）": "{year} {item}: {n} firms (double-click to open)",
    # 政策库 PoliciesPanel
    "已加载的政策版本：": "Loaded policy versions:",
    "加载政策文件…": "Load policy file…",
    "加载政策文件": "Load policy file",
    "设为默认版本": "Make default",
    "条款与参数": "Clauses and parameters",
    "LPR（贷款市场报价利率）": "LPR (Loan Prime Rate)",
    "适用范围与说明": "Scope and notes",
    "（默认）": " (default)",
    "政策文件 (*.yaml *.yml);;所有文件 (*)": "Policy files (*.yaml *.yml);;All files (*)",
    "无法加载“{file}”，未做任何更改。共 {n} 处问题：": "Could not load “{file}”; nothing was changed. {n} problems:",
    "截止日期未定": "end date not set",
    "文号未载明": "document number not stated",
    "版本 {version} · {issuer} · {doc} · 发布于 {issued}": "Version {version} · {issuer} · {doc} · issued {issued}",
    "有效期：{start} 至 {end} · 最近核对：{reviewed} · 文件指纹 {hash}": (
        "In force: {start} to {end} · last reviewed {reviewed} · file fingerprint {hash}"
    ),
    "条款 / 参数": "Clause / parameter",
    "取值": "Value",
    "说明": "Notes",
    "档位": "Tiers",
    "超过 {amount}": "above {amount}",
    "条件": "Condition",
    "备注": "Remark",
    "按入驻年度分档": "by year of tenancy",
    "按年销售收入分档": "by yearly revenue",
    "按企业等级分档": "by firm grade",
    "按人才层次分档": "by talent level",
    "按载体分档": "by building",
    "起始日期": "Since",
    "一年期LPR": "1-year LPR",
    "贸易类企业": "trading firms",
    "总部类企业": "headquarters-type firms",
    "严重失信企业": "firms on the serious-dishonesty list",
    "亩均评价为{grades}类的企业": "firms rated {grades} in the per-mu evaluation",
    "适用领域": "Domains",
    "不适用": "Excluded",
    "叠加规则": "Stacking",
    "来源": "Source",
    # 会谈模式 MeetingView
    "支持事项": "Support items",
    "各年度合计": "Totals by year",
    "测算值，以政策原文及兑现审核为准": (
        "Estimated figures; the policy text and the payment review are authoritative"
    ),
    "依据{title} · {first}–{last}年": "Under {title} · {first}–{last}",
    "暂无可享受的支持": "No support payable yet",
    "大写：{capitals}": "In Chinese capitals: {capitals}",
    "合计 {money}（{figure}）": "Total {money} ({figure})",
    "打印会谈简报…": "Print meeting brief…",
    "存为 PDF…": "Save as PDF…",
    "条款编号为示例编号。": " Clause numbers are illustrative.",
    "测算值，以正式告知函为准。": "Estimated figures; the formal offer letter prevails.",
    "标“示例”的金额依据示例参数，待兑现细则确认。": (
        " Amounts marked “illustrative” rest on values the county has yet to confirm."
    ),
    "保存会谈简报": "Save meeting brief",
    "以下是修改前的测算，尚未计入正在填写的内容。": (
        "These are the figures before the latest edits; what is being typed is not counted yet."
    ),
    "会谈简报已保存：{path}": "Meeting brief saved: {path}",
    "在企业库中选择一家企业，或新建一家，即可看到它的政策包。": (
        "Choose a firm in the firm list, or add a new one, to see its package."
    ),
    "括号内为与第一列相比的差额；绿色为更多，红色为更少。": (
        "In brackets: the difference against the first column; green is more, red is less."
    ),
    # 会谈简报 Handout
    "示例": "illustrative",
    "会谈简报": "Meeting brief",
    "依据{policy} · {variant} · {date}": "Under {policy} · {variant} · {date}",
    "标“示例”的金额或条款编号依据的是示例值（参照浙江省同类政策的合理取值），待青田县兑现细则确认后以确认值为准。": (
        "Amounts or clause numbers marked “illustrative” rest on example values (set from comparable "
        "Zhejiang policies) until Qingtian's implementing rules confirm them."
    ),
    "青田县投资促进 · 招商政策测算台": "Qingtian County Investment Promotion · Offer Desk",
    "年度合计": "Year total",
    "会谈简报 · 打印预览": "Meeting brief · print preview",
}
