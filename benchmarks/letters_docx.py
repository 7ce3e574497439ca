"""The example letter as a Word document (.docx), for the LibreOffice peer row: same text, same tables.

Written by hand as OOXML (no python-docx): title, addressee, every section's paragraphs, the declared-facts
and kinds tables, the signature and contact, then the annex's schedule table and totals by year.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from benchmarks.core import ROOT

_CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def _run(text: str, font: str = "仿宋", size: int = 32, bold: bool = False) -> str:
    b = "<w:b/>" if bold else ""
    return (
        f'<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{font}"/>{b}'
        f'<w:sz w:val="{size}"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    )


def _p(
    text: str, font: str = "仿宋", size: int = 32, align: str = "both", indent: bool = True, brk: bool = False
) -> str:
    ind = '<w:ind w:firstLineChars="200"/>' if indent else ""
    page = "<w:pageBreakBefore/>" if brk else ""
    return (
        f'<w:p><w:pPr>{page}<w:spacing w:line="580" w:lineRule="exact"/>{ind}<w:jc w:val="{align}"/></w:pPr>'
        f"{_run(text, font, size)}</w:p>"
    )


def _table(rows: list[list[str]], widths: list[int]) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = []
    for row in rows:
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p>{_run(text, size=21)}</w:p></w:tc>'
            for text, w in zip(row, widths, strict=False)
        )
        body.append(f"<w:tr>{cells}</w:tr>")
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:color="555555"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return f"<w:tbl><w:tblPr><w:tblBorders>{borders}</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>"


def _snapshot() -> dict[str, Any]:
    from qt_app.domain.firm_io import load_firm_file
    from qt_app.domain.policy_loader import default_policy
    from qt_app.domain.simulate import simulate
    from qt_app.reports.snapshot import build_snapshot
    from qt_app.reports.texts import load_texts
    from qt_app.services.letters import pick_variant, terms_from_settings

    firm, variants = load_firm_file(ROOT / "resources/examples/xinghe-digital.json")
    policy = default_policy()
    package = simulate(firm, policy)
    return build_snapshot(
        firm=firm, variant=pick_variant(variants, package.variant), package=package, policy=policy,
        terms=terms_from_settings(None), texts=load_texts(), letter_id="l-docx", issue_date=date(2026, 3, 5),
        doc_number="青招〔2026〕7号", draft=False,
    )  # fmt: skip


def write_docx(path: Path) -> Path:
    from qt_app.domain.money_format import figure

    snap = _snapshot()
    terms, pkg = snap["terms"], snap["package"]
    parts = [
        _p(snap["office"], "方正小标宋简体", 60, "center", False),
        _p(snap["doc_number"], align="right", indent=False),
        _p(terms["title"][0], "方正小标宋简体", 44, "center", False),
        _p(f"{snap['firm']['name']}（统一社会信用代码：{snap['firm']['uscc']}）：", indent=False),
        _p(terms["opening"][0]),
        _p("一、政策依据及企业申报情况", "黑体"),
        _table([[r["zh"], r["value_zh"]] for r in snap["declared"]], [2200, 6800]),
        _p("二、测算结果", "黑体"),
        _p(terms["summary"][0]),
        _table([["资金", figure(pkg["cash_total"])], ["合计", figure(pkg["total"])]], [3000, 6000]),
        _p("三、享受条件及资金追回", "黑体"),
        *[_p(f"（{i}）{pair[0]}") for i, pair in enumerate([*terms["conditions"], *terms["clawback"]], 1)],
        _p("四、有关说明", "黑体"),
        *[_p(f"（{i}）{pair[0]}") for i, pair in enumerate([*terms["notes"], terms["seal_statement"]], 1)],
        _p(terms["closing"][0]),
        _p(f"附件：{terms['attachment_title'][0]}"),
        _p(snap["office"], align="right", indent=False),
        _p("2026年3月5日", align="right", indent=False),
        _p("附件1", "黑体", indent=False, brk=True),
        _p(terms["attachment_title"][0], "方正小标宋简体", 44, "center", False),
        _table(
            [["序号", "条款", "扶持项目", "测算依据", "年度", "金额（元）"]]
            + [
                [
                    str(i),
                    ln["clause"],
                    ln["name_zh"],
                    ln["explanation_zh"],
                    str(ln["year"]),
                    figure(int(ln["amount"])),
                ]
                for i, ln in enumerate(pkg["lines"], 1)
            ],
            [500, 900, 1500, 3900, 700, 1500],
        ),
    ]
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + "".join(parts)
        + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992"/>'
        "</w:sectPr></w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
    return path
