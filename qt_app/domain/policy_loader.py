"""Strict loading of a policy file: every problem names the file, line, key path, what was expected and found.

An unknown key is an error, never silently ignored (a mis-indented key is the classic way rules-as-code
systems freeze parameters). YAML is read as nodes so that values keep their line numbers and numbers are
never parsed as floats.
"""

from __future__ import annotations

import hashlib
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.policy import LprRate, Param, Policy, PolicyItem, Rule, Site, Status, Tier, Unit
from qt_app.domain.policy_fulfilment import read_clawback, read_payment
from qt_app.domain.policy_rules import read_conditions, read_eligibility, read_stacking
from qt_app.domain.policy_values import parse_value

SCHEMA_VERSION = 2
READABLE_SCHEMAS = ("1", "2")  # 1: rules without status (read as illustrative); 2: every rule has a status

# Which parameters each kind of item needs, and how its rate table is keyed.
KIND_PARAMS: dict[str, dict[str, Unit]] = {
    "rent_subsidy": {
        "cap_area_m2": Unit.M2,
        "cap_unit_price": Unit.PRICE,
        "cap_per_year": Unit.FEN,
        "max_years": Unit.YEARS,
    },
    "revenue_milestone": {"mode": Unit.MODE},
    "compute_voucher": {"rate": Unit.RATE, "cap_per_year": Unit.FEN, "pool_per_year": Unit.FEN},
    "project_landing": {},
    "talent_housing": {"apartment_value_per_month": Unit.FEN, "max_years": Unit.YEARS},
    "science_matching": {"ratio": Unit.RATIO, "min_level": Unit.LEVEL},
    "rnd_subsidy": {"rate": Unit.RATE, "cap_per_year": Unit.FEN, "max_years": Unit.YEARS},
    "loan_interest": {"share_of_lpr": Unit.RATE, "cap_principal": Unit.FEN, "max_years": Unit.YEARS},
    "guarantee_fee": {"rate": Unit.RATE, "cap_per_year": Unit.FEN, "max_years": Unit.YEARS},
    "scenario_project": {"rate": Unit.RATE, "cap_per_project": Unit.FEN},
    "text": {},
}
KIND_TIERS: dict[str, tuple[tuple[str, ...], Unit]] = {
    "rent_subsidy": (("tenancy_year", "grade", "site"), Unit.RATE),
    "revenue_milestone": (("threshold",), Unit.FEN),
    "project_landing": (("grade",), Unit.FEN),
    "talent_housing": (("talent_level",), Unit.FEN),
}
COMPUTED_FROM = {
    "rent", "revenue", "compute_spend", "grade", "talents", "allocated_funds", "rnd_spend", "loan_principal",
    "guarantee_fee", "contract_value",
}  # fmt: skip
TAX_WORDS = ("tax", "纳税", "税收", "税额")
CATEGORIES = ("rent", "award", "compute", "science", "finance", "scenario", "housing", "other")

TOP_REQUIRED = {
    "schema", "id", "version", "title", "title_en", "short_title", "issuer", "doc_number", "issued",
    "effective_from", "effective_to", "source", "last_reviewed", "eligibility", "stacking", "legal_notes",
    "lpr", "sites", "items",
}  # fmt: skip
TOP_OPTIONAL = {"payment", "clawback"}  # 兑现 rules (policy_fulfilment): defaults when left out
ITEM_REQUIRED = {
    "id",
    "kind",
    "clause",
    "zh",
    "en",
    "category",
    "benefit",
    "timing",
    "basis",
    "computed_from",
}
ITEM_OPTIONAL = {"tier_key", "tiers", "params", "conditions", "note"}

_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
# What a scalar may be tagged with (what YAML resolves plain values to): anything else, `!!python/…` or a
# private `!tag`, is refused rather than read as text or silently dropped.
_PLAIN = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "timestamp", "null", "bool")}


def _tagged(node: yaml.Node) -> str | None:
    """How a value with an unusual tag is described in a message; None for ordinary values."""
    if isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN:
        return f"带标签 {node.tag} 的值 / a value tagged {node.tag}"
    return None


class _Reader:
    """Walks composed YAML nodes, collecting problems instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def bad(
        self, node: yaml.Node | None, path: str, exp_zh: str, exp_en: str, found: str | None = None
    ) -> None:
        line = f"第{node.start_mark.line + 1}行 " if node is not None else ""
        if found is None and node is not None:
            found = _describe(node)
        tail_zh = f"，实为{found}" if found is not None else ""
        tail_en = f", found {found}" if found is not None else ""
        self.problems.append(
            FieldProblem(f"{line}{path}", f"应为{exp_zh}{tail_zh}", f"expected {exp_en}{tail_en}")
        )

    def mapping(
        self,
        node: yaml.Node,
        path: str,
        required: set[str],
        optional: set[str] = frozenset(),  # type: ignore[assignment]
    ) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.bad(node, path or "（顶层）", "键值表", "a mapping")
            return None
        out: dict[str, yaml.Node] = {}
        for k, v in node.value:
            key = str(k.value)
            where = f"{path}.{key}" if path else key
            if key in out:
                self.bad(k, where, "不重复的键", "a key given once", "重复的键 / a duplicate key")
            elif key not in required and key not in optional:
                allowed = "、".join(sorted(required | optional))
                self.bad(
                    k,
                    where,
                    f"已知的键（{allowed}）",
                    f"a known key ({allowed})",
                    "未知的键 / an unknown key",
                )
            out[key] = v
        for key in sorted(required - out.keys()):
            where = f"{path}.{key}" if path else key
            self.bad(node, where, "该字段", "this field", "缺失 / missing")
        return out

    def text(self, node: yaml.Node | None, path: str, nullable: bool = False) -> str | None:
        if node is None:
            return None
        if nullable and isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
            return None
        if _tagged(node):
            self.bad(node, path, "文本", "text", _tagged(node))
            return None
        if (
            not isinstance(node, yaml.ScalarNode)
            or node.tag in (_NULL, _BOOL)
            or str(node.value).strip() == ""
        ):
            self.bad(node, path, "文本", "text")
            return None
        return str(node.value).strip()

    def flag(self, node: yaml.Node | None, path: str) -> bool:
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL:
            return str(node.value).lower() in ("true", "yes", "on")
        if node is not None:
            self.bad(node, path, "true 或 false", "true or false")
        return False

    def day(self, node: yaml.Node | None, path: str, nullable: bool = False) -> date | None:
        if node is None:
            return None
        if nullable and isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
            return None
        try:
            return date.fromisoformat(str(node.value).strip()) if isinstance(node, yaml.ScalarNode) else None
        except ValueError:
            pass
        self.bad(node, path, "日期（如 2023-08-10）", "a date like 2023-08-10")
        return None

    def seq(self, node: yaml.Node | None, path: str) -> list[yaml.Node]:
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.bad(node, path, "列表", "a list")
            return []
        return list(node.value)

    def status(self, node: yaml.Node | None, path: str) -> Status:
        raw = self.text(node, path)
        try:
            return Status(raw) if raw is not None else Status.ILLUSTRATIVE
        except ValueError:
            self.bad(node, path, "seed、illustrative 或 confirmed", "seed, illustrative or confirmed")
            return Status.ILLUSTRATIVE

    def value(self, node: yaml.Node | None, path: str, unit: Unit) -> Any:
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag in (_NULL, _BOOL) or _tagged(node):
            self.bad(node, path, "一个值", "a value", _tagged(node))
            return None
        try:
            return parse_value(node.value, unit, path)
        except DomainError:
            from qt_app.domain.policy_values import EXPECTED

            zh, en = EXPECTED[unit]
            self.bad(node, path, zh, en)
            return None

    def param(self, node: yaml.Node, path: str, unit: Unit, with_unit: bool) -> Param | None:
        keys = {"value", "status"} | ({"unit"} if with_unit else set())
        m = self.mapping(node, path, keys)
        if m is None:
            return None
        if with_unit and "unit" in m:
            u = self.text(m["unit"], f"{path}.unit")
            if u is not None and u != unit.value:
                self.bad(m["unit"], f"{path}.unit", f"单位 {unit.value}", f"unit {unit.value}")
        status = self.status(m.get("status"), f"{path}.status")
        v = self.value(m.get("value"), f"{path}.value", unit)
        return None if v is None else Param(v, unit, status)


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "键值表 / a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "列表 / a list"
    if node.tag == _NULL:
        return "空值 / null"
    return f"“{node.value}”"


def _clause(r: _Reader, node: yaml.Node, path: str) -> Param | None:
    m = r.mapping(node, path, {"value", "status"})
    if m is None:
        return None
    text = r.text(m.get("value"), f"{path}.value")
    status = r.status(m.get("status"), f"{path}.status")
    return None if text is None else Param(text, Unit.MODE, status)


def _bilingual(r: _Reader, node: yaml.Node | None, path: str) -> tuple[str, str]:
    if node is None:
        return "", ""
    m = r.mapping(node, path, {"zh", "en"})
    if m is None:
        return "", ""
    return r.text(m.get("zh"), f"{path}.zh") or "", r.text(m.get("en"), f"{path}.en") or ""


def _tiers(r: _Reader, nodes: list[yaml.Node], path: str, key_kind: str, unit: Unit) -> tuple[Tier, ...]:
    tiers: list[Tier] = []
    for i, tn in enumerate(nodes):
        tp = f"{path}[{i}]"
        keys = {"key", "value", "status"} | ({"threshold"} if key_kind == "threshold" else set())
        m = r.mapping(tn, tp, keys)
        if m is None:
            continue
        key = r.text(m.get("key"), f"{tp}.key")
        val = r.value(m.get("value"), f"{tp}.value", unit)
        status = r.status(m.get("status"), f"{tp}.status")
        threshold = r.value(m.get("threshold"), f"{tp}.threshold", Unit.FEN) if "threshold" in m else None
        if key is None or val is None:
            continue
        if any(t.key == key for t in tiers):
            r.bad(tn, f"{tp}.key", "不重叠的档位", "tiers that do not overlap", f"重复的档位 “{key}”")
        if key_kind == "threshold" and threshold is not None and tiers and tiers[-1].threshold is not None:
            prev = tiers[-1]
            if prev.threshold is not None and threshold <= prev.threshold:
                r.bad(
                    tn,
                    f"{tp}.threshold",
                    "高于上一档的门槛",
                    "a threshold above the previous tier's",
                    "重叠的门槛",
                )
            elif val < prev.value.value:
                r.bad(tn, f"{tp}.value", "不低于上一档的奖励", "an award at least the previous tier's")
        tiers.append(Tier(key, Param(val, unit, status), threshold))
    if key_kind == "tenancy_year" and tiers:
        tier_keys = [t.key for t in tiers]
        if tier_keys != [str(n) for n in range(1, len(tier_keys) + 1)]:
            r.bad(
                None,
                path,
                "从1开始连续的租赁年度（1、2、3…）",
                "tenancy years 1, 2, 3… in order",
                "、".join(tier_keys),
            )
    return tuple(tiers)


def _item(r: _Reader, node: yaml.Node, path: str, rules: dict[str, Rule]) -> PolicyItem | None:
    m = r.mapping(node, path, ITEM_REQUIRED, ITEM_OPTIONAL)
    if m is None:
        return None
    item_id = r.text(m.get("id"), f"{path}.id") or ""
    kind = r.text(m.get("kind"), f"{path}.kind") or ""
    if kind and kind not in KIND_PARAMS:
        r.bad(m["kind"], f"{path}.kind", "已知的类型（" + "、".join(KIND_PARAMS) + "）", "a known kind")
        return None
    clause = _clause(r, m["clause"], f"{path}.clause") if "clause" in m else None
    category = r.text(m.get("category"), f"{path}.category") or ""
    if category and category not in CATEGORIES:
        r.bad(
            m["category"],
            f"{path}.category",
            "、".join(CATEGORIES) + " 之一",
            "one of " + ", ".join(CATEGORIES),
        )
    benefit = r.text(m.get("benefit"), f"{path}.benefit") or ""
    if benefit and benefit not in ("cash", "voucher", "in_kind"):
        r.bad(m["benefit"], f"{path}.benefit", "cash、voucher 或 in_kind", "cash, voucher or in_kind")
    timing = r.text(m.get("timing"), f"{path}.timing") or ""
    if timing and timing not in ("one_off", "annual"):
        r.bad(m["timing"], f"{path}.timing", "one_off 或 annual", "one_off or annual")
    basis_zh, basis_en = _bilingual(r, m.get("basis"), f"{path}.basis")
    computed: list[str] = []
    for i, cn in enumerate(r.seq(m.get("computed_from"), f"{path}.computed_from")):
        word = r.text(cn, f"{path}.computed_from[{i}]") or ""
        if any(t in word.lower() for t in TAX_WORDS):
            r.bad(cn, f"{path}.computed_from[{i}]", "非税收的计算依据（公平竞争审查条例禁止按纳税额给予奖励）",
                  "a basis other than tax paid (the Fair Competition Review Regulations forbid tax-linked awards)")  # fmt: skip
        elif word and word not in COMPUTED_FROM:
            r.bad(
                cn, f"{path}.computed_from[{i}]", "、".join(sorted(COMPUTED_FROM)) + " 之一", "a known basis"
            )
        computed.append(word)

    tier_key = None
    tiers: tuple[Tier, ...] = ()
    if kind in KIND_TIERS:
        allowed_keys, tier_unit = KIND_TIERS[kind]
        if "tier_key" not in m or "tiers" not in m:
            r.bad(
                node, f"{path}.tiers", "tier_key 与 tiers（档位表）", "tier_key and tiers", "缺失 / missing"
            )
        else:
            tier_key = _clause(r, m["tier_key"], f"{path}.tier_key")
            if tier_key is not None and tier_key.value not in allowed_keys:
                r.bad(m["tier_key"], f"{path}.tier_key.value", "、".join(allowed_keys) + " 之一",
                      "one of " + ", ".join(allowed_keys))  # fmt: skip
                tier_key = None
            if tier_key is not None:
                tiers = _tiers(
                    r, r.seq(m["tiers"], f"{path}.tiers"), f"{path}.tiers", tier_key.value, tier_unit
                )
    else:
        for extra in ("tier_key", "tiers"):
            if extra in m:
                r.bad(
                    m[extra],
                    f"{path}.{extra}",
                    f"{kind} 类事项不设档位",
                    f"no tiers for a {kind} item",
                    "档位表",
                )

    params: dict[str, Param] = {}
    expected = KIND_PARAMS.get(kind, {})
    pm = r.mapping(m["params"], f"{path}.params", set(expected)) if "params" in m else None
    if pm is None and expected and "params" not in m:
        r.bad(node, f"{path}.params", "参数（" + "、".join(expected) + "）", "params", "缺失 / missing")
    for name, pnode in (pm or {}).items():
        if name in expected:
            p = r.param(pnode, f"{path}.params.{name}", expected[name], with_unit=True)
            if p is not None:
                params[name] = p

    conditions, condition_rules = read_conditions(r, m.get("conditions"), item_id, path)
    rules.update((c.path, c) for c in condition_rules)
    note_zh, note_en = _bilingual(r, m.get("note"), f"{path}.note")
    if clause is None or not item_id:
        return None
    return PolicyItem(
        id=item_id, kind=kind, clause=clause, zh=r.text(m.get("zh"), f"{path}.zh") or "",
        en=r.text(m.get("en"), f"{path}.en") or "", category=category, benefit=benefit, timing=timing,
        basis_zh=basis_zh, basis_en=basis_en, computed_from=tuple(computed), tier_key=tier_key, tiers=tiers,
        params=params, conditions=conditions, note_zh=note_zh, note_en=note_en,
    )  # fmt: skip


def parse_policy(text: str, source: str = "") -> Policy:
    """Parse and validate policy text; raise ValidationError with every problem found."""
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"第{mark.line + 1}行第{mark.column + 1}列" if mark else ""
        problem = getattr(e, "problem", None) or str(e)
        raise ValidationError(
            [FieldProblem(where, f"YAML 语法错误：{problem}", f"YAML syntax error: {problem}")], source
        ) from None
    if root is None:
        raise ValidationError([FieldProblem("", "文件为空", "The file is empty")], source)
    r = _Reader()
    top = r.mapping(root, "", TOP_REQUIRED, TOP_OPTIONAL)
    if top is None:
        raise ValidationError(r.problems, source)
    schema = r.text(top.get("schema"), "schema")
    if schema is not None and schema not in READABLE_SCHEMAS:
        r.bad(top["schema"], "schema", "格式版本 " + " 或 ".join(READABLE_SCHEMAS),
              "schema version " + " or ".join(READABLE_SCHEMAS))  # fmt: skip

    elig = read_eligibility(r, top.get("eligibility"))
    stacking = read_stacking(r, top.get("stacking"))
    rules: dict[str, Rule] = {**elig.rules, stacking.path: stacking}
    notes = tuple(
        _bilingual(r, n, f"legal_notes[{i}]") for i, n in enumerate(r.seq(top.get("legal_notes"), ""))
    )

    lpr_rates: list[LprRate] = []
    lpr_status = Status.ILLUSTRATIVE
    lm = r.mapping(top["lpr"], "lpr", {"status", "rates"}) if "lpr" in top else None
    if lm:
        lpr_status = r.status(lm.get("status"), "lpr.status")
        for i, ln in enumerate(r.seq(lm.get("rates"), "lpr.rates")):
            em = r.mapping(ln, f"lpr.rates[{i}]", {"since", "rate"})
            if em is None:
                continue
            since = r.day(em.get("since"), f"lpr.rates[{i}].since")
            rate = r.value(em.get("rate"), f"lpr.rates[{i}].rate", Unit.RATE)
            if since is not None and rate is not None:
                if lpr_rates and since <= lpr_rates[-1].since:
                    r.bad(
                        em["since"],
                        f"lpr.rates[{i}].since",
                        "晚于上一条的日期",
                        "a date after the previous one",
                    )
                lpr_rates.append(LprRate(since, rate))
    if lm is not None and not lpr_rates:
        r.bad(top["lpr"], "lpr.rates", "至少一条带日期的 LPR", "at least one dated LPR value", "空 / empty")

    sites: list[Site] = []
    for i, sn in enumerate(r.seq(top.get("sites"), "sites")):
        sm = r.mapping(sn, f"sites[{i}]", {"id", "zh", "en", "kind"})
        if sm is None:
            continue
        sid = r.text(sm.get("id"), f"sites[{i}].id")
        kind = r.text(sm.get("kind"), f"sites[{i}].kind")
        if kind is not None and kind not in ("building", "enclave"):
            r.bad(sm["kind"], f"sites[{i}].kind", "building 或 enclave", "building or enclave")
        if sid:
            sites.append(Site(sid, r.text(sm.get("zh"), f"sites[{i}].zh") or "",
                              r.text(sm.get("en"), f"sites[{i}].en") or "", kind or "building"))  # fmt: skip

    items: list[PolicyItem] = []
    for i, node in enumerate(r.seq(top.get("items"), "items")):
        item = _item(r, node, f"items[{i}]", rules)
        if item is None:
            continue
        if any(it.id == item.id for it in items):
            r.bad(node, f"items[{i}].id", "不重复的事项编号", "a unique item id", f"重复的 “{item.id}”")
        items.append(item)

    payment = read_payment(r, top.get("payment"))
    clawback, clawback_rules = read_clawback(r, top.get("clawback"), {it.id for it in items if it.monetary})
    rules.update(clawback_rules)

    effective_from = r.day(top.get("effective_from"), "effective_from")
    effective_to = r.day(top.get("effective_to"), "effective_to", nullable=True)
    if effective_from and effective_to and effective_to < effective_from:
        r.bad(top["effective_to"], "effective_to", "不早于生效日期的截止日期", "an end on or after the start")
    issued = r.day(top.get("issued"), "issued")
    reviewed = r.day(top.get("last_reviewed"), "last_reviewed")
    policy_id = r.text(top.get("id"), "id")
    version = r.text(top.get("version"), "version")
    # read before deciding: a title that is a list (or tagged) is a problem to report, not a blank title
    titles = {
        key: r.text(top.get(key), key) or ""
        for key in ("title", "title_en", "short_title", "issuer", "source")
    }
    doc_number = r.text(top.get("doc_number"), "doc_number", nullable=True)
    if r.problems or not (policy_id and version and effective_from and issued and reviewed):
        raise ValidationError(r.problems or [FieldProblem("", "文件不完整", "Incomplete file")], source)
    return Policy(
        id=policy_id, version=version, title=titles["title"], title_en=titles["title_en"],
        short_title=titles["short_title"], issuer=titles["issuer"], doc_number=doc_number,
        issued=issued, effective_from=effective_from, effective_to=effective_to,
        source=titles["source"], last_reviewed=reviewed, domains=elig.domains,
        exclude_trading=elig.exclude_trading, exclude_headquarters=elig.exclude_headquarters,
        exclude_dishonest=elig.exclude_dishonest, exclude_mu_grades=elig.exclude_mu_grades,
        require_registration=elig.require_registration, stacking_zh=stacking.zh, stacking_en=stacking.en,
        legal_notes=notes, lpr=tuple(lpr_rates), lpr_status=lpr_status, sites=tuple(sites), items=tuple(items),
        hash=hashlib.sha256(text.encode("utf-8")).hexdigest(), path=source, domains_open=elig.domains_open,
        rules=rules, payment=payment, clawback=clawback, text=text,
    )  # fmt: skip


def load_policy(path: str | Path) -> Policy:
    """Read and validate a policy file; problems come back as a ValidationError naming the file."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise ValidationError(
            [
                FieldProblem(
                    "", f"无法读取政策文件：{e.strerror}", f"Cannot read the policy file: {e.strerror}"
                )
            ],
            str(p),
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            [FieldProblem("", "政策文件不是 UTF-8 文本", "The policy file is not UTF-8 text")], str(p)
        ) from None
    return parse_policy(text, str(p))


@lru_cache(maxsize=1)
def default_policy() -> Policy:
    """The bundled Qingtian policy (cached: the file is read once per process)."""
    from qt_app.paths import default_policy_path

    return load_policy(default_policy_path())


def policy_in_force(policies: list[Policy], on: date) -> Policy:
    """The version in force on a date: the latest effective_from among those covering it."""
    covering = [p for p in policies if p.in_force(on)]
    if not covering:
        raise DomainError(
            f"{on:%Y-%m-%d} 没有生效的政策版本", f"No policy version is in force on {on:%Y-%m-%d}"
        )
    return max(covering, key=lambda p: p.effective_from)
