"""Firm-store commands: import, export, search, template, demo, backup, restore (bundles: `bundle_cmds`).

`python -m qt_app firms import FILE.(xlsx|csv|json) [--skip-invalid]` checks every row first; with any
problem (and no --skip-invalid) nothing is written, the report goes to stderr and the exit code is 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qt_app.cli.common import CliExit, reader, say, writer
from qt_app.cli.common import data_dir_option as _data_dir
from qt_app.domain.errors import DomainError
from qt_app.domain.firm import STAGE_LABELS, Stage
from qt_app.domain.money_format import money
from qt_app.services.demo import load_demo
from qt_app.services.firms import (
    ImportRefused,
    StoreCorrupt,
    check_data_file,
    export_firm_file,
    export_firms,
    import_firms,
    plan_import,
    recover_from_backup,
    write_template,
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    firms = sub.add_parser("firms", help="企业档案 / the firm database")
    fsub = firms.add_subparsers(dest="firms_command", metavar="ACTION")

    imp = fsub.add_parser("import", help="导入企业 / import firms from .xlsx, .csv or .json")
    imp.add_argument("file", type=Path)
    imp.add_argument("--skip-invalid", action="store_true", help="write the valid rows, skip the others")
    imp.add_argument("--dry-run", action="store_true", help="only check and report; write nothing")
    imp.add_argument("--who", default="", help="name recorded in the audit log")
    _data_dir(imp)
    imp.set_defaults(handler=cmd_import)

    exp = fsub.add_parser("export", help="导出企业 / export firms to .xlsx, .csv or .json")
    exp.add_argument("file", type=Path)
    exp.add_argument(
        "--firm", default="", help="one firm's id: write its firm file (.json, variants too) for `simulate`"
    )
    _data_dir(exp)
    exp.set_defaults(handler=cmd_export)

    srch = fsub.add_parser("search", help="查找企业 / search firms (name, code, contact, notes, pinyin)")
    srch.add_argument("query")
    srch.add_argument("--limit", type=int, default=50)
    _data_dir(srch)
    srch.set_defaults(handler=cmd_search)

    tpl = fsub.add_parser("template", help="导入模板 / write the import template (.xlsx or .csv)")
    tpl.add_argument("file", type=Path)
    tpl.set_defaults(handler=cmd_template)

    demo = fsub.add_parser("demo", help="载入演示数据 / add the demo firms (and three demo ledgers)")
    _data_dir(demo)
    demo.set_defaults(handler=cmd_demo)

    bk = sub.add_parser("backup", help="备份数据库 / back up the database")
    bk.add_argument("--to", type=Path, default=None, help="backup file (default: the backups folder)")
    _data_dir(bk)
    bk.set_defaults(handler=cmd_backup)

    ck = sub.add_parser("check", help="检查数据文件 / full integrity check of the database file")
    _data_dir(ck)
    ck.set_defaults(handler=cmd_check)

    rs = sub.add_parser("restore", help="从备份恢复 / restore the database from a backup")
    rs.add_argument("file", type=Path)
    _data_dir(rs)
    rs.set_defaults(handler=cmd_restore)


def cmd_import(args: argparse.Namespace) -> int:
    with writer(args) as store:
        if args.dry_run:
            report = plan_import(store, args.file, "skip" if args.skip_invalid else "all")
            for line in report.lines(args.lang):
                print(line, file=sys.stderr)
            print(report.summary(args.lang))
            return 0 if report.acceptable else 2
        try:
            report = import_firms(store, args.file, skip_invalid=args.skip_invalid, who=args.who)
        except ImportRefused as refused:
            for line in refused.report.lines(args.lang):
                print(f"{args.file}: {line}", file=sys.stderr)
            print(refused.report.summary(args.lang), file=sys.stderr)
            raise CliExit(2) from None
        for line in report.lines(args.lang):
            print(f"{args.file}: {line}", file=sys.stderr)
        print(report.summary(args.lang))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.firm:
        if args.file.suffix.lower() != ".json":
            raise DomainError(
                "单个企业导出为企业文件（.json）", "One firm is exported as a firm file (.json)"
            )
        with reader(args) as store:
            export_firm_file(store, args.firm, args.file)
        say(args, f"已导出企业文件：{args.file}", f"Firm file written: {args.file}")
        return 0
    with reader(args) as store:
        n = export_firms(store, args.file)
    say(args, f"已导出 {n} 家企业到 {args.file}", f"Exported {n} firms to {args.file}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with reader(args) as store:
        total = store.count_firms(args.query)
        rows = store.list_firms(args.query, sort="name", descending=False, limit=max(1, args.limit))
    for r in rows:
        stage = STAGE_LABELS[Stage(r.stage)][1 if args.lang == "en" else 0]
        total_text = money(r.package_total_fen, args.lang) if r.package_total_fen is not None else "-"
        print("\t".join((r.uscc, r.name, stage, r.outpost or "-", r.owner or "-", total_text, r.id)))
    say(args, f"共 {total} 家", f"{total} found")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    if args.file.suffix.lower() not in (".xlsx", ".csv"):
        raise DomainError("模板只能是 .xlsx 或 .csv", "The template is .xlsx or .csv")
    write_template(args.file)
    say(args, f"已写出导入模板：{args.file}", f"Import template written: {args.file}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from qt_app.domain.policy_loader import default_policy
    from qt_app.services.demo_ledger import load_demo_ledger

    with writer(args) as store:
        n = load_demo(store)
        k = load_demo_ledger(store, default_policy())  # three landed firms with a letter, actuals and claims
    say(
        args,
        f"已载入 {n} 家演示企业" + (f"，其中 {k} 家附兑现台账" if k else ""),
        f"Added {n} demo firms" + (f", {k} of them with a payment ledger" if k else ""),
    )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with reader(args) as store:
        path = store.backup(args.to)
    say(args, f"已备份到 {path}", f"Backed up to {path}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """0 when the file is whole, 1 when it is damaged (the problems on stderr, the backup to restore named)."""
    with reader(args) as store:
        report = check_data_file(store)
    for line in report.problems:
        print(line, file=sys.stderr)
    print(report.summary(args.lang))
    if not report.ok and report.backup is not None:
        say(
            args,
            f"恢复：python -m qt_app restore {report.backup}",
            f"To restore: python -m qt_app restore {report.backup}",
        )
    return 0 if report.ok else 1


def cmd_restore(args: argparse.Namespace) -> int:
    try:
        store = writer(args)
    except StoreCorrupt:  # the live file is damaged: move it aside (never delete) and put the backup in place
        aside = recover_from_backup(args.data_dir, args.file)
        say(
            args,
            f"已从 {args.file} 恢复；损坏的文件已改名保留为 {aside}",
            f"Restored from {args.file}; the damaged file was kept as {aside}",
        )
        return 0
    with store:
        safety = store.restore(args.file)
    say(
        args,
        f"已从 {args.file} 恢复；恢复前的数据已备份到 {safety}",
        f"Restored from {args.file}; the previous data is in {safety}",
    )
    return 0
