"""Bundles from outside: only a trusted office's signed, well-formed bundle is merged, and nothing in it can
overwrite a local change without a conflict being listed."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from qt_app.cli import main
from qt_app.domain.errors import ValidationError
from qt_app.reports.signing import KeyRing, pretty_fingerprint
from qt_app.services.bundles import BundleRefused, export_bundle, import_bundle
from qt_app.services.firms import Store, open_store
from qt_app.store.bundle_format import signed_bytes
from tests.store.conftest import make_firm, trust


@pytest.fixture
def two(tmp_path: Path) -> tuple[Store, Store]:
    outpost = open_store(tmp_path / "milan", auto_backup=False)
    hq = open_store(tmp_path / "hq", auto_backup=False)
    outpost.set_setting("issuing_office", "青田县驻米兰招商联络处")
    yield outpost, hq
    outpost.close()
    hq.close()


def _exported(store: Store, path: Path) -> dict[str, Any]:
    export_bundle(store, path)
    return json.loads(path.read_text(encoding="utf-8"))


def _resign(envelope: dict[str, Any], signer: Path, path: Path) -> Path:
    """Write an envelope whose body was changed, signed again by `signer` (a sender with a bug, say)."""
    sig = KeyRing(signer).private_key().sign(signed_bytes(envelope["body"]))
    envelope["signature"]["value"] = base64.urlsafe_b64encode(sig).rstrip(b"=").decode()
    path.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_bundle_altered_after_export_is_refused(two: tuple[Store, Store], tmp_path: Path) -> None:
    outpost, hq = two
    trust(outpost.folder, hq.folder)
    outpost.save_firm(make_firm(1, investment=30_000_000_00))
    path = tmp_path / "milan.json"
    envelope = _exported(outpost, path)
    envelope["body"]["sections"]["firms"][0]["data"]["investment"] = "300000000.00"  # 3000万 → 3亿
    path.write_text(json.dumps(envelope, ensure_ascii=False, indent=1), encoding="utf-8")
    with pytest.raises(BundleRefused) as err:
        import_bundle(hq, path)
    assert err.value.reason == "tampered" and "被改动过" in err.value.zh and "altered" in err.value.en
    assert "青田县驻米兰招商联络处" in err.value.zh
    assert hq.count_firms() == 0


def test_re_indenting_a_bundle_keeps_its_signature(two: tuple[Store, Store], tmp_path: Path) -> None:
    outpost, hq = two
    trust(outpost.folder, hq.folder)
    outpost.save_firm(make_firm(1))
    path = tmp_path / "milan.json"
    envelope = _exported(outpost, path)
    path.write_text(
        json.dumps(envelope, ensure_ascii=True, indent=4), encoding="utf-8"
    )  # an editor reformatted it
    report = import_bundle(hq, path)
    assert report.added == [make_firm(1).id] and "青田县驻米兰招商联络处" in report.signed_by


def test_an_unsigned_bundle_is_refused(two: tuple[Store, Store], tmp_path: Path) -> None:
    outpost, hq = two
    outpost.save_firm(make_firm(1))
    path = tmp_path / "old.json"
    envelope = _exported(outpost, path)
    old = {"format": "offer-desk-bundle", "version": 2, "origin": "s-x", "exported_at": "2026-01-01",
           "firms": envelope["body"]["sections"]["firms"], "contacts": []}  # fmt: skip
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(BundleRefused) as err:
        import_bundle(hq, path)
    assert err.value.reason == "unsigned" and "没有签名" in err.value.zh and "not signed" in err.value.en
    del envelope["signature"]
    path.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(BundleRefused) as err:
        import_bundle(hq, path)
    assert err.value.reason == "unsigned" and hq.count_firms() == 0


def test_an_unknown_key_is_refused_with_how_to_trust_that_office(
    two: tuple[Store, Store], tmp_path: Path
) -> None:
    outpost, hq = two
    outpost.save_firm(make_firm(1))
    path = tmp_path / "milan.json"
    export_bundle(outpost, path)
    with pytest.raises(BundleRefused) as err:
        import_bundle(hq, path)
    shown = pretty_fingerprint(KeyRing(outpost.folder).fingerprint())
    assert err.value.reason == "unknown_key" and shown in err.value.zh and shown in err.value.en
    assert "python -m qt_app keys import" in err.value.zh and "python -m qt_app keys import" in err.value.en
    assert "青田县驻米兰招商联络处" in err.value.zh and hq.count_firms() == 0
    trust(outpost.folder, hq.folder)
    assert import_bundle(hq, path).added == [make_firm(1).id]


def test_an_entry_whose_ids_disagree_never_overwrites_a_local_firm(
    two: tuple[Store, Store], tmp_path: Path
) -> None:
    outpost, hq = two
    trust(outpost.folder, hq.folder)
    hq.save_firm(make_firm(1, notes="总部的本地修改"))
    outpost.save_firm(make_firm(2, notes="米兰的数据"))
    path = tmp_path / "milan.json"
    envelope = _exported(outpost, path)
    entry = envelope["body"]["sections"]["firms"][0]
    entry["data"]["id"] = make_firm(1).id  # looked up as firm 2, written as firm 1
    entry["data"]["uscc"] = make_firm(1).uscc
    report = import_bundle(hq, _resign(envelope, outpost.folder, path))
    assert report.added == [] and report.updated == []
    assert [r[0] for r in report.rejected] == [make_firm(2).id] and "不一致" in report.rejected[0][1]
    assert hq.get_firm(make_firm(1).id)[0].notes == "总部的本地修改" and hq.count_firms() == 1


MALFORMED = {
    "version null": lambda e: e.__setitem__("version", None),
    "version text": lambda e: e.__setitem__("version", "3"),
    "firms not a list": lambda e: e["body"]["sections"].__setitem__("firms", {"f-1": {}}),
    "sections not an object": lambda e: e["body"].__setitem__("sections", []),
    "contact without id": lambda e: e["body"]["sections"]["contacts"][0].pop("id"),
    "entry not an object": lambda e: e["body"]["sections"]["firms"].append("f-1"),
    "data not an object": lambda e: e["body"]["sections"]["firms"][0].__setitem__("data", ["x"]),
    "firm without id": lambda e: e["body"]["sections"]["firms"][0].pop("id"),
    "duplicate ids": lambda e: e["body"]["sections"]["firms"].append(e["body"]["sections"]["firms"][0]),
    "unknown column in a contact": lambda e: e["body"]["sections"]["contacts"][0].__setitem__("rowid", 1),
    "history not a list": lambda e: e["body"]["sections"]["firms"][0].__setitem__("history", "abc"),
    "deep nesting": lambda e: e["body"]["sections"]["firms"][0]["data"].__setitem__("notes", json.loads("[" * 60 + "]" * 60)),
}  # fmt: skip


@pytest.mark.parametrize("shape", sorted(MALFORMED))
def test_malformed_bundles_get_a_message_not_a_traceback(
    two: tuple[Store, Store], tmp_path: Path, capsys: pytest.CaptureFixture[str], shape: str
) -> None:
    outpost, hq = two
    trust(outpost.folder, hq.folder)
    outpost.save_firm(make_firm(1))
    outpost.add_contact(make_firm(1).id, "2026-03-05", "拜访", "叶海峰", "面谈")
    path = tmp_path / "bad.json"
    envelope = _exported(outpost, path)
    MALFORMED[shape](envelope)
    _resign(envelope, outpost.folder, path)  # signed by the trusted sender: the shape itself is refused
    hq_dir = str(hq.folder)
    hq.close()
    code = main(["bundle", "import", str(path), "--data-dir", hq_dir])
    _out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err and err.strip(), (shape, err)
    assert str(path) in err
    again = open_store(hq_dir, auto_backup=False)
    assert again.count_firms() == 0
    again.close()


def test_a_contact_never_moves_to_another_firm(two: tuple[Store, Store], tmp_path: Path) -> None:
    outpost, hq = two
    trust(outpost.folder, hq.folder)
    trust(hq.folder, outpost.folder)
    for n in (1, 2):
        outpost.save_firm(make_firm(n))
    contact = outpost.add_contact(make_firm(1).id, "2026-03-05", "拜访", "叶海峰", "面谈")
    path = tmp_path / "first.json"
    export_bundle(outpost, path)
    import_bundle(hq, path)
    envelope = _exported(outpost, path)
    row = envelope["body"]["sections"]["contacts"][0]
    row.update(firm_id=make_firm(2).id, modified_at="2099-01-01T00:00:00.000000Z", notes="改挂到另一家")
    report = import_bundle(hq, _resign(envelope, outpost.folder, path))
    assert [r[0] for r in report.rejected] == [contact]
    assert [c.notes for c in hq.contacts(make_firm(1).id)] == ["面谈"] and hq.contacts(make_firm(2).id) == []


def test_a_bundle_is_checked_like_a_firm_file(two: tuple[Store, Store], tmp_path: Path) -> None:
    outpost, hq = two
    trust(outpost.folder, hq.folder)
    outpost.save_firm(make_firm(1))
    path = tmp_path / "milan.json"
    envelope = _exported(outpost, path)
    envelope["body"]["sections"]["firms"][0]["hash"] = ["not", "text"]
    envelope["body"]["sections"]["contacts"] = [{"id": "c-1"}]
    with pytest.raises(ValidationError) as err:
        import_bundle(hq, _resign(envelope, outpost.folder, path))
    paths = {p.path for p in err.value.problems}
    assert "sections.firms[0].hash" in paths and "sections.contacts[0].firm_id" in paths
    assert err.value.source == str(path)


def test_a_later_versions_section_is_reported_not_lost(two: tuple[Store, Store], tmp_path: Path) -> None:
    outpost, hq = two
    trust(outpost.folder, hq.folder)
    outpost.save_firm(make_firm(1))
    path = tmp_path / "milan.json"
    envelope = _exported(outpost, path)
    envelope["body"]["sections"]["site_visits"] = [{"id": "v-1"}]
    report = import_bundle(hq, _resign(envelope, outpost.folder, path))
    assert report.added == [make_firm(1).id] and report.skipped_sections == ["site_visits"]
    assert any("site_visits" in line and "升级" in line for line in report.lines("zh"))
