"""Bundle and office commands: `bundle export|import|conflicts|resolve`, `office role`.

Outposts and headquarters exchange signed bundles (firms, contacts, and the 兑现 ledger: letters from
headquarters, actuals with their scans both ways, applications from outposts, headquarters' claims back).
What a bundle could not merge by itself is listed by `bundle conflicts` and settled with `bundle resolve`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from qt_app.domain.offices import ROLES, role_label
from qt_app.services import bundle_conflicts, bundles, offices
from qt_app.services.firms import Store, open_store


def _data_dir(p: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps a --data-dir given before the command name.
    p.add_argument(
        "--data-dir", default=argparse.SUPPRESS, help="data folder (default: $OFFER_DESK_DATA_DIR)"
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    bundle = sub.add_parser(
        "bundle", help="数据包 / move firms and the ledger between outposts and headquarters"
    )
    bsub = bundle.add_subparsers(dest="bundle_command", metavar="ACTION")
    bexp = bsub.add_parser("export", help="导出数据包 / write a signed bundle")
    bexp.add_argument("file", type=Path)
    _data_dir(bexp)
    bexp.set_defaults(handler=cmd_export)
    bimp = bsub.add_parser(
        "import", help="导入数据包 / merge a bundle (conflicts are listed, not overwritten)"
    )
    bimp.add_argument("file", type=Path)
    bimp.add_argument("--who", default="", help="name recorded in the audit log")
    _data_dir(bimp)
    bimp.set_defaults(handler=cmd_import)
    bcon = bsub.add_parser(
        "conflicts", help="待处理的冲突 / list firm and actuals conflicts and what differs"
    )
    bcon.add_argument("--format", choices=("table", "json"), default="table")
    _data_dir(bcon)
    bcon.set_defaults(handler=cmd_conflicts)
    bres = bsub.add_parser("resolve", help="处理冲突 / keep the local or the remote version")
    bres.add_argument("firm", help="firm id, credit code or name")
    bres.add_argument("--keep", choices=bundle_conflicts.KEEP, required=True, help="which version to keep")
    bres.add_argument("--year", type=int, default=None, help="the year of actuals (without: the firm record)")
    bres.add_argument("--who", default="", help="name recorded in the audit log")
    _data_dir(bres)
    bres.set_defaults(handler=cmd_resolve)

    office = sub.add_parser("office", help="本机设置 / this office's settings")
    osub = office.add_subparsers(dest="office_command", metavar="ACTION")
    role = osub.add_parser("role", help="本机角色 / show or set: hq (headquarters) or outpost")
    role.add_argument("role", nargs="?", choices=ROLES, default=None)
    role.add_argument("--who", default="", help="name recorded in the audit log")
    _data_dir(role)
    role.set_defaults(handler=cmd_role)


def _say(args: argparse.Namespace, zh: str, en: str) -> None:
    print(en if args.lang == "en" else zh)


def _writer(args: argparse.Namespace) -> Store:
    return open_store(args.data_dir, require_write=True)


def _reader(args: argparse.Namespace) -> Store:
    return open_store(args.data_dir, auto_backup=False)


def cmd_export(args: argparse.Namespace) -> int:
    with _reader(args) as store:
        counts = bundles.write_bundle(store, args.file)
        zh, en = bundles.export_words(counts, args.file, offices.office_role(store))
    _say(args, zh, en)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with _writer(args) as store:
        report = bundles.import_bundle(store, args.file, who=args.who)
    if report.signed_by:
        _say(args, f"签名核验通过：{report.signed_by}", f"Signature verified: {report.signed_by}")
    for line in report.lines(args.lang):
        print(line, file=sys.stderr)
    print(report.summary(args.lang))
    return 0


def _when(stamp: str) -> str:
    return stamp[:16].replace("T", " ") + " UTC" if stamp else "?"


def cmd_conflicts(args: argparse.Namespace) -> int:
    with _reader(args) as store:
        items = bundle_conflicts.list_conflicts(store)
    en = args.lang == "en"
    if args.format == "json":
        rows = [
            {
                "kind": c.kind, "firm_id": c.firm_id, "name": c.name, "year": c.year, "local_at": c.local_at,
                "remote_at": c.remote_at, "local_by": c.local_by, "remote_by": c.remote_by,
                "differs": list(c.differs), "source": c.source, "resolve": c.hint,
            }
            for c in items
        ]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for c in items:
        by_local = f" ({c.local_by})" if c.local_by else ""
        by_remote = f" ({c.remote_by})" if c.remote_by else ""
        if en:
            print(f"{c.what('en')} of {c.name} ({c.firm_id})")
            print(f"  here: {_when(c.local_at)}{by_local}; other side: {_when(c.remote_at)}{by_remote}")
            print(f"  differs: {c.differs_words('en')}")
            print(f"  settle: {c.hint}")
        else:
            print(f"{c.name}（{c.firm_id}）{c.what()}")
            print(f"  本机：{_when(c.local_at)}{by_local}；对方：{_when(c.remote_at)}{by_remote}")
            print(f"  不同之处：{c.differs_words()}")
            print(f"  处理：{c.hint}")
    _say(args, f"待处理的冲突：{len(items)}", f"Conflicts waiting: {len(items)}")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    with _writer(args) as store:
        done = bundle_conflicts.resolve(store, args.firm, args.keep, args.year, args.who)
    print(done.summary(args.lang))
    return 0


def cmd_role(args: argparse.Namespace) -> int:
    if args.role is None:
        with _reader(args) as store:
            role = offices.office_role(store)
        _say(
            args, f"本机角色：{role}（{role_label(role)}）", f"This office: {role} ({role_label(role, 'en')})"
        )
        return 0
    with _writer(args) as store:
        zh, en = offices.set_office_role(store, args.role, args.who)
    _say(args, f"本机角色已设为：{args.role}（{zh}）", f"This office is now: {args.role} ({en})")
    return 0
