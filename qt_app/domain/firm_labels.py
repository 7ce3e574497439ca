"""A firm's fields as the editor labels them (字段名称), in Chinese and English: the editor's messages and a
bundle conflict's "what differs" say the same words."""

from __future__ import annotations

FIRM_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("企业名称", "Firm name"),
    "uscc": ("统一社会信用代码", "Credit code"),
    "uscc_note": ("校验位说明", "Check-digit note"),
    "investment": ("计划投资额", "Planned investment"),
    "location": ("入驻载体", "Site"),
    "talents": ("人才", "Talents"),
    "revenue": ("营收计划", "Revenue plan"),
    "compute_spend": ("算力合作合同额", "Compute contracts"),
    "rnd_spend": ("研发投入", "R&D spend"),
    "loans": ("贷款", "Loans"),
    "science_projects": ("科技项目", "Science projects"),
    "scenario_projects": ("应用场景项目", "Scenario projects"),
    "variants": ("测算方案", "Variants"),
    "stage_reason": ("终止原因", "Reason for terminating"),
    "grade": ("企业等级", "Grade"),
    "mu_grade": ("亩均评价", "Mu grade"),
    "start_year": ("测算起始年", "First year"),
    "domain_recognition": ("领域认定", "Field recognition"),
    "param_overrides": ("参数调整", "Parameter changes"),
    "entity_type": ("主体类型", "Entity type"),
    "is_trading": ("贸易类企业", "Trading firm"),
    "is_headquarters": ("总部类企业", "Headquarters firm"),
    "dishonest": ("列入严重失信名单", "On the serious-dishonesty list"),
    "registers_in_qingtian": ("在青田注册并纳税", "Registers and pays tax in Qingtian"),
    "domains": ("元宇宙领域", "Metaverse domains"),
    "stage": ("招商阶段", "Stage"),
    "owner": ("负责人", "Officer in charge"),
    "outpost": ("驻点", "Outpost"),
    "contact": ("企业联系人", "Contact"),
    "notes": ("备注", "Notes"),
}
