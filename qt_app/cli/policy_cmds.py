"""Policy-engine commands: simulate, policy check, uscc, amount, exposure."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from qt_app.cli.common import CliExit, print_error
from qt_app.domain import uscc as uscc_mod
from qt_app.domain.errors import DomainError
from qt_app.domain.firm_io import load_firm_file
from qt_app.domain.money import capitals, format_yuan, parse_amount
from qt_app.domain.package import STATUS_LABELS, Package
from qt_app.domain.policy_loader import load_policy
from qt_app.domain.simulate import simulate
from qt_app.services.packages import find_variant, package_to_dict, resolve_policy


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("simulate", help="测算一家企业的政策包 / compute a firm's package")
    p.add_argument("firm", type=Path, help="firm JSON file (see docs/firm.schema.json)")
    p.add_argument("--policy", type=Path, default=None, help="policy file (default: the bundled one)")
    p.add_argument("--variant", default=None, help="variant name from the firm file (default: base)")
    p.add_argument("--years", type=int, default=5, help="horizon in years (default 5)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(handler=cmd_simulate)

    pol = sub.add_parser("policy", help="政策文件 / policy files")
    pol_sub = pol.add_subparsers(dest="policy_command", metavar="ACTION")
    chk = pol_sub.add_parser("check", help="校验政策文件 / validate a policy file")
    chk.add_argument("file", type=Path)
    chk.set_defaults(handler=cmd_policy_check)

    u = sub.add_parser("uscc", help="校验统一社会信用代码 / check a credit code")
    u.add_argument("code")
    u.set_defaults(handler=cmd_uscc)

    a = sub.add_parser("amount", help="金额大写 / an amount in Chinese capitals")
    a.add_argument("amount", help="e.g. 1500000.00 or 150万")
    a.set_defaults(handler=cmd_amount)


def cmd_simulate(args: argparse.Namespace) -> int:
    if args.years < 1 or args.years > 20:
        raise DomainError("测算年数应在1–20之间", "--years must be between 1 and 20")
    firm, variants = load_firm_file(args.firm)
    policy = resolve_policy(args.policy)
    variant = find_variant(variants, args.variant)
    pkg = simulate(firm, policy, variant, args.years)
    if args.format == "json":
        json.dump(package_to_dict(pkg), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(render_table(pkg, args.lang))
    return 0


def render_table(pkg: Package, lang: str = "zh") -> str:
    en = lang == "en"
    out = [f"{pkg.firm_name} — {pkg.policy_id} {pkg.policy_version} — {pkg.variant}"]
    for text in pkg.exclusions_en if en else pkg.exclusions_zh:
        out.append(("Excluded: " if en else "不适用：") + text)
    for line in pkg.lines:
        status = STATUS_LABELS[line.status][1 if en else 0]
        words = (line.explanation_en or line.reason_en) if en else (line.explanation_zh or line.reason_zh)
        name = line.name_en if en else line.name_zh
        out.append(
            f"{line.year}  {line.clause:<8} {name:<10} {format_yuan(line.amount):>16}  {status:<8} {words}"
        )
    out.append("")
    for year, amount in pkg.by_year().items():
        out.append(f"{year}{' total' if en else '年合计'}  {format_yuan(amount):>16}")
    out.append(f"{'Total' if en else '合计'}  {format_yuan(pkg.total)}  人民币{capitals(pkg.total)}")
    for text in pkg.warnings_en if en else pkg.warnings_zh:
        out.append(("Note: " if en else "提示：") + text)
    return "\n".join(out)


def cmd_policy_check(args: argparse.Namespace) -> int:
    policy = load_policy(args.file)
    counts: dict[str, int] = {}
    for item in policy.items:
        for p in [*item.params.values(), *(t.value for t in item.tiers), item.clause]:
            counts[p.status.value] = counts.get(p.status.value, 0) + 1
    shown = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    if args.lang == "en":
        print(
            f"OK: {policy.id} {policy.version}, {len(policy.items)} items, in force {policy.period_text()}; values: {shown}"
        )
    else:
        print(
            f"校验通过：{policy.id} {policy.version}，{len(policy.items)}项，有效期 {policy.period_text()}；参数状态：{shown}"
        )
    return 0


def cmd_uscc(args: argparse.Namespace) -> int:
    result = uscc_mod.check(args.code)
    en = args.lang == "en"
    if result.is_error:
        print_error(DomainError(result.error_zh, result.error_en), args.lang)
        raise CliExit(2)
    if result.is_warning:
        print(result.warning_en if en else result.warning_zh)
        return 1
    region = " (Qingtian 331121)" if en else "（青田县 331121）"
    print(
        f"{result.code} {'valid' if en else '有效'}; region {result.region}{region if result.region == uscc_mod.QINGTIAN_REGION else ''}"
    )
    return 0


def cmd_amount(args: argparse.Namespace) -> int:
    fen = parse_amount(args.amount)
    print(f"人民币{capitals(fen)}")
    print(format_yuan(fen))
    return 0
