"""The 兑现 ledger's commands: record actuals, show a firm's ledger, take a claim through its steps, set budgets,
export a period for the finance bureau.

    python -m qt_app ledger record ACTUALS.json|xlsx [--who NAME] [--policy FILE.yaml] [--dry-run]
    python -m qt_app ledger show FIRM [--format table|json] [--policy FILE.yaml]
    python -m qt_app ledger claim STEP TARGET [--date D] [--amount A] …
    python -m qt_app ledger budget ITEM YEAR AMOUNT | --clear
    python -m qt_app ledger export FILE.xlsx [--from D] [--to D]
    python -m qt_app ledger template FILE.xlsx
    python -m qt_app ledger sheet CLAIM -o FILE.pdf [--date D]          # 兑现审核表
    python -m qt_app ledger statement FIRM -o FILE.pdf [--date D]       # 对账单
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from qt_app.cli.common import data_dir_option as _data_dir
from qt_app.cli.common import say, writer
from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.ledger import steps as s
from qt_app.domain.money import Fen, parse_amount
from qt_app.domain.policy import Policy

STEPS = ("apply", "review", "notice", "objection", "resolve", "pay", "accept", "hold", "resume", "terminate",
         "recover", "repay")  # fmt: skip


def _policies(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--policy",
        type=Path,
        action="append",
        default=[],
        help="a policy version letters were issued under (repeatable; the bundled one is always known)",
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    led = sub.add_parser("ledger", help="兑现台账 / the payment ledger: actuals, claims, payments")
    lsub = led.add_subparsers(dest="ledger_command", metavar="ACTION")

    rec = lsub.add_parser("record", help="登记实绩 / record actuals from .json or .xlsx")
    rec.add_argument("file", type=Path)
    rec.add_argument("--who", default="", help="name recorded in the audit log")
    rec.add_argument("--dry-run", action="store_true", help="only check and report; write nothing")
    _policies(rec)
    _data_dir(rec)
    rec.set_defaults(handler=cmd_record)

    show = lsub.add_parser("show", help="一企一档 / one firm's ledger (id, credit code or name)")
    show.add_argument("firm")
    show.add_argument("--format", choices=("table", "json"), default="table")
    _policies(show)
    _data_dir(show)
    show.set_defaults(handler=cmd_show)

    claim = lsub.add_parser("claim", help="兑现申请 / a claim step: " + ", ".join(STEPS))
    claim.add_argument("step", choices=STEPS)
    claim.add_argument("target", help="apply: the firm (id, credit code or name); other steps: the claim id")
    claim.add_argument("--item", default="", help="apply: the policy item id (rent, revenue, …)")
    claim.add_argument("--year", type=int, default=None, help="apply: the year the award is for")
    claim.add_argument("--date", default="", help="the step's date, e.g. 2027-04-01 (default: today)")
    claim.add_argument(
        "--amount", default="", help="amount: applied for, approved, paid, recovered or repaid"
    )
    claim.add_argument(
        "--order", default="", help="pay: payment order number (拨款文号); repay: receipt number"
    )
    claim.add_argument("--reviewer", default="", help="review: who reviewed (default --who)")
    claim.add_argument("--reject", action="store_true", help="review: not approved (give --reason)")
    claim.add_argument("--until", default="", help="notice: last day (default: the policy's working days)")
    claim.add_argument("--reason", default="", help="hold/terminate reason, rejection reason, recovery basis")
    claim.add_argument("--condition", default="", help="recover: the clawback condition id it rests on")
    claim.add_argument("--note", default="", help="objection text, resolution, acceptance or other note")
    claim.add_argument("--override", default="", help="review/pay above what is due: the reason (logged)")
    claim.add_argument("--who", default="", help="name recorded in the audit log")
    claim.add_argument("--format", choices=("text", "json"), default="text")
    _policies(claim)
    _data_dir(claim)
    claim.set_defaults(handler=cmd_claim)

    bud = lsub.add_parser("budget", help="年度预算 / set the budget for one item and year")
    bud.add_argument("item")
    bud.add_argument("year", type=int)
    bud.add_argument("amount", nargs="?", default=None, help="e.g. 800万 (leave out with --clear)")
    bud.add_argument("--clear", action="store_true", help="remove the budget")
    bud.add_argument("--who", default="", help="name recorded in the audit log")
    _data_dir(bud)
    bud.set_defaults(handler=cmd_budget)

    exp = lsub.add_parser("export", help="兑现情况表 / claims, payments, recoveries of a period (.xlsx)")
    exp.add_argument("file", type=Path)
    exp.add_argument("--from", dest="start", default="", help="first day (default: all)")
    exp.add_argument("--to", dest="end", default="", help="last day (default: all)")
    _data_dir(exp)
    exp.set_defaults(handler=cmd_export)

    for name, target, helptext in (
        ("sheet", "claim", "兑现审核表 / the review sheet of one claim, signed (PDF)"),
        ("statement", "firm", "对账单 / the firm's statement to hand to it, signed (PDF)"),
    ):
        paper = lsub.add_parser(name, help=helptext)
        paper.add_argument(
            target, help="the claim id" if target == "claim" else "the firm (id, credit code or name)"
        )
        paper.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
        paper.add_argument("--date", default="", help="the date printed on it (default: today)")
        _policies(paper)
        _data_dir(paper)
        paper.set_defaults(handler=cmd_paper)

    tpl = lsub.add_parser("template", help="实绩模板 / write the actuals spreadsheet template")
    tpl.add_argument("file", type=Path)
    tpl.set_defaults(handler=cmd_template)


def _day(text: str, field: str, default_today: bool = True) -> date:
    if not text:
        if default_today:
            return date.today()
        raise ValidationError([FieldProblem(field, "须填写日期", "A date is required")])
    from qt_app.domain.field_values import Bad, to_date

    try:
        return to_date(text, field)
    except Bad as e:
        raise ValidationError([FieldProblem(field, e.zh, e.en)]) from None


def _money(text: str, field: str) -> Fen:
    try:
        return parse_amount(text)
    except DomainError as e:
        raise ValidationError([FieldProblem(field, e.zh, e.en)]) from None


def _load_policies(paths: list[Path]) -> list[Policy]:
    from qt_app.domain.policy_loader import load_policy

    return [load_policy(p) for p in paths]


def cmd_record(args: argparse.Namespace) -> int:
    from qt_app.services.ledger import check_actuals_file, record_actuals_file

    policies = _load_policies(args.policy)
    with writer(args) as store:
        run = check_actuals_file if args.dry_run else record_actuals_file
        notices = run(store, args.file, args.who, policies)
    en = args.lang == "en"
    for n in notices:
        for w in n.warnings(args.lang):
            print(f"{args.file}: {w}", file=sys.stderr)
        print(n.summary(args.lang))
    if args.dry_run:
        print("Checked: nothing written" if en else "检查完成：未写入任何数据")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from qt_app.cli.ledger_tables import render_ledger
    from qt_app.domain.policy_loader import default_policy
    from qt_app.services.firms import open_store
    from qt_app.services.ledger_json import ledger_to_dict
    from qt_app.services.ledger_read import firm_ledger

    policies = _load_policies(args.policy)
    with open_store(args.data_dir, auto_backup=False) as store:
        ledger = firm_ledger(store, args.firm, policies, in_force=default_policy())
    if args.format == "json":
        json.dump(ledger_to_dict(ledger), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(render_ledger(ledger, args.lang))
    return 0


def _amount(args: argparse.Namespace) -> Fen:
    if not args.amount:
        raise ValidationError([FieldProblem("--amount", "须填写金额", "An amount is required")])
    return _money(args.amount, "--amount")


def _step(args: argparse.Namespace) -> s.Step:
    on = _day(args.date, "--date")
    step: s.Step
    match args.step:
        case "review":
            reviewer = args.reviewer or args.who
            if args.reject:
                step = s.Review(on, reviewer, False, 0, note=args.reason)
            else:
                step = s.Review(
                    on, reviewer, True, _amount(args), override_reason=args.override, note=args.note
                )
        case "notice":
            step = s.Notice(on, _day(args.until, "--until") if args.until else None)
        case "objection":
            step = s.Objection(on, args.note or args.reason)
        case "resolve":
            step = s.Resolve(on, args.note or args.reason)
        case "pay":
            step = s.Pay(on, _amount(args), args.order, args.override)
        case "accept":
            step = s.Accept(on, args.who, args.note)
        case "hold":
            step = s.Hold(on, args.reason)
        case "resume":
            step = s.Resume(on, args.note)
        case "terminate":
            step = s.Terminate(on, args.reason)
        case "recover":
            step = s.Recover(on, args.reason, _amount(args), args.condition)
        case _:
            step = s.Repay(on, _amount(args), args.order)
    return step


def cmd_claim(args: argparse.Namespace) -> int:
    from qt_app.services.ledger import ClaimStep, OpenClaim, advance_claim, open_claim

    policies = _load_policies(args.policy)
    with writer(args) as store:
        if args.step == "apply":
            problems = []
            if not args.item:
                problems.append(FieldProblem("--item", "须指定事项", "Name the item (--item)"))
            if args.year is None:
                problems.append(FieldProblem("--year", "须指定年度", "Name the year (--year)"))
            if problems:
                raise ValidationError(problems)
            requested = _money(args.amount, "--amount") if args.amount else None
            notice = open_claim(
                store,
                OpenClaim(
                    args.target,
                    args.item,
                    args.year,
                    _day(args.date, "--date"),
                    requested,
                    note=args.note,
                    who=args.who,
                ),
                policies,
            )
        else:
            notice = advance_claim(store, ClaimStep(args.target, _step(args), args.who), policies)
    if args.format == "json":
        json.dump(
            {"claims": list(notice.claim_ids), "firms": list(notice.firm_ids), "summary": notice.summary_zh,
             "summary_en": notice.summary_en},
            sys.stdout, ensure_ascii=False,
        )  # fmt: skip
        print()
    else:
        print(notice.summary(args.lang))
        if args.step == "apply":
            print(
                f"claim: {notice.claim_ids[0]}" if args.lang == "en" else f"申请编号：{notice.claim_ids[0]}"
            )
    return 0


def cmd_budget(args: argparse.Namespace) -> int:
    from qt_app.domain.policy_loader import default_policy
    from qt_app.services.ledger import SetBudget, set_budget

    if args.clear == (args.amount is not None):
        raise ValidationError(
            [FieldProblem("amount", "请给出金额，或用 --clear 清除", "Give an amount, or --clear")]
        )
    amount = None if args.clear else _money(args.amount, "amount")
    with writer(args) as store:
        notice = set_budget(store, SetBudget(args.item, args.year, amount, args.who), default_policy())
    print(notice.summary(args.lang))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from qt_app.domain.policy_loader import default_policy
    from qt_app.services.firms import open_store
    from qt_app.services.ledger_export import export_period

    start = _day(args.start, "--from") if args.start else None
    end = _day(args.end, "--to") if args.end else None
    with open_store(args.data_dir, auto_backup=False) as store:
        summary = export_period(store, args.file, default_policy(), start, end)
    print(summary.words(args.lang))
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from qt_app.store.actuals_sheet import write_actuals_template

    if args.file.suffix.lower() != ".xlsx":
        raise DomainError("模板为 .xlsx 文件", "The template is an .xlsx file")
    write_actuals_template(args.file)
    say(args, f"已写出实绩模板：{args.file}", f"Template written: {args.file}")
    return 0


def cmd_paper(args: argparse.Namespace) -> int:
    """ledger sheet CLAIM / ledger statement FIRM: the signed PDF, verifiable with `verify`."""
    from qt_app.services.firms import open_store
    from qt_app.services.ledger_papers import review_sheet_pdf, statement_pdf

    policies = _load_policies(args.policy)
    day = _day(args.date, "--date")
    with open_store(args.data_dir, auto_backup=False) as store:
        if args.ledger_command == "sheet":
            data = review_sheet_pdf(store, args.claim, policies, day)
        else:
            data = statement_pdf(store, args.firm, policies, day)
    try:
        args.output.write_bytes(data)
    except OSError as e:
        raise DomainError(
            f"无法写入 {args.output}：{e.strerror}", f"Cannot write {args.output}: {e.strerror}"
        ) from None
    written = args.output
    what = ("兑现审核表", "review sheet") if args.ledger_command == "sheet" else ("对账单", "statement")
    say(args, f"已写出{what[0]}：{written}", f"Wrote the {what[1]}: {written}")
    return 0
