"""Bundle and office commands: `bundle export|import|conflicts|resolve`, `office role|hq-key`.

Outposts and headquarters exchange signed bundles (firms, contacts, and the 兑现 ledger: letters from
headquarters, actuals with their scans both ways, applications from outposts, headquarters' claims back).
What a bundle could not merge by itself is listed by `bundle conflicts` and settled with `bundle resolve`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from qt_app.cli.common import data_dir_option as _data_dir
from qt_app.cli.common import reader, say, writer
from qt_app.domain.errors import DomainError
from qt_app.domain.offices import ROLES, role_label
from qt_app.reports.signing import pretty_fingerprint
from qt_app.services import bundle_conflicts, bundles, offices


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
    hq_key = osub.add_parser(
        "hq-key", help="总部密钥 / show or pin the key headquarters signs its bundles with (at an outpost)"
    )
    hq_key.add_argument("fingerprint", nargs="*", help="the key's fingerprint, as keys show prints it")
    hq_key.add_argument("--clear", action="store_true", help="unpin it")
    hq_key.add_argument("--who", default="", help="name recorded in the audit log")
    _data_dir(hq_key)
    hq_key.set_defaults(handler=cmd_hq_key)


def cmd_export(args: argparse.Namespace) -> int:
    with reader(args) as store:
        counts = bundles.write_bundle(store, args.file)
        zh, en = bundles.export_words(counts, args.file, offices.office_role(store))
    say(args, zh, en)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with writer(args) as store:
        report = bundles.import_bundle(store, args.file, who=args.who)
    if report.signed_by:
        say(args, f"签名核验通过：{report.signed_by}", f"Signature verified: {report.signed_by}")
    for line in report.lines(args.lang):
        print(line, file=sys.stderr)
    print(report.summary(args.lang))
    return 0


def _when(stamp: str) -> str:
    return stamp[:16].replace("T", " ") + " UTC" if stamp else "?"


def cmd_conflicts(args: argparse.Namespace) -> int:
    with reader(args) as store:
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
    say(args, f"待处理的冲突：{len(items)}", f"Conflicts waiting: {len(items)}")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    with writer(args) as store:
        done = bundle_conflicts.resolve(store, args.firm, args.keep, args.year, args.who)
    print(done.summary(args.lang))
    return 0


def cmd_role(args: argparse.Namespace) -> int:
    if args.role is None:
        with reader(args) as store:
            role = offices.office_role(store)
        say(
            args, f"本机角色：{role}（{role_label(role)}）", f"This office: {role} ({role_label(role, 'en')})"
        )
        return 0
    with writer(args) as store:
        zh, en = offices.set_office_role(store, args.role, args.who)
        unpinned = args.role == "outpost" and not offices.hq_key(store)
    say(args, f"本机角色已设为：{args.role}（{zh}）", f"This office is now: {args.role} ({en})")
    if unpinned:
        say(
            args,
            "请指定总部密钥（python -m qt_app office hq-key 指纹）：未指定前，总部的告知函和兑现记录不会合并",
            "Pin headquarters' key (python -m qt_app office hq-key FINGERPRINT): until then headquarters' letters "
            "and claim records are not merged",
        )
    return 0


def cmd_hq_key(args: argparse.Namespace) -> int:
    """Pin headquarters' key (one of the keys imported), clear it, or say which it is."""
    typed = " ".join(args.fingerprint)
    if typed or args.clear:
        if typed and args.clear:
            raise DomainError("指定指纹与 --clear 只能选一个", "Give a fingerprint or --clear, not both")
        with writer(args) as store:
            shown = offices.set_hq_key(store, "" if args.clear else typed, args.who)
            role = offices.office_role(store)
        if shown:
            say(
                args,
                f"总部密钥已指定：{shown}。告知函、政策文本和审核以后的兑现记录只接收该密钥签名的数据包",
                f"Headquarters' key is now {shown}: letters, policy texts and claim records after the application "
                "are taken only from bundles signed with it",
            )
        else:
            say(args, "已取消指定总部密钥", "Headquarters' key is no longer pinned")
        if shown and role == "hq":
            say(
                args,
                "本机目前为总部：本机设为联络处（office role outpost）后该密钥生效",
                "This office is headquarters for now: the key applies once it is an outpost (office role outpost)",
            )
        return 0
    with reader(args) as store:
        pinned, role = offices.hq_key(store), offices.office_role(store)
    if pinned:
        say(
            args,
            f"总部密钥：{pretty_fingerprint(pinned)}",
            f"Headquarters' key: {pretty_fingerprint(pinned)}",
        )
        return 0
    say(
        args,
        "尚未指定总部密钥"
        + ("（本机为总部，无需指定）" if role == "hq" else "：联络处只接收总部密钥签名的告知函和兑现记录")
        + "。指定：python -m qt_app office hq-key 指纹（python -m qt_app keys show 列出已导入的公钥）",
        "No headquarters key is pinned"
        + (" (this office is headquarters: none is needed)" if role == "hq" else
           ": an outpost takes letters and claim records only from bundles signed with it")
        + ". Pin it: python -m qt_app office hq-key FINGERPRINT (python -m qt_app keys show lists the keys imported)",
    )  # fmt: skip
    return 0
