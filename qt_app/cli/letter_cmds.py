"""Letter commands: `letter` (a draft PDF from a firm file), `verify` (a PDF or QR text), `keys`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qt_app import paths
from qt_app.cli.common import data_dir_option
from qt_app.domain.errors import DomainError
from qt_app.domain.firm_io import load_firm_file
from qt_app.domain.simulate import simulate
from qt_app.domain.variants import apply_to_firm
from qt_app.reports.signing import KeyRing, pretty_fingerprint
from qt_app.reports.verify import Verdict
from qt_app.services import letters
from qt_app.services.offers import offer_refusal
from qt_app.services.packages import find_variant, resolve_policy


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("letter", help="生成告知函草稿PDF / write a draft offer letter PDF")
    p.add_argument("firm", type=Path, help="firm JSON file")
    p.add_argument("--variant", default=None, help="variant name from the firm file (default: base)")
    p.add_argument(
        "--lang",
        dest="letter_lang",
        choices=("zh", "zh+en"),
        default="zh",
        help="letter language (default zh)",
    )
    p.add_argument("--policy", type=Path, default=None, help="policy file (default: the bundled one)")
    p.add_argument("-o", "--output", type=Path, required=True, help="where to write the PDF")
    p.set_defaults(handler=cmd_letter)

    v = sub.add_parser(
        "verify",
        help="核验告知函 / verify an offer letter",
        description="Exit codes: 0 pass, 1 failed (altered, invalid, voided), 2 not a letter / bad input, "
        "3 content matches but the file was re-saved by another program, 4 a draft, 5 key not imported.",
    )
    v.add_argument("file", type=Path, nargs="?", help="the letter PDF")
    v.add_argument(
        "--qr-text",
        default=None,
        help="the text read from the letter's QR code (alone: check the code; with a file: the code on "
        "the paper, for a copy that lost its metadata)",
    )
    data_dir_option(v)
    v.set_defaults(handler=cmd_verify)

    k = sub.add_parser("keys", help="签名密钥 / signing keys")
    k_sub = k.add_subparsers(dest="keys_command", metavar="ACTION")
    show = k_sub.add_parser("show", help="本机公钥指纹 / this installation's key fingerprint")
    data_dir_option(show)
    show.set_defaults(handler=cmd_keys_show)
    imp = k_sub.add_parser("import", help="导入其他单位的公钥 / trust another office's public key")
    imp.add_argument("file", type=Path)
    imp.add_argument("--label", default="", help="a short name for the office (used in the file name)")
    data_dir_option(imp)
    imp.set_defaults(handler=cmd_keys_import)


def cmd_letter(args: argparse.Namespace) -> int:
    firm, variants = load_firm_file(args.firm)
    policy = resolve_policy(args.policy)
    variant = find_variant(variants, args.variant)
    refusal = offer_refusal(variant, [policy])  # a letter offers only the policy in force
    if refusal is not None:
        raise refusal
    package = simulate(firm, policy, variant)
    keyring = KeyRing(args.data_dir)
    settings = _settings(args.data_dir)
    pdf = letters.render_letter(
        apply_to_firm(firm, variant),
        variant,
        package,
        policy,
        settings,
        args.letter_lang,
        True,
        keyring=keyring,
    )
    try:
        args.output.write_bytes(pdf)
    except OSError as e:
        raise DomainError(
            f"无法写入 {args.output}：{e.strerror}", f"Cannot write {args.output}: {e.strerror}"
        ) from e
    en = args.lang == "en"
    if letters.letter_kind(package) == "notice":
        reasons = "；".join(package.exclusions_zh) or "按申报情况没有可享受的扶持项目"
        reasons_en = "; ".join(package.exclusions_en) or "nothing would be paid on the declared plan"
        print(
            f"Not supported ({reasons_en}): a notice of no support was drafted instead of an offer"
            if en
            else f"该企业不予支持（{reasons}）：已生成不予支持告知函草稿，而不是报价"
        )
    for ch, where in letters.unprintable_chars(firm, variant, package, policy, args.letter_lang):
        zh_where, en_where = where.split(" / ")
        print(
            f"Warning: U+{ord(ch):04X} in the {en_where} has no glyph in the letter's fonts; it cannot be issued so"
            if en
            else f"注意：{zh_where}中的字符 U+{ord(ch):04X} 没有可用的公文字体，这样无法出具"
        )
    print(f"{'Draft letter written' if en else '已生成告知函草稿'}: {args.output}")
    return 0


def _settings(data_dir: str | None) -> dict[str, str] | None:
    """The office's letter settings when this installation has a database (read-only), else defaults."""
    store = _open_register(data_dir)
    if store is None:
        return None
    try:
        return {key: store.get_setting(key) or "" for key in letters.SETTING_KEYS}
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()


def _open_register(data_dir: str | None) -> letters.LetterStore | None:
    """The local register if this installation has one (read-only; a missing database is not created)."""
    from qt_app.store.db import DB_NAME

    if not (paths.data_dir(data_dir) / DB_NAME).exists():
        return None
    from qt_app.services.firms import open_store

    return open_store(data_dir, read_only=True, auto_backup=False)


def cmd_verify(args: argparse.Namespace) -> int:
    if args.file is None and args.qr_text is None:
        raise DomainError("请给出 PDF 文件或 --qr-text", "Give a PDF file or --qr-text")
    keyring = KeyRing(args.data_dir)
    store = _open_register(args.data_dir)
    try:
        verdict: Verdict
        if args.file is None:
            verdict = letters.verify_qr_text(args.qr_text, store, keyring)
        else:
            if not args.file.is_file():
                raise DomainError(f"找不到文件：{args.file}", f"No such file: {args.file}")
            verdict = letters.verify_pdf(args.file, store, keyring, qr_text=args.qr_text)
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()
    for line in verdict.lines(args.lang):
        print(line)
    return verdict.exit_code


def cmd_keys_show(args: argparse.Namespace) -> int:
    keyring = KeyRing(args.data_dir)
    en = args.lang == "en"
    print(f"{'Fingerprint' if en else '公钥指纹'}: {pretty_fingerprint(keyring.fingerprint())}")
    print(
        f"{'Public key file (give this to other offices)' if en else '公钥文件（提供给其他单位导入）'}: {keyring.public_key_path()}"
    )
    trusted = keyring.trusted()
    if trusted:
        labels = keyring.labels()
        print("Imported keys:" if en else "已导入的公钥：")
        for fp in sorted(trusted):
            label = f"  {labels[fp]}" if labels.get(fp) else ""
            print(f"  {pretty_fingerprint(fp)}{label}")
    return 0


def cmd_keys_import(args: argparse.Namespace) -> int:
    keyring = KeyRing(args.data_dir)
    fp = keyring.import_key(args.file, args.label)
    en = args.lang == "en"
    print(f"{'Imported key' if en else '已导入公钥'}: {pretty_fingerprint(fp)}", file=sys.stdout)
    return 0
