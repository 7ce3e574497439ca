"""Pinyin for search: the quick character-by-character reading gives exactly pypinyin's answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin

from qt_app.store.search_text import pinyin_forms, pinyin_text, sort_key_text


def pypinyin_forms(text: str) -> tuple[str, str]:
    """The reference: pypinyin's own segmentation, with non-Chinese runs kept whole."""
    parts = [
        (p.lstrip("\0"), p.startswith("\0"))
        for p in lazy_pinyin(text, style=Style.NORMAL, errors=lambda s: ["\0" + s])  # type: ignore[arg-type,return-value]
    ]
    initials, full = [], []
    for part, kept in parts:
        part = "".join(ch for ch in part if ch.isalnum()).lower()
        if part:
            full.append(part)
            initials.append(part if kept else part[0])
    return "".join(initials), "".join(full)


def test_phrases_that_read_differently_are_read_as_phrases() -> None:
    assert pinyin_forms("中国银行青田") == ("zgyhqt", "zhongguoyinhangqingtian")
    assert pinyin_forms("重庆长安汽车") == ("cqcaqc", "chongqingchanganqiche")
    assert pinyin_forms("音乐") == ("yy", "yinyue")


def test_u_umlaut_is_written_v_as_pinyin_input_methods_type_it() -> None:
    assert pinyin_forms("绿色旅游") == ("lsly", "lvselvyou")


def test_latin_and_digits_stay_whole() -> None:
    assert pinyin_forms("AR眼镜3号") == ("ARyj3h".lower(), "aryanjing3hao")
    assert (
        pinyin_text("青田元宇宙科技有限公司", "王建国")
        == "qtyyzkjyxgs qingtianyuanyuzhoukejiyouxiangongsi wjg wangjianguo"
    )
    assert sort_key_text("Zeta") == "zeta"


COMMON = (
    "青田元宇宙数字科技有限公司重庆银行长安音乐绿色旅游女士华侨中国浙江丽水杭州温州行业发展乐清都市单于朝阳"
)
TEXT = st.text(alphabet=st.sampled_from(COMMON + "ARVR3D-（）· "), min_size=1, max_size=14)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_the_quick_reading_equals_pypinyins(text: str) -> None:
    pinyin_forms.cache_clear()
    assert pinyin_forms(text) == pypinyin_forms(text)
