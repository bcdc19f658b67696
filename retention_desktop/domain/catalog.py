"""The built-in lists the product is built on, taken from the two articles in shared/domain.

Each entry carries a stable code (stored in the database) and its Chinese and English label.
Shops can add their own reasons and action types; built-ins can be retired, never destroyed.
"""

from __future__ import annotations

from dataclasses import dataclass

VOLUNTARY = "voluntary"
INVOLUNTARY = "involuntary"
EXIT_TYPES = (VOLUNTARY, INVOLUNTARY)


@dataclass(frozen=True)
class Entry:
    code: str
    zh: str
    en: str
    category: str = ""

    def label(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


# Categories group reasons in pickers and reports (the articles' own grouping).
REASON_CATEGORIES: tuple[Entry, ...] = (
    Entry("pay", "薪酬福利", "Pay and benefits"),
    Entry("pressure", "工作压力", "Work pressure"),
    Entry("work_content", "工作内容", "Work content"),
    Entry("growth", "职业发展", "Career growth"),
    Entry("management", "团队与管理", "Team and management"),
    Entry("fit", "规划与兴趣", "Plans and interests"),
    Entry("personal", "个人与家庭", "Personal and family"),
    Entry("company", "公司决定", "Company decision"),
    Entry("other", "其他", "Other"),
)

EXIT_REASONS: tuple[Entry, ...] = (
    Entry("pay", "薪资待遇", "Pay and benefits", "pay"),
    Entry("better_offer", "有更好的机会", "Better offer elsewhere", "pay"),
    Entry("pressure", "工作压力大", "High work pressure", "pressure"),
    Entry("complaint_stress", "客户投诉/情绪压力", "Stress from customer complaints", "pressure"),
    Entry("long_hours", "工作强度大/排班时间长", "Heavy workload or long shifts", "pressure"),
    Entry("assessment", "考核压力大", "Pressure of assessments", "pressure"),
    Entry(
        "repetitive",
        "重复枯燥/缺乏成就感",
        "Repetitive work, no sense of achievement",
        "work_content",
    ),
    Entry("promotion", "晋升/发展空间不足", "Little room for promotion or growth", "growth"),
    Entry("training", "培训不足", "Not enough training", "growth"),
    Entry("culture", "团队氛围/管理方式", "Team atmosphere or management style", "management"),
    Entry("recognition", "缺乏认可与尊重", "Lack of recognition and respect", "management"),
    Entry("career_plan", "职业规划不符", "Career plans do not match", "fit"),
    Entry("interest", "个人兴趣不符", "Work does not match interests", "fit"),
    Entry("family", "家庭/回老家", "Family or moving back home", "personal"),
    Entry("study", "升学/考研", "Further study", "personal"),
    Entry("health", "身体/健康原因", "Health", "personal"),
    Entry(
        "no_return_after_spring_festival",
        "春节后不返岗",
        "Did not return after Spring Festival",
        "personal",
    ),
    Entry("probation", "试用期不合格", "Did not pass probation", "company"),
    Entry("misconduct", "违纪辞退", "Dismissed for misconduct", "company"),
    Entry("absconded", "自离/旷工", "Walked out / absent without notice", "company"),
    Entry("restructuring", "岗位调整/裁员", "Position cut or restructuring", "company"),
    Entry("other", "其他", "Other", "other"),
)

# Reasons that are the company's decision default to an involuntary exit.
INVOLUNTARY_REASONS = frozenset({"probation", "misconduct", "restructuring"})

ACTION_CATEGORIES: tuple[Entry, ...] = (
    Entry("support", "心理与沟通", "Support and communication"),
    Entry("training", "培训与成长", "Training and growth"),
    Entry("career", "职业发展", "Career path"),
    Entry("pay", "薪酬与认可", "Pay and recognition"),
    Entry("workload", "工作安排", "Workload"),
    Entry("team", "团队建设", "Team building"),
)

ACTION_TYPES: tuple[Entry, ...] = (
    Entry("checkin", "一对一谈心", "Check-in conversation", "support"),
    Entry(
        "stress_relief", "压力疏导与心理支持", "Stress relief and psychological support", "support"
    ),
    Entry("feedback", "意见收集与反馈", "Feedback round", "support"),
    Entry("team_activity", "团队活动", "Team activity", "team"),
    Entry("training_course", "专项培训课程", "Training course", "training"),
    Entry("skill_competition", "技能/知识竞赛", "Skill competition", "training"),
    Entry("mentor", "导师带教", "Mentor", "training"),
    Entry("cross_department", "跨部门学习", "Cross-department learning", "career"),
    Entry("promotion_review", "晋升通道评估", "Promotion path review", "career"),
    Entry("pay_review", "薪资评估", "Pay review", "pay"),
    Entry("recognition", "表彰与认可", "Recognition", "pay"),
    Entry("workload_change", "工作量/排班调整", "Workload or schedule change", "workload"),
)

# The handover the articles insist on before someone goes (open complaints first).
HANDOVER_ITEMS: tuple[Entry, ...] = (
    Entry("complaints", "未结客户投诉已交接", "Open customer complaints handed over"),
    Entry("accounts", "账号与密码已收回", "Accounts and passwords revoked"),
    Entry("equipment", "设备已归还", "Equipment returned"),
    Entry("final_pay", "工资已结清", "Final pay settled"),
    Entry("knowledge", "工作资料已交给同事", "Knowledge handed to a colleague"),
)

# Prompts for the exit conversation (及时沟通与反馈 / 建立离职档案).
EXIT_CONVERSATION_PROMPTS: tuple[Entry, ...] = (
    Entry("why", "是什么让你决定离开?", "What made you decide to leave?"),
    Entry("keep", "什么可以让你留下来?", "What would have kept you?"),
    Entry("workload", "工作量和压力怎么样?", "How was the workload and the pressure?"),
    Entry(
        "complaints",
        "处理客户投诉时得到足够支持了吗?",
        "Did you get enough support with customer complaints?",
    ),
    Entry("team", "团队氛围和管理方式怎么样?", "How were the team and the way it is managed?"),
    Entry("training", "培训够用吗?考核公平吗?", "Was the training enough? Were assessments fair?"),
    Entry("growth", "你看到晋升和发展的路径了吗?", "Did you see a path to grow and be promoted?"),
    Entry("pay", "薪资待遇与市场相比如何?", "How does the pay compare with the market?"),
    Entry("advice", "你对我们有什么建议?", "What would you advise us to change?"),
)

# How a person left (离职方式), each with the exit type it means unless the owner says
# otherwise (the category field). Walking off is the person's choice, so voluntary; a
# mutual agreement (协商解除) is, in Chinese practice, usually put forward by the shop (it is
# what makes severance due), so involuntary; a contract not renewed is the shop's decision.
EXIT_WAYS: tuple[Entry, ...] = (
    Entry("resignation", "辞职", "Resignation", VOLUNTARY),
    Entry("walked_off", "自离", "Walked off", VOLUNTARY),
    Entry("mutual", "协商解除", "Mutual agreement", INVOLUNTARY),
    Entry("dismissal", "辞退", "Dismissal", INVOLUNTARY),
    Entry("contract_end", "合同到期", "Contract end", INVOLUNTARY),
    Entry("failed_probation", "试用期不合格", "Failed probation", INVOLUNTARY),
)
EXIT_WAY_CODES = tuple(way.code for way in EXIT_WAYS)


def way_labels(lang: str) -> dict[str, str]:
    """Each way of leaving's label in `lang`, by code."""
    return {way.code: way.label(lang) for way in EXIT_WAYS}


def type_of_way(code: str | None) -> str | None:
    """The exit type a way of leaving means by default (None for no way or an unknown one)."""
    return next((way.category for way in EXIT_WAYS if way.code == code), None)


# Where people went (离职去向): the shop's list, these built in.
DESTINATIONS: tuple[Entry, ...] = (
    Entry("competitor", "同行网店", "A competing shop"),
    Entry("ecommerce", "其他电商岗位", "Another e-commerce job"),
    Entry("other_trade", "转行", "Another trade"),
    Entry("study", "升学/进修", "Study"),
    Entry("family", "回家/照顾家庭", "Family"),
    Entry("unknown", "去向不明", "Unknown"),
)

NOT_GIVEN_ID = -1  # a filter's choice of list entry meaning "none recorded"

UNSPECIFIED_REASON = Entry("unspecified", "未填写", "Unspecified")
NO_TEAM = Entry("no_team", "未分配部门", "No team")
