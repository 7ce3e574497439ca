"""Headquarters' key pinned at an outpost: a bundle's role is written inside it, so any office the outpost trusts
could write `hq`. Letters, policy texts and claim records beyond 申报 are merged only from bundles signed with
the key pinned as headquarters'; firms, contacts, actuals and applications merge from any trusted office."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from qt_app.domain.ledger import steps as s
from qt_app.domain.money import wan
from qt_app.reports.signing import KeyRing, pretty_fingerprint
from qt_app.services import ledger as L
from qt_app.services.bundles import export_bundle, import_bundle
from qt_app.services.firms import Store, open_store
from qt_app.services.offices import set_hq_key, set_office_role
from tests.store.conftest import pin_hq, trust
from tests.store.ledger_fixtures import (
    big_lease_firm,
    issue_letter,
    landed_firm,
    paid_in_tranches,
    recorded_year,
    send,
)


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[tuple[Store, Store, Store]]:
    """Headquarters, and the Milan and Paris outposts. Milan trusts both others' keys; Paris trusts HQ's."""
    hq = open_store(tmp_path / "hq", auto_backup=False)
    milan = open_store(tmp_path / "milan", auto_backup=False)
    paris = open_store(tmp_path / "paris", auto_backup=False)
    for outpost, office in ((milan, "青田县驻米兰联络处"), (paris, "青田县驻巴黎联络处")):
        outpost.set_setting("issuing_office", office)
        set_office_role(outpost, "outpost", "叶海峰")
    trust(hq.folder, milan.folder)
    trust(paris.folder, milan.folder)
    trust(hq.folder, paris.folder)
    yield hq, milan, paris
    for store in (hq, milan, paris):
        store.close()


def _payments(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM ledger_payments").fetchone()[0])


def test_before_hqs_key_is_pinned_an_outpost_merges_firms_and_actuals_but_not_hqs_letters_or_records(
    offices: tuple[Store, Store, Store], tmp_path: Path
) -> None:
    hq, milan, _paris = offices
    firm, other = big_lease_firm(1, grade="C"), landed_firm(2)
    issue_letter(hq, firm)
    pin_hq(milan, hq.folder)
    send(hq, milan, tmp_path / "first.json")  # the letter arrived while HQ's key was pinned…
    set_hq_key(milan, "", "叶海峰")  # …then the pin was cleared (as at an outpost set up before pinning)

    new_letter = issue_letter(hq, other)
    hq.add_contact(firm.id, "2027-04-02", "电话", "李主任", "约定验收时间")
    recorded_year(hq, firm, tmp_path / "scans", revenue="1.2亿")
    rent = paid_in_tranches(hq, firm)  # 审核 → 公示 → 拨付 ×2: headquarters' record
    applied = L.open_claim(hq, L.OpenClaim(firm.id, "revenue", 2026, date(2027, 4, 1))).claim_ids[0]
    path = tmp_path / "hq.json"
    report = send(hq, milan, path)

    assert report.added == [other.id] and report.contacts_added == 1  # firms and contacts: as usual
    assert report.ledger_added == [f"{firm.id}:2026"] and report.claims_added == [applied]  # actuals, 申报
    assert (
        milan.letters.get(new_letter) is None and milan.ledger.claim(rent) is None and _payments(milan) == 0
    )
    fp = KeyRing(hq.folder).fingerprint()
    ((key, zh, en),) = report.rejected
    assert key == pretty_fingerprint(fp)
    assert f"本机尚未指定总部密钥，无法确认签名者 青田县投资促进中心（{pretty_fingerprint(fp)}） 是总部" in zh
    # only what is not here yet: the first letter and its policy text arrived while the key was pinned
    assert "告知函1份、含审核以后环节或付款、追回记录的兑现申请1件未合并" in zh
    assert f"运行 python -m qt_app office hq-key {fp}" in zh and "设置 → 本机角色 → 总部密钥" in zh
    assert "no headquarters key is pinned here" in en and f"run python -m qt_app office hq-key {fp}" in en
    assert "1 letter, 1 claim with steps after the application" in en
    assert any(f"拒收 {pretty_fingerprint(fp)}：数据包自称来自总部" in line for line in report.lines())

    pin_hq(milan, hq.folder)  # checked by phone, pinned: the same bundle brings the rest
    again = import_bundle(milan, path, who="叶海峰")
    assert again.rejected == [] and again.letters_added == [new_letter] and again.claims_added == [rent]
    assert again.claims_unchanged == [applied] and again.ledger_unchanged == [f"{firm.id}:2026"]
    assert _payments(milan) == _payments(hq) == 2
    assert milan.ledger.claim(rent)["state"] == hq.ledger.claim(rent)["state"]  # type: ignore[index]


def test_another_outpost_saying_it_is_hq_is_withheld_though_a_key_is_pinned(
    offices: tuple[Store, Store, Store], tmp_path: Path
) -> None:
    hq, milan, paris = offices
    pin_hq(milan, hq.folder)
    pin_hq(paris, hq.folder)
    firm = big_lease_firm(3, grade="C")
    issue_letter(hq, firm)
    send(hq, milan, tmp_path / "hq-milan.json")
    send(hq, paris, tmp_path / "hq-paris.json")

    recorded_year(paris, firm, tmp_path / "paris-scans", revenue="1.2亿")
    revenue, rent = (
        L.open_claim(paris, L.OpenClaim(firm.id, item, 2026, date(2027, 4, 1), who="叶海峰")).claim_ids[0]
        for item in ("revenue", "rent")
    )
    set_office_role(paris, "hq")  # any office can say it is headquarters: then it issues and pays
    forged = issue_letter(paris, landed_firm(4))
    held = hq.letters.search()[0]["doc_number"]
    assert paris.letters.get(forged)["doc_number"] != held  # type: ignore[index]  # the copy keeps its 文号
    for step in (s.Review(date(2027, 4, 10), "巴黎", True, wan(150)), s.Notice(date(2027, 4, 12)),
                 s.Pay(date(2027, 4, 20), wan(135), "巴黎〔2027〕1号")):  # fmt: skip
        L.advance_claim(paris, L.ClaimStep(revenue, step, "巴黎"))
    path = tmp_path / "paris.json"
    export_bundle(paris, path)
    report = import_bundle(milan, path, who="叶海峰")

    assert report.sender_role == "hq" and "青田县驻巴黎联络处" in report.signed_by
    assert report.added == [landed_firm(4).id]  # the firm record is any office's to send
    assert report.ledger_added == [f"{firm.id}:2026"] and report.claims_added == [rent]  # 申报 merged
    assert milan.letters.get(forged) is None and milan.ledger.claim(revenue) is None and _payments(milan) == 0
    paris_key = pretty_fingerprint(KeyRing(paris.folder).fingerprint())
    hq_key = pretty_fingerprint(KeyRing(hq.folder).fingerprint())
    ((key, zh, en),) = report.rejected
    assert key == paris_key and f"签名密钥 {paris_key} 不是本机指定的总部密钥（{hq_key}）" in zh
    assert "告知函1份" in zh and "兑现申请1件未合并" in zh and "企业、联络记录、实绩和申报照常合并" in zh
    assert f"its key {paris_key} is not the headquarters key pinned here ({hq_key})" in en


def test_an_office_name_in_braces_is_quoted_in_the_refusal_not_read_as_a_template(
    offices: tuple[Store, Store, Store], tmp_path: Path
) -> None:
    hq, milan, _paris = offices
    hq.set_setting("issuing_office", "{what}{0}总部")
    issue_letter(hq, landed_firm(5))
    report = send(hq, milan, tmp_path / "hq.json")
    ((_key, zh, en),) = report.rejected
    assert "签名者 {what}{0}总部（" in zh and "告知函1份" in zh and "the signer {what}{0}总部" in en


def test_pinning_refuses_a_malformed_an_own_or_an_unknown_key_and_keeps_the_pin(
    offices: tuple[Store, Store, Store],
) -> None:
    from qt_app.domain.errors import DomainError

    hq, milan, _paris = offices
    shown = pin_hq(milan, hq.folder)
    own = KeyRing(milan.folder).fingerprint()
    unknown = KeyRing(hq.folder.parent / "rome").fingerprint()
    for typed, zh, en in (
        ("3F2A-9C01", "不是公钥指纹：应为16位十六进制数字", "is not a key fingerprint: 16 hex digits"),
        (own.upper(), "是本机自己的密钥，不能指定为总部密钥", "is this office's own key"),
        (unknown, f"尚未导入指纹为 {pretty_fingerprint(unknown)} 的公钥", "No key with the fingerprint"),
    ):
        with pytest.raises(DomainError) as refused:
            set_hq_key(milan, typed)
        assert zh in refused.value.zh and en in refused.value.en
        assert milan.get_setting("office_hq_key") == shown.replace(" ", "").lower()
    assert set_hq_key(milan, shown.lower().replace(" ", ":")) == shown  # colons, lower case: the same key
