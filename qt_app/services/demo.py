"""Demo data (演示数据): about 30 realistic, synthetic prospective firms, the same every time (seeded).

Names, people and codes are invented; codes are valid 统一社会信用代码 in Qingtian (331121). Plans cross
the 3000万 / 5000万 / 1亿 revenue thresholds over 2026–2030; a trading firm and a headquarters-type firm
show the exclusions; science projects include a county-level one (not matched) and municipal/provincial ones.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from qt_app.domain import uscc
from qt_app.domain.firm import (
    EntityType,
    Firm,
    HousingChoice,
    Loan,
    Location,
    ProjectLevel,
    ScenarioProject,
    ScienceProject,
    Stage,
    TalentGroup,
)
from qt_app.domain.firm_io import firm_to_dict
from qt_app.domain.money import wan
from qt_app.domain.variants import Variant, standard_variants

SEED = 20260301
YEARS = tuple(range(2026, 2031))
SITES = ("huaqiao_hq", "qingchuang", "enclave_hangzhou", "enclave_shanghai")
OWNERS = ("王建国", "陈丽华", "周敏", "叶海峰", "徐晓东", "林静")
OUTPOSTS = ("青田", "杭州", "上海", "深圳", "米兰", "马德里", "巴黎")
LENDERS = ("青田农商银行", "中国银行青田支行", "浙江泰隆商业银行", "工商银行丽水分行")
SURNAMES = "张王李陈刘杨黄周吴徐孙胡朱高林何郭叶"
GIVEN = ("伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "杰", "涛", "明", "超", "霞", "平")

# (name, domains, revenue path in 万元 for 2026–2030, stage)
_FIRMS: tuple[tuple[str, tuple[str, ...], tuple[int, ...], Stage], ...] = (
    (
        "青田星河数字科技有限公司",
        ("人工智能", "数字孪生"),
        (1800, 3200, 5200, 8600, 12000),
        Stage.POLICY_TALKS,
    ),
    ("浙江瓯越元宇宙科技有限公司", ("VR", "AR"), (900, 2100, 3300, 4800, 6100), Stage.NEGOTIATING),
    ("青田侨乡数字虚拟人有限公司", ("数字虚拟人",), (600, 1500, 3100, 5400, 7800), Stage.SIGNED),
    ("丽水远方影视动漫有限公司", ("影视动漫", "文创IP"), (2500, 3400, 4200, 5100, 6000), Stage.LANDED),
    ("青田石语文创科技有限公司", ("文创IP",), (300, 800, 1600, 2600, 3200), Stage.CONTACT),
    ("浙江鹤城区块链技术有限公司", ("区块链",), (1200, 2800, 5100, 7600, 10500), Stage.NEGOTIATING),
    ("青田云端算力科技有限公司", ("云计算", "通信技术"), (4000, 6500, 9800, 13000, 16000), Stage.PRODUCING),
    (
        "欧华智联（青田）信息技术有限公司",
        ("人工智能", "通信技术"),
        (2000, 3100, 4900, 7200, 11000),
        Stage.POLICY_TALKS,
    ),
    ("青田瓯江交互技术有限公司", ("交互技术", "MR"), (500, 1100, 2400, 3600, 5300), Stage.LEAD),
    ("米兰青商数字孪生科技（青田）有限公司", ("数字孪生",), (1500, 2900, 4600, 6800, 9200), Stage.CONTACT),
    ("青田脑语科技有限公司", ("脑机交互",), (200, 600, 1400, 3000, 5500), Stage.LEAD),
    ("浙江青田智行无人驾驶科技有限公司", ("无人驾驶",), (800, 1900, 3600, 6200, 10200), Stage.NEGOTIATING),
    (
        "青田小舟山虚拟机器人有限公司",
        ("虚拟机器人", "人工智能"),
        (400, 1200, 2800, 4400, 5200),
        Stage.CONTACT,
    ),
    (
        "马德里华星元宇宙教育科技（青田）有限公司",
        ("元宇宙教育",),
        (700, 1300, 2200, 3500, 4700),
        Stage.SIGNED,
    ),
    ("青田千峡VR体验科技有限公司", ("VR",), (350, 900, 1700, 2500, 3300), Stage.LANDED),
    ("浙江石门洞AR科技有限公司", ("AR", "文创IP"), (600, 1400, 2900, 3100, 3400), Stage.POLICY_TALKS),
    ("青田数链供应链管理有限公司", ("区块链",), (5000, 6000, 7000, 8000, 9000), Stage.CONTACT),
    ("华侨数字产业控股（青田）有限公司", ("云计算",), (8000, 9500, 11000, 12500, 14000), Stage.NEGOTIATING),
    ("青田光年影视制作有限公司", ("影视动漫",), (1000, 2000, 3000, 4000, 5000), Stage.SIGNED),
    ("浙南元界通信技术有限公司", ("通信技术",), (3000, 4200, 5600, 7100, 9900), Stage.PRODUCING),
    ("青田鱼灯数字文化有限公司", ("文创IP", "数字虚拟人"), (260, 700, 1500, 2300, 3100), Stage.LEAD),
    ("巴黎侨联智能科技（青田）有限公司", ("人工智能",), (900, 2600, 5300, 9100, 10800), Stage.CONTACT),
    ("青田太鹤山MR科技有限公司", ("MR", "交互技术"), (450, 1000, 1900, 2900, 3800), Stage.NEGOTIATING),
    (
        "浙江瓯窑数字孪生工程有限公司",
        ("数字孪生", "云计算"),
        (2200, 3300, 4400, 5500, 6600),
        Stage.TERMINATED,
    ),
    ("青田芝溪算法科技有限公司", ("人工智能", "云计算"), (1300, 3100, 5200, 7000, 10100), Stage.POLICY_TALKS),
    ("丽水山耕元宇宙文旅有限公司", ("VR", "元宇宙教育"), (500, 1100, 2000, 3100, 4200), Stage.LEAD),
    (
        "青田华侨之家数字人科技有限公司",
        ("数字虚拟人", "影视动漫"),
        (800, 1800, 3200, 5100, 6400),
        Stage.SIGNED,
    ),
    (
        "杭州青创未来交互科技（青田）有限公司",
        ("交互技术",),
        (1100, 2300, 3500, 5200, 7300),
        Stage.NEGOTIATING,
    ),
    ("青田海溪通信技术有限公司", ("通信技术", "无人驾驶"), (1700, 2700, 3900, 5300, 6900), Stage.CONTACT),
    ("浙江仁庄脑机智能研究院", ("脑机交互", "人工智能"), (100, 400, 1200, 2600, 4000), Stage.LEAD),
)
TRADING = "青田数链供应链管理有限公司"
HEADQUARTERS = "华侨数字产业控股（青田）有限公司"
RESEARCH_INSTITUTE = "浙江仁庄脑机智能研究院"


if TYPE_CHECKING:
    from qt_app.store.store import Store


def _code(rng: random.Random) -> str:
    body = "MA" + "".join(rng.choice(uscc.ALPHABET[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(7))
    return uscc.make_code("9", "1", uscc.QINGTIAN_REGION, body)


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3578") + "".join(str(rng.randrange(10)) for _ in range(9))


def _firm(i: int, rng: random.Random) -> tuple[Firm, tuple[Variant, ...]]:
    name, domains, path, stage = _FIRMS[i]
    big = path[-1] >= 8000
    move_in = date(2026, 1 + (i * 5) % 12, 1)
    location = Location(
        site=SITES[i % len(SITES)],
        area_m2=Decimal(rng.choice((300, 450, 600, 800, 1200, 1600, 2000))),
        rent_per_m2_day=Decimal(rng.choice(("0.9", "1.2", "1.5", "1.8", "2.4"))),
        move_in=move_in,
    )
    talents = [TalentGroup("C", rng.randint(3, 12), 2026, HousingChoice.ALLOWANCE)]
    if i % 3 == 0:
        talents.append(TalentGroup("B", rng.randint(1, 4), 2027, HousingChoice.APARTMENT))
    if i % 7 == 0:
        talents.append(TalentGroup("A", 1, 2026, HousingChoice.APARTMENT))
    loans: tuple[Loan, ...] = ()
    if i % 4 == 1 or big:
        loans = (
            Loan(
                rng.choice(LENDERS),
                wan(rng.choice((300, 500, 1000, 2000))),
                2026 + i % 2,
                3,
                wan(5) if i % 2 else 0,
            ),
        )
    science: list[ScienceProject] = []
    if i == 0:
        science.append(
            ScienceProject("县级元宇宙应用示范项目", ProjectLevel.COUNTY, wan(30), 2026)
        )  # not matched
    if i in (0, 5, 7, 11, 24):
        science.append(
            ScienceProject("丽水市重点研发计划项目", ProjectLevel.MUNICIPAL, wan(50 + 10 * (i % 3)), 2027)
        )
    if i in (6, 19, 24):
        science.append(ScienceProject("浙江省尖兵领雁研发攻关计划", ProjectLevel.PROVINCIAL, wan(200), 2027))
    scenarios: tuple[ScenarioProject, ...] = ()
    if i % 5 == 2:
        scenarios = (ScenarioProject("青田侨乡数字文旅应用场景", wan(rng.choice((300, 600, 1200))), 2027),)
    contact = f"{_person(rng)} {_phone(rng)}"
    owner, outpost = OWNERS[i % len(OWNERS)], OUTPOSTS[(i * 3) % len(OUTPOSTS)]
    notes = {
        Stage.LEAD: f"{outpost}联络处推荐，待首次接触",
        Stage.CONTACT: "已电话沟通，对租金和人才政策有兴趣",
        Stage.NEGOTIATING: "实地考察过青创大厦，关注算力券和贷款贴息",
        Stage.POLICY_TALKS: "正在商议政策兑现方案，需出具意向书",
        Stage.SIGNED: "已签订入驻协议",
        Stage.LANDED: "已完成工商注册并入驻",
        Stage.PRODUCING: "已投产，按季度申报",
        Stage.TERMINATED: "",
    }[stage]
    firm = Firm(
        id=f"f-{rng.getrandbits(64):016x}",
        name=name,
        uscc=_code(rng),
        is_trading=name == TRADING,
        is_headquarters=name == HEADQUARTERS,
        entity_type=EntityType.RND_INSTITUTION if name == RESEARCH_INSTITUTE else EntityType.ENTERPRISE,
        grade="A" if big else ("B" if path[-1] >= 4000 else "C"),
        domains=domains,
        location=location,
        talents=tuple(talents),
        revenue={y: wan(v) for y, v in zip(YEARS, path, strict=True)},
        compute_spend={2026: wan(rng.choice((50, 80, 120, 200)))}
        if "云计算" in domains or i % 3 == 0
        else {},
        rnd_spend={y: wan(max(50, v // 10)) for y, v in zip(YEARS, path, strict=True)},
        loans=loans,
        science_projects=tuple(science),
        scenario_projects=scenarios,
        investment=wan(rng.choice((500, 1000, 2000, 5000))),
        stage=stage,
        stage_reason="已选择在外省落地" if stage is Stage.TERMINATED else "",
        owner=owner,
        outpost=outpost,
        contact=contact,
        notes=notes,
    )
    variants = standard_variants() if i % 3 == 0 else ()
    return firm, variants


def demo_firms() -> list[tuple[Firm, tuple[Variant, ...]]]:
    """The demo firms with their variants, identical on every call."""
    rng = random.Random(SEED)
    return [_firm(i, rng) for i in range(len(_FIRMS))]


def demo_firm_dicts() -> list[dict[str, Any]]:
    """The demo firms as canonical dicts (what the store saves)."""
    return [firm_to_dict(f, v) for f, v in demo_firms()]


def demo_contacts() -> list[tuple[str, str, str, str, str, str]]:
    """A few contact-log entries (firm id, date, kind, who, notes, next step) for the demo firms."""
    out = []
    for firm, _ in demo_firms()[:8]:
        out.append(
            (firm.id, "2026-02-10", "电话", firm.owner, "初次沟通，介绍元宇宙产业政策", "寄送政策汇编")
        )
        if firm.stage not in (Stage.LEAD, Stage.CONTACT):
            out.append(
                (firm.id, "2026-03-05", "拜访", firm.owner, "实地考察青创大厦和华侨总部大楼", "测算政策方案")
            )
    return out


def load_demo(store: Store, who: str = "demo") -> int:
    """Add the demo firms (演示数据) that are not in the store yet, with a few contact entries."""
    return store.add_missing_firms(demo_firm_dicts(), demo_contacts(), who=who)


def ensure_demo(store: Store) -> int:
    """Load the demo firms when the database holds no firm at all (first start); returns how many."""
    if store.read_only or not store.is_empty():
        return 0
    return load_demo(store)
