"""English for the what-if variants' strings (the variant bar and mode, 方案对比's commands, hints made into
variants, 待认定 on screen, the start year and the field recognition in the editor).

{Chinese source string: English}; `build_scripts/update_translations.py` picks up every `*_STRINGS_EN` dict.
"""

from __future__ import annotations

VARIANT_STRINGS_EN: dict[str, str] = {
    # the variant bar and the editor's variant mode
    "新建方案…": "New variant…",
    "新建方案": "New variant",
    "方案操作": "Actions",
    "保守方案": "Conservative",
    "乐观方案": "Optimistic",
    "新方案": "New variant",
    "{name}（未保存）": "{name} (not saved)",
    "{firm} · 方案：{variant}": "{firm} · variant: {variant}",
    "选择方案即在此编辑该方案；基准方案是企业申报的计划": (
        "Choose a variant to edit it here; the base is the plan the firm declared"
    ),
    "方案名称": "Variant name",
    "如：迁入华侨总部大楼": "e.g. Move to the HQ building",
    "从当前方案出发新建一个测算方案（Ctrl+Shift+N）": "Start a new variant from the one shown (Ctrl+Shift+N)",
    "保存企业后即可新建方案": "Save the firm first to make variants of it",
    "请先保存企业，再为它新建测算方案。": "Save the firm first, then make variants of it.",
    "此方案按基准营收 × {factor} 测算；在下表修改即改为单列营收。": (
        "This variant uses the base revenue × {factor}; editing below gives it its own revenue plan."
    ),
    "此方案的营收计划；与基准不同的年度以蓝色标出。": (
        "This variant's revenue plan; years that differ from the base are shown in blue."
    ),
    "正在新建方案“{name}”（尚未保存）。": "New variant “{name}” (not saved yet). ",
    "正在编辑方案“{name}”。": "Editing variant “{name}”. ",
    "与基准方案不同之处以蓝色标出；企业名称、信用代码和招商进度在基准方案中修改。": (
        "What differs from the base is shown in blue; name, credit code and stage are edited in the base."
    ),
    "与基准方案相同": "Same as the base",
    "未填入驻载体": "no site",
    "是": "yes",
    "否": "no",
    "未填": "none",
    "基准：{value}": "Base: {value}",
    "基准中没有此行（或内容不同）": "Not in the base (or different there)",
    "（报价方案）": " (offer)",
    "（政策假设）": " (policy assumption)",
    "政策假设": "Policy assumptions",
    # the variant's commands
    "重命名…": "Rename…",
    "复制方案": "Duplicate",
    "删除方案…": "Delete…",
    "上移": "Move up",
    "下移": "Move down",
    "重命名方案": "Rename variant",
    "方案名称：": "Variant name:",
    "已将方案改名为“{name}”；按 Ctrl+Z 撤销": "Variant renamed to “{name}”; Ctrl+Z to undo",
    "已复制方案“{name}”；按 Ctrl+Z 撤销": "Variant “{name}” duplicated; Ctrl+Z to undo",
    "删除报价方案": "Delete the offer variant",
    "“{name}”是本企业的报价方案。删除后，会谈模式和新的告知函改用基准方案；已出具的告知函保持出具时的方案不变。确定删除？": (
        "“{name}” is this firm's offer. Once it is deleted, meeting mode and new letters use the base; "
        "letters already issued keep the variant they were issued with. Delete it?"
    ),
    "已删除方案“{name}”；按 Ctrl+Z 撤销": "Variant “{name}” deleted; Ctrl+Z to undo",
    # policy assumptions in the editor
    "与默认版本相同（不作政策假设）": "The default version (no policy assumption)",
    "政策版本": "Policy version",
    "参数调整": "Parameter changes",
    "添加参数调整": "Add a parameter change",
    "政策假设不是企业的行为：按另一政策版本或调整后的参数测算。含政策假设的方案不能作为报价方案或写入告知函，除非所依据的政策版本已施行。": (
        "A policy assumption is not something the firm does: the package is computed under another policy "
        "version or changed parameters. Such a variant cannot be the offer or go on a letter unless the "
        "version it names is in force."
    ),
    # the start year and the field recognition
    "测算起始年": "First year",
    "留空：按入驻年份或首个计划年度": "Blank: the move-in year or the first plan year",
    "领域认定（所列领域以外的企业）": "Field recognition (firms outside the listed fields)",
    "认定结果": "Decision",
    "认定为元宇宙相关领域": "Recognised as metaverse-related",
    "认定不属于相关领域": "Not recognised",
    "认定领域": "Field",
    "如 大数据": "e.g. big data",
    "认定人": "Decided by",
    "如 县经济商务科技局": "e.g. County Bureau of Economy, Commerce and Technology",
    "认定日期": "Decided on",
    # 方案对比
    "括号内为与第一列相比的差额；绿色为更多，红色为更少；指向事项可看各年度。": (
        "In brackets: the difference from the first column; green is more, red is less; point at an item "
        "for its years."
    ),
    "从所选方案出发新建一个测算方案": "Start a new variant from the one chosen",
    "✓ 当前报价方案": "✓ The offer",
    "会谈模式和新的告知函使用此方案": "Meeting mode and new letters use this variant",
    "政策假设，不可报价": "Policy assumption: not offered",
    "{item}，按年度：": "{item}, by year:",
    # hints made into variants
    "按此新建方案": "Make a variant of it",
    "按所选提示新建一个测算方案，与基准方案并列对比（也可双击提示）": (
        "Make the chosen hint a variant and compare it with the base (or double-click the hint)"
    ),
    "从所选方案出发新建一个测算方案，在左侧编辑": "Start a new variant from the one chosen, edited on the left",
    "按已保存的企业信息，此提示已不适用；请先保存再试。": (
        "With the firm as saved this hint no longer applies; save first, then try again."
    ),
    "已新建方案“{name}”；按 Ctrl+Z 撤销": "Variant “{name}” made; Ctrl+Z to undo",
    # 待认定 on screen
    "待认定 · 可得 {amount}": "pending recognition · would get {amount}",
    "另有待认定 {money}：认定为元宇宙相关领域后可得，未计入合计": (
        "Pending recognition: {money} more once the firm's field is recognised, not in the total"
    ),
    "待认定（未计入）": "Pending",
    "；另有待认定 {pending}（认定后可得，未计入）": "; pending recognition: {pending} more (not counted)",
    "待认定企业认定为相关领域后可得的金额（全额，各年合计），未计入敞口和资金池": (
        "What firms pending recognition would get once recognised (in full, all years); not counted in "
        "the exposure or against pools"
    ),
}
