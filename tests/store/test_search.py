"""Search as you type: Chinese substrings (trigram), short queries (LIKE), pinyin initials, filters, sorting."""

from __future__ import annotations

import pytest

from qt_app.domain.firm import Stage
from qt_app.services.firms import FirmFilter, Store
from tests.store.conftest import make_firm


@pytest.fixture
def filled(store: Store) -> Store:
    store.save_firm(
        make_firm(1, "青田星河数字科技有限公司", contact="张伟", domains=("人工智能",), outpost="米兰")
    )
    store.save_firm(
        make_firm(
            2, "丽水远方影视动漫有限公司", notes="米兰侨商介绍", domains=("影视动漫",), stage=Stage.SIGNED
        )
    )
    store.save_firm(
        make_firm(3, "温州瓯江区块链技术有限公司", contact="李娜", domains=("区块链", "人工智能"), owner="陈")
    )
    return store


def _ids(rows: list) -> list[str]:  # type: ignore[type-arg]
    return sorted(r.id[-1] for r in rows)


def test_chinese_substring_in_the_middle_of_a_name(filled: Store) -> None:
    assert _ids(filled.list_firms("数字科技")) == ["1"]
    assert _ids(filled.list_firms("有限公司")) == ["1", "2", "3"]
    assert filled.count_firms("影视动漫") == 1


def test_two_characters_fall_back_to_like(filled: Store) -> None:
    assert _ids(filled.list_firms("星河")) == ["1"]
    assert _ids(filled.list_firms("米兰")) == ["2"]  # in the notes; outpost is a filter, not text
    assert _ids(filled.list_firms("李")) == ["3"]
    assert filled.list_firms("%") == []  # LIKE wildcards are taken literally


def test_pinyin_initials_and_full_pinyin(filled: Store) -> None:
    assert _ids(filled.list_firms("qtxh")) == ["1"]
    assert _ids(filled.list_firms("QTXH")) == ["1"]
    assert _ids(filled.list_firms("lsyf")) == ["2"]
    assert _ids(filled.list_firms("wenzhou")) == ["3"]
    assert _ids(filled.list_firms("zw")) == ["1"]  # contact 张伟


def test_credit_code_fragments(filled: Store) -> None:
    code = make_firm(2).uscc
    assert _ids(filled.list_firms(code[-6:])) == ["2"]
    assert _ids(filled.list_firms(code[-6:].lower())) == ["2"]


def test_several_words_must_all_match(filled: Store) -> None:
    assert _ids(filled.list_firms("有限公司 星河")) == ["1"]
    assert _ids(filled.list_firms("有限公司 qtxh")) == ["1"]


def test_filters_by_stage_domain_outpost_owner(filled: Store) -> None:
    assert _ids(filled.list_firms(filters=FirmFilter(stages=("signed",)))) == ["2"]
    assert _ids(filled.list_firms(filters=FirmFilter(domain="人工智能"))) == ["1", "3"]
    assert _ids(filled.list_firms(filters=FirmFilter(outpost="米兰"))) == ["1"]
    assert _ids(filled.list_firms("有限公司", FirmFilter(owner="陈"))) == ["3"]
    assert filled.count_firms(filters=FirmFilter(domain="人工智能")) == 2


def test_sorting_by_name_follows_pinyin_and_paging_works(filled: Store) -> None:
    names = [r.name[:2] for r in filled.list_firms(sort="name", descending=False)]
    assert names == ["丽水", "青田", "温州"]  # li < qing < wen
    stages = [r.stage for r in filled.list_firms(sort="stage", descending=True)]
    assert stages[0] == "signed"
    page = filled.list_firms(sort="name", descending=False, offset=1, limit=1)
    assert [r.name[:2] for r in page] == ["青田"]


def test_edited_and_deleted_firms_leave_the_index(filled: Store) -> None:
    firm = filled.get_firm(make_firm(1).id)[0]
    filled.save_firm(firm.with_changes(name="青田银河数字科技有限公司"))
    assert filled.list_firms("星河数") == [] and _ids(filled.list_firms("银河数")) == ["1"]
    filled.delete_firm(firm.id)
    assert filled.list_firms("银河数") == []


def test_short_queries_see_every_change_at_once(filled: Store) -> None:
    assert filled.count_firms("星河") == 1
    filled.save_firm(make_firm(4, "上海星河影视有限公司"))
    assert filled.count_firms("星河") == 2 and len(filled.list_firms("星河")) == 2
    filled.delete_firm(make_firm(4).id)
    assert filled.count_firms("星河") == 1
    filled.restore_firm(make_firm(4).id)
    assert _ids(filled.list_firms("星河")) == ["1", "4"] and filled.count_firms("上海星河") == 1


def test_counts_agree_with_filters_and_without(filled: Store) -> None:
    for query in ("", "有限公司", "青", "qt", "有限公司 人", "zzz"):
        total = filled.count_firms(query)
        assert total == len(filled.list_firms(query)), query
        assert filled.count_firms(query, FirmFilter(domain="人工智能")) == len(
            filled.list_firms(query, FirmFilter(domain="人工智能"))
        )


def test_initials_match_words_in_order_with_other_words_between(store: Store) -> None:
    store.save_firm(make_firm(5, "青田芝溪算法科技有限公司"))
    store.save_firm(make_firm(6, "科技青田数据有限公司"))  # the same words, the other way round
    store.save_firm(make_firm(7, "丽水算法研究院"))
    assert _ids(store.list_firms("qtkj")) == ["5"]  # 青田 … 科技, with 芝溪算法 between
    assert store.count_firms("qtkj") == 1
    assert _ids(store.list_firms("qtsf")) == ["5"]
    assert _ids(store.list_firms("kjqt")) == ["6"]  # order matters: 科技 before 青田
    assert _ids(store.list_firms("qtzxsf")) == ["5"]  # consecutive words still match
    assert _ids(store.list_firms("qtk")) == ["5"]  # while typing: 青田 then a word starting with k
    assert store.list_firms("qkj") == []  # single letters scattered are not words
    assert _ids(store.list_firms("sfyjy")) == ["7"]
    assert _ids(store.list_firms("有限公司 qtkj")) == ["5"]


@pytest.mark.parametrize("term", ["qtkj", "sfkj", "lsyf"])
def test_initials_in_order_agree_between_count_and_list(filled: Store, term: str) -> None:
    filled.save_firm(make_firm(5, "青田芝溪算法科技有限公司"))
    assert filled.count_firms(term) == len(filled.list_firms(term))
