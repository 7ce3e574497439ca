"""Policy-engine commands: simulate, exposure, policy check, uscc, amount."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from qt_app.cli.common import CliExit, print_error
from qt_app.cli.tables import render_exposure, render_package
from qt_app.domain import uscc as uscc_mod
from qt_app.domain.errors import DomainError
from qt_app.domain.firm_io import load_firm_file
from qt_app.domain.money import capitals, parse_amount
from qt_app.domain.money_format import figure
from qt_app.domain.policy_loader import load_policy
from qt_app.domain.simulate import simulate
from qt_app.services.packages import check_policy, find_variant, package_to_dict, resolve_policy


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("simulate", help="测算一家企业的政策包 / compute a firm's package")
    p.add_argument("firm", type=Path, help="firm JSON file (see docs/firm.schema.json)")
    p.add_argument("--policy", type=Path, default=None, help="policy file (default: the bundled one)")
    p.add_argument("--variant", default=None, help="variant name from the firm file (default: base)")
    p.add_argument("--years", type=int, default=5, help="horizon in years (default 5)")
    p.add_argument(
        "--start-year",
        type=int,
        default=None,
        help="first simulated year (default: the firm's start_year, move-in year or first plan year)",
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(handler=cmd_simulate)

    e = sub.add_parser(
        "exposure",
        help="预算敞口 / budget exposure: pipeline, committed, due, paid, against pools and budgets",
    )
    e.add_argument("--format", choices=("table", "json"), default="table")
    e.add_argument("--year", type=int, default=None, help="one year only (default: every year)")
    e.add_argument(
        "--policy", type=Path, default=None, help="policy file (default: the one chosen in the app)"
    )
    e.add_argument(
        "--data-dir", default=argparse.SUPPRESS, help="data folder (default: $OFFER_DESK_DATA_DIR)"
    )
    e.set_defaults(handler=cmd_exposure)

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
    check_policy(variant, policy)
    pkg = simulate(firm, policy, variant, args.years, start_year=args.start_year)
    if not pkg.dated:  # no year to start from: say so rather than guess from today's date
        for text in pkg.warnings_en if args.lang == "en" else pkg.warnings_zh:
            print(f"{args.firm}: {text}", file=sys.stderr)
        raise CliExit(2)
    if args.format == "json":
        json.dump(package_to_dict(pkg), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(render_package(pkg, args.lang))
    return 0


def cmd_exposure(args: argparse.Namespace) -> int:
    from qt_app.services.firms import open_store
    from qt_app.services.session import Session

    if args.year is not None and not 2000 <= args.year <= 2100:
        raise DomainError("--year 应为2000–2100之间的年份", "--year must be a year between 2000 and 2100")
    from qt_app.services.ledger_exposure import county_exposure

    policy = resolve_policy(args.policy) if args.policy else None
    with open_store(args.data_dir, auto_backup=False) as store:
        session = Session(store, [policy], policy.id) if policy else Session(store)
        report, _ = county_exposure(store, session.policy, session.policies, args.year)
    if args.format == "json":
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(render_exposure(report, args.lang))
    return 0


def cmd_policy_check(args: argparse.Namespace) -> int:
    policy = load_policy(args.file)
    counts: dict[str, int] = {}
    values = [
        p
        for item in policy.items
        for p in [*item.params.values(), *(t.value for t in item.tiers), item.clause]
    ]
    values += [
        *policy.payment.params().values(),
        *(c.within_years for c in policy.clawback if c.within_years),
    ]
    for p in values:
        counts[p.status.value] = counts.get(p.status.value, 0) + 1
    shown = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    rules: dict[str, int] = {}
    for rule in policy.rules.values():
        rules[rule.status.value] = rules.get(rule.status.value, 0) + 1
    rules_shown = ", ".join(f"{k} {v}" for k, v in sorted(rules.items()))
    pay = policy.payment
    if args.lang == "en":
        print(
            f"OK: {policy.id} {policy.version}, {len(policy.items)} items, in force {policy.period_text('en')}; "
            f"values: {shown}; rules: {rules_shown}"
        )
        print(
            f"Payment: public notice {pay.notice_working_days.display_en()} [{pay.notice_working_days.status}], "
            f"tranches above {pay.tranche_above.display_en()}, first at least {pay.first_tranche_min.display()}, "
            f"{pay.holdback.display()} held until acceptance; "
            f"clawback conditions: {', '.join(f'{c.id} [{c.status}]' for c in policy.clawback) or 'none'}"
        )
    else:
        print(
            f"校验通过：{policy.id} {policy.version}，{len(policy.items)}项，有效期 {policy.period_text()}；"
            f"参数状态：{shown}；规则状态：{rules_shown}"
        )
        print(
            f"兑现规则：公示{pay.notice_working_days.display()}[{pay.notice_working_days.status}]，"
            f"超过{pay.tranche_above.display()}分期拨付，首期不少于{pay.first_tranche_min.display()}，"
            f"预留{pay.holdback.display()}至验收；"
            f"追回条件：{'、'.join(f'{c.id}[{c.status}]' for c in policy.clawback) or '无'}"
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
    print(figure(fen))
    return 0
