"""A realistic demo shop: a customer-service team of about 40 over three years.

The pattern follows the articles in shared/domain: about half the team turns over each
year; exits peak after Spring Festival and the year-end bonus, and around the 618 and
Double 11 sales; many new hires leave within 90 days; pressure, repetitive work, pay and a
missing career path are the common reasons. Deterministic for a given seed and day.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from retention_desktop.domain.catalog import HANDOVER_ITEMS, INVOLUNTARY, INVOLUNTARY_REASONS
from retention_desktop.domain.catalog import VOLUNTARY as VOLUNTARY_TYPE
from retention_desktop.domain.dates import Month

TEAMS = (("售前客服", 0.45), ("售后客服", 0.35), ("投诉处理组", 0.12), ("质检培训组", 0.08))
POSITIONS = {
    "售前客服": ("客服专员", "高级客服", "客服组长"),
    "售后客服": ("客服专员", "高级客服", "客服组长"),
    "投诉处理组": ("投诉专员", "高级客服"),
    "质检培训组": ("质检专员", "培训专员"),
}
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "欣怡 子涵 雨桐 佳怡 梓涵 诗涵 思彤 可馨 一诺 静怡 晓雯 婷婷 丽娜 雅琪 心怡 梦瑶 晨曦 嘉欣 "
    "浩然 子轩 宇航 俊杰 志强 文博 家豪 明轩 天宇 泽宇 博文 建华 海涛 晓东 鹏飞 思远 振宇 一鸣"
).split()

# Monthly exit hazard by calendar month: Spring Festival (no return) and the year-end bonus
# push February and March up; 618 (June) and Double 11 (November) bring pressure.
MONTH_FACTOR = {
    1: 0.6,
    2: 2.2,
    3: 2.0,
    4: 1.0,
    5: 0.9,
    6: 1.5,
    7: 1.3,
    8: 1.0,
    9: 0.9,
    10: 0.9,
    11: 1.5,
    12: 1.2,
}
BASE_HAZARD = 0.025

REASONS_EARLY = {
    "absconded": 4,
    "pressure": 3,
    "repetitive": 3,
    "interest": 3,
    "probation": 3,
    "complaint_stress": 2,
    "training": 2,
    "assessment": 1,
}
REASONS_SPRING = {
    "no_return_after_spring_festival": 5,
    "pay": 4,
    "better_offer": 3,
    "family": 3,
    "promotion": 2,
}
REASONS_PEAK = {"pressure": 4, "long_hours": 4, "complaint_stress": 3, "pay": 1, "culture": 1}
REASONS_SUMMER = {"study": 3, "career_plan": 2, "pay": 2, "promotion": 2, "family": 1}
REASONS_SETTLED = {
    "pay": 4,
    "promotion": 4,
    "career_plan": 2,
    "culture": 2,
    "repetitive": 2,
    "recognition": 2,
    "family": 2,
    "better_offer": 2,
    "health": 1,
    "misconduct": 1,
    "restructuring": 1,
    "training": 1,
}

CONVERSATION = {
    "pay": "同行给的底薪高出 800 左右，绩效拿满也比不上。",
    "better_offer": "朋友介绍去做运营助理，工资和发展都更好。",
    "pressure": "大促期间每天接待量太大，回家还在想差评。",
    "complaint_stress": "连续几天被客户骂，情绪一直缓不过来，希望有人能一起扛。",
    "long_hours": "晚班太多，作息乱了，身体吃不消。",
    "assessment": "考核指标变得太快，培训跟不上考试。",
    "repetitive": "每天回答一样的问题，感觉学不到新东西。",
    "promotion": "做了两年还是专员，看不到升组长的路。",
    "training": "上岗前只培训了两天，很多售后规则是被投诉以后才知道。",
    "culture": "组长说话太冲，有问题不敢问。",
    "recognition": "做得好没人看到，出错马上被通报。",
    "career_plan": "想往电商运营方向发展，这里没有机会。",
    "interest": "发现自己不适合一直打字聊天。",
    "family": "家里需要照顾，回老家了。",
    "study": "准备考研，需要全职复习。",
    "health": "长期对着电脑，颈椎和眼睛不舒服。",
    "no_return_after_spring_festival": "春节回家后决定留在老家工作。",
    "probation": "试用期考核两次没有通过。",
    "misconduct": "多次违规私下承诺客户退款。",
    "absconded": "连续三天未到岗，联系不上。",
    "restructuring": "夜班岗位合并，没有合适的岗位。",
}
KEEP_ANSWERS = {
    "pay": "如果调薪能到行业平均水平会考虑留下。",
    "pressure": "大促时能多排人手、有人帮忙处理难缠的投诉。",
    "promotion": "如果有明确的晋升标准和时间。",
    "training": "系统的培训和带教师傅。",
    "culture": "组长多一些沟通，少一些指责。",
}


@dataclass
class DemoExit:
    last_day: date
    exit_type: str
    reason: str
    further: list[str]
    notice_date: date | None
    regrettable: bool
    eligible_for_rehire: bool
    conversation_notes: str
    handover: list[tuple[str, bool]]
    way: str | None = None  # codes of EXIT_WAYS and DESTINATIONS (demo_departures)
    destination: str | None = None
    keep_tried: bool = False
    keep_offer: str | None = None  # an action type's code


@dataclass
class DemoKept:
    """A notice given and withdrawn: the person stayed."""

    notice_date: date
    last_day: date
    stayed_on: date
    reason: str
    keep_offer: str | None
    notes: str = ""


@dataclass
class DemoSpell:
    start: date
    team: str
    position: str
    exit: DemoExit | None = None
    kept: list[DemoKept] = field(default_factory=list)

    @property
    def end(self) -> date | None:
        return self.exit.last_day if self.exit else None


@dataclass
class DemoPerson:
    employee_no: str
    name: str
    phone: str
    spells: list[DemoSpell] = field(default_factory=list)
    notes: str = ""


@dataclass
class DemoAction:
    person: int | None  # index into people; None = a whole-team action
    team: str | None
    action_type_code: str
    title: str
    planned: date
    due: date | None
    owner: str
    cost: float
    status: str
    done_date: date | None = None
    outcome: str = ""


@dataclass
class DemoRisk:
    person: int
    level: str
    reason: str
    flagged_on: date
    note: str
    cleared_on: date | None = None
    clear_note: str = ""


@dataclass
class DemoShop:
    people: list[DemoPerson]
    actions: list[DemoAction]
    risks: list[DemoRisk]
    recruiting_cost_per_hire: float = 1500.0
    training_cost_per_hire: float = 2500.0


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _reason_pool(tenure_days: int, month: int) -> dict[str, int]:
    if tenure_days <= 90:
        return REASONS_EARLY
    if month in (2, 3):
        return REASONS_SPRING
    if month in (6, 11, 12):
        return REASONS_PEAK
    if month in (7, 8):
        return REASONS_SUMMER
    return REASONS_SETTLED


class _Simulation:
    def __init__(self, today: date, years: int, headcount: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.headcount = headcount
        self.start = Month.of(today).plus(-12 * years + 1).first_day
        self.people: list[DemoPerson] = []
        self.names: set[str] = set()

    def _name(self) -> str:
        while True:
            name = self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)
            if name not in self.names or len(self.names) > 3000:
                self.names.add(name)
                return name

    def _team(self) -> str:
        return self.rng.choices([t for t, _ in TEAMS], weights=[w for _, w in TEAMS])[0]

    def hire(self, day: date, team: str | None = None) -> DemoPerson:
        team = team or self._team()
        positions = POSITIONS[team]
        position = positions[0] if self.rng.random() < 0.8 else self.rng.choice(positions)
        number = f"CS{len(self.people) + 1:04d}"
        phone = f"1{self.rng.choice('3578')}{self.rng.randrange(10**9):09d}"
        person = DemoPerson(number, self._name(), phone, [DemoSpell(day, team, position)])
        self.people.append(person)
        return person

    def active(self) -> list[DemoPerson]:
        return [p for p in self.people if p.spells[-1].exit is None]

    def leave(self, person: DemoPerson, day: date) -> None:
        spell = person.spells[-1]
        rng = self.rng
        tenure = (day - spell.start).days
        pool = _reason_pool(tenure, day.month)
        reason = _pick(rng, pool)
        others = [r for r in pool if r != reason]
        further = rng.sample(others, k=min(len(others), rng.choice((0, 0, 1, 1, 2))))
        involuntary = reason in INVOLUNTARY_REASONS
        notice = None
        if reason not in ("absconded", "no_return_after_spring_festival") and not involuntary:
            notice = day - timedelta(days=3 if tenure <= 90 else rng.choice((14, 30, 30)))
            notice = max(notice, spell.start)
        recent = (self.today - day).days < 30
        handover = [(item.code, not recent or rng.random() < 0.5) for item in HANDOVER_ITEMS]
        notes = ""
        if rng.random() < 0.75:
            notes = CONVERSATION.get(reason, "")
            if reason in KEEP_ANSWERS:
                notes += "\n留下的条件：" + KEEP_ANSWERS[reason]
        spell.exit = DemoExit(
            last_day=day,
            exit_type=INVOLUNTARY if involuntary else VOLUNTARY_TYPE,
            reason=reason,
            further=further,
            notice_date=notice,
            regrettable=not involuntary and tenure > 365 and rng.random() < 0.6,
            eligible_for_rehire=reason not in ("misconduct", "absconded", "probation"),
            conversation_notes=notes,
            handover=handover,
        )

    def run(self) -> list[DemoPerson]:
        rng = self.rng
        # The team as it stood when the story starts, hired over the two years before.
        for _ in range(self.headcount):
            self.hire(self.start - timedelta(days=rng.randrange(20, 730)))
        month = Month.of(self.start)
        last = Month.of(self.today)
        rehire_queue: list[tuple[date, DemoPerson]] = []
        while month <= last:
            first, end = month.first_day, min(month.last_day, self.today)
            span = (end - first).days
            for person in self.active():
                spell = person.spells[-1]
                tenure = (first - spell.start).days
                hazard = BASE_HAZARD * MONTH_FACTOR[month.month]
                hazard *= 2.6 if tenure <= 90 else 0.6 if tenure > 730 else 1.0
                if rng.random() < hazard:
                    day = first + timedelta(days=rng.randint(0, span))
                    if day < spell.start:
                        continue
                    self.leave(person, day)
                    exit_ = spell.exit
                    comes_back = exit_.reason in ("family", "study", "health")
                    if comes_back and exit_.eligible_for_rehire and rng.random() < 0.35:
                        back = day + timedelta(days=rng.randint(120, 330))
                        rehire_queue.append((back, person))
            # Fill the team back up, with extra hands before 618 and Double 11.
            target = self.headcount + (4 if month.month in (5, 10) else 0)
            for back, person in list(rehire_queue):
                if first <= back <= end:
                    old = person.spells[-1]
                    person.spells.append(DemoSpell(back, old.team, old.position))
                    person.notes = "离职后返聘"
                    rehire_queue.remove((back, person))
            for _ in range(max(0, target - len(self.active()))):
                self.hire(first + timedelta(days=rng.randint(0, span)))
            month = month.plus(1)
        self._the_days_ahead()
        return self.people

    def _the_days_ahead(self) -> None:
        """What a shop always has in hand: two people on notice (待离职), who told the
        owner last week and whose last day is 9 and 25 days ahead (the handover under
        way), and a hire who starts next week (入职待到岗)."""
        long_here = self.today - timedelta(days=200)
        settled = sorted((p for p in self.active() if p.spells[-1].start < long_here),
                         key=lambda p: (p.spells[-1].start, p.name))  # fmt: skip
        for person, days, reason in zip(settled[3:5], (9, 25), ("better_offer", "pay"),
                                        strict=False):  # fmt: skip
            self.leave(person, self.today + timedelta(days=days))
            spell = person.spells[-1]
            spell.exit = replace(
                spell.exit, exit_type=VOLUNTARY_TYPE, reason=reason, further=[],
                notice_date=self.today - timedelta(days=6), regrettable=True,
                eligible_for_rehire=True, conversation_notes=CONVERSATION.get(reason, ""),
                handover=[(item.code, n < 2) for n, item in enumerate(HANDOVER_ITEMS)],
            )  # fmt: skip
        self.hire(self.today + timedelta(days=7))
        # and one who left for family reasons and came back two months ago (返聘)
        gone = sorted(
            (p for p in self.people if p.spells[-1].exit is not None
             and p.spells[-1].exit.eligible_for_rehire
             and p.spells[-1].exit.last_day < self.today - timedelta(days=150)),
            key=lambda p: (p.spells[-1].exit.last_day, p.name),
        )  # fmt: skip
        if gone:
            back, old = gone[-1], gone[-1].spells[-1]
            back.spells.append(DemoSpell(self.today - timedelta(days=60), old.team, old.position))
            back.notes = "离职后返聘"


PERSONAL_SEED = 7618
# Actions for one person beyond mentoring and check-ins (the articles' retention library):
# (code, title, cost, chance, earliest day in the spell, latest day, outcome)
PERSONAL_ACTIONS = (
    ("training_course", "售后纠纷处理课程", 300.0, 0.3, 60, 240, "考试通过"),
    ("recognition", "月度服务之星", 200.0, 0.25, 90, 400, "当众表扬，发奖金"),
    ("pay_review", "转正一年调薪", 0.0, 0.5, 360, 380, "月薪上调 300 元"),
    ("stress_relief", "大促后调休两天", 0.0, 0.2, 30, 300, "休息后状态回升"),
    ("promotion_review", "组长候选评估", 0.0, 0.15, 300, 600, "进入储备组长名单"),
)


def _personal_actions(
    rng: random.Random, person: int, start: date, end: date, today: date
) -> list[DemoAction]:
    found = []
    for code, title, cost, chance, first, last, outcome in PERSONAL_ACTIONS:
        if rng.random() >= chance or (end - start).days < first:
            continue
        day = start + timedelta(days=rng.randint(first, min(last, (end - start).days)))
        done = day <= today
        found.append(
            DemoAction(
                person,
                None,
                code,
                title,
                day,
                day + timedelta(days=14),
                "店长",
                cost,
                "done" if done else "planned",
                day if done else None,
                outcome if done else "",
            )
        )
    return found


def _actions(sim: _Simulation) -> tuple[list[DemoAction], list[DemoRisk]]:
    rng, today = sim.rng, sim.today
    actions: list[DemoAction] = []
    risks: list[DemoRisk] = []
    owners = ("店长", "客服主管", "人事")
    index = {id(p): i for i, p in enumerate(sim.people)}
    extra = random.Random(PERSONAL_SEED)  # its own stream: the rest of the shop stays put
    for person in sim.people:
        i = index[id(person)]
        for spell in person.spells:
            end = spell.end or today
            day = spell.start + timedelta(days=30)
            if (end - spell.start).days > 20:
                actions.append(
                    DemoAction(
                        i,
                        None,
                        "mentor",
                        "新人带教",
                        spell.start,
                        spell.start + timedelta(days=30),
                        "客服组长",
                        0,
                        "done",
                        spell.start + timedelta(days=28),
                        "带教完成，已独立接待",
                    )
                )
            regular = rng.random() < 0.6  # not everyone gets regular check-ins
            while regular and day < end:
                status = "done" if day <= today else "planned"
                actions.append(
                    DemoAction(
                        i,
                        None,
                        "checkin",
                        "定期谈心",
                        day,
                        day + timedelta(days=7),
                        rng.choice(owners),
                        0,
                        status,
                        day if status == "done" else None,
                        "聊了排班和考核，情绪稳定" if status == "done" else "",
                    )
                )
                day += timedelta(days=rng.randint(45, 90))
            actions += _personal_actions(extra, i, spell.start, end, today)
    # Team-wide actions around the peaks: stress relief after big sales, training before.
    for year in range(sim.start.year, today.year + 1):
        for when, code, title, cost in (
            (date(year, 5, 15), "training_course", "618 大促话术培训", 800.0),
            (date(year, 6, 25), "stress_relief", "618 后减压团建", 2400.0),
            (date(year, 10, 10), "skill_competition", "双 11 知识竞赛", 600.0),
            (date(year, 11, 20), "team_activity", "双 11 庆功聚餐", 3000.0),
            (date(year, 3, 10), "pay_review", "年度调薪评估", 0.0),
        ):
            if sim.start <= when:
                team = rng.choice([t for t, _ in TEAMS])
                done = when <= today
                actions.append(
                    DemoAction(
                        None,
                        team,
                        code,
                        title,
                        when,
                        when + timedelta(days=7),
                        "店长",
                        cost,
                        "done" if done else "planned",
                        when if done else None,
                        "参与度高" if done else "",
                    )
                )
    active = sim.active()
    # An overdue action and a cancelled one, as real lists have.
    if active:
        p = index[id(active[0])]
        actions.append(
            DemoAction(
                p,
                None,
                "promotion_review",
                "组长晋升评估",
                today - timedelta(days=40),
                today - timedelta(days=10),
                "店长",
                0,
                "planned",
            )
        )
        actions.append(
            DemoAction(
                p,
                None,
                "cross_department",
                "运营部轮岗一周",
                today - timedelta(days=90),
                today - timedelta(days=80),
                "店长",
                0,
                "cancelled",
                None,
                "大促期间人手不足，取消",
            )
        )
    for person, level, reason, note in zip(
        active[1:6],
        ("high", "high", "medium", "medium", "low"),
        ("pay", "pressure", "promotion", "complaint_stress", "repetitive"),
        ("问过同行的薪资", "最近请假多，情绪低落", "提到想做运营", "连续收到差评", "说每天都一样"),
        strict=False,
    ):
        risks.append(
            DemoRisk(
                index[id(person)], level, reason, today - timedelta(days=rng.randint(3, 40)), note
            )
        )
    for person in active[6:9]:
        flagged = today - timedelta(days=rng.randint(100, 200))
        risks.append(
            DemoRisk(
                index[id(person)],
                "medium",
                "pay",
                flagged,
                "嫌工资低",
                flagged + timedelta(days=45),
                "调薪后情况好转",
            )
        )
    return actions, risks


def generate_shop(today: date, *, years: int = 3, headcount: int = 40, seed: int = 618) -> DemoShop:
    from retention_desktop.domain.demo_departures import add_departures

    sim = _Simulation(today, years, headcount, seed)
    people = sim.run()
    actions, risks = _actions(sim)
    add_departures(people, today, seed)
    return DemoShop(people, actions, risks)
