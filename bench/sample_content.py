"""Realistic summary content in Dari (fa_AF), Pashto (ps) and English for the engine benchmark.

Plain data only (no engine): headings, paragraphs, bullet lists and a 40-row table of
pathways, with Latin names (SIV, ARAP), URLs, Persian digits and ZWNJ words inside RTL text.
Each document is about five A4 pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def fa_digits(value: object) -> str:
    return str(value).translate(PERSIAN_DIGITS)


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)


@dataclass
class SampleDoc:
    lang: str
    rtl: bool
    title: str
    meta: list[tuple[str, str]]
    intro: list[str]
    table_heading: str
    table_header: tuple[str, str, str]
    table_rows: list[tuple[str, str, str]]
    sections: list[Section]
    footer_notice: str

    def all_text(self) -> str:
        """Every piece of text the document shows (the footer excluded)."""
        parts: list[str] = [self.title]
        for key, value in self.meta:
            parts += [key, value]
        parts += self.intro
        parts.append(self.table_heading)
        parts += self.table_header
        for row in self.table_rows:
            parts += row
        for section in self.sections:
            parts.append(section.heading)
            parts += section.paragraphs
            parts += section.bullets
        return "\n".join(parts)


# --- Dari -------------------------------------------------------------------------------------

_FA_PATHWAYS = [
    "ویزه مهاجرت خاص ایالات متحده (SIV)",
    "برنامه پناهندگی اولویت ۲ (P-2)",
    "پالیسی انتقال و کمک افغان‌ها (ARAP)",
    "طرح اسکان مجدد شهروندان افغان (ACRS)",
    "برنامه پذیرش بشردوستانه آلمان",
    "برنامه بشردوستانه کانادا برای افغان‌ها",
    "ویزه بشردوستانه آسترالیا (subclass 200)",
    "ارجاع اسکان مجدد UNHCR",
]
_FA_VERDICTS = ["واجد شرایط", "احتمالاً واجد شرایط", "واجد شرایط نیست"]
_FA_STATUS = ["باز", "برای درخواست‌های جدید بسته", "متوقف", "ظرفیت تکمیل شده", "نامعلوم"]

_FA_DETAIL = [
    "شما گفته‌اید که {m} ماه با نیروهای ایالات متحده کار کرده‌اید. برای برنامه SIV حداقل ۱۲ ماه "
    "خدمت لازم است، بنابراین این معیار برآورده شده است.",
    "معلومات رسمی این مسیر را در https://travel.state.gov/afghan-siv می‌توانید ببینید. آخرین "
    "بررسی وضعیت در تاریخ {d} انجام شده است.",
    "اگر مکتوب توصیه یا قرارداد کاری ندارید، درخواست شما بدون آن پذیرفته نمی‌شود. لطفاً "
    "اسناد خود را پیش از مصاحبه آماده کنید.",
]
_FA_BULLETS = [
    "تذکره یا پاسپورت معتبر شما و اعضای خانواده",
    "مکتوب توصیه از سرپرست مستقیم (در برنامه SIV لازم است)",
    "اسناد اثبات خدمت: قرارداد، کارت هویت کاری یا معاش‌نامه",
    "ثبت‌نام در UNHCR، اگر در پاکستان یا ایران زندگی می‌کنید",
]


def dari() -> SampleDoc:
    rows = [
        (
            f"{fa_digits(i + 1)}. {_FA_PATHWAYS[i % len(_FA_PATHWAYS)]}",
            _FA_VERDICTS[i % 3],
            _FA_STATUS[i % 5],
        )
        for i in range(40)
    ]
    sections = []
    for i, name in enumerate(_FA_PATHWAYS):
        sections.append(
            Section(
                heading=name,
                paragraphs=[
                    p.format(m=fa_digits(12 + i * 3), d=fa_digits(f"1404/09/{i + 1:02d}"))
                    for p in _FA_DETAIL
                ],
                bullets=_FA_BULLETS if i % 2 == 0 else _FA_BULLETS[:2],
            )
        )
    return SampleDoc(
        lang="fa_AF",
        rtl=True,
        title="خلاصه ارزیابی مسیرهای اسکان مجدد",
        meta=[
            ("تاریخ ارزیابی", "۲ قوس ۱۴۰۴ (" + fa_digits("1404/09/02") + ")"),
            ("نسخه قواعد", fa_digits("2025.11")),
            ("زبان", "دری"),
        ],
        intro=[
            "این سند نتایج ارزیابی شما را برای مسیرهای اسکان مجدد در ایالات متحده، بریتانیا، "
            "آلمان، کانادا و آسترالیا نشان می‌دهد. شما می‌توانید آن را با مددکار یا وکیل خود "
            "در میان بگذارید.",
            "این ارزیابی مشوره حقوقی نیست. تصمیم نهایی را مقامات هر کشور می‌گیرند و قواعد "
            "ممکن است تغییر کند. برنامه ARAP بریتانیا از تاریخ ۱ جولای ۲۰۲۵ برای درخواست‌های "
            "جدید بسته شده است، اما درخواست‌هایی که پیش از آن ثبت شده‌اند ادامه می‌یابند.",
            "Dari: دری — این سند به پښتو هم موجود است: «دا سند په پښتو هم شته».",
        ],
        table_heading="نتایج به تفکیک مسیر",
        table_header=("مسیر", "نتیجه", "وضعیت"),
        table_rows=rows,
        sections=sections,
        footer_notice="این سند مشوره حقوقی نیست.",
    )


# --- Pashto -----------------------------------------------------------------------------------

_PS_PATHWAYS = [
    "د متحده ایالاتو ځانګړی کډوالۍ ویزه (SIV)",
    "د لومړیتوب ۲ د کډوالۍ پروګرام (P-2)",
    "د افغانانو د لېږد او مرستې پالیسي (ARAP)",
    "د افغان اتباعو د بیا مېشتېدو طرحه (ACRS)",
    "د آلمان بشري منلو پروګرام",
    "د کاناډا بشري پروګرام د افغانانو لپاره",
    "د آسټرالیا بشري ویزه (subclass 200)",
    "د UNHCR له لارې بیا مېشتېدو ته راجع کول",
]
_PS_VERDICTS = ["وړ دی", "ښايي وړ وي", "وړ نه دی"]
_PS_STATUS = ["پرانیستې", "د نویو غوښتنو لپاره تړلې", "ځنډول شوې", "ډکه شوې", "نامعلومه"]

_PS_DETAIL = [
    "تاسو ویلي چې {m} میاشتې مو د متحده ایالاتو له ځواکونو سره کار کړی دی. د SIV پروګرام "
    "لپاره لږ تر لږه ۱۲ میاشتې خدمت ته اړتیا ده، نو دا شرط پوره شوی دی.",
    "د دې لارې رسمي معلومات په https://travel.state.gov/afghan-siv کې کتلای شئ. د حالت "
    "وروستۍ کتنه په {d} نېټه شوې ده.",
    "ستاسو ټوله کورنۍ، مېرمن او ماشومان، ښايي له تاسو سره ګډون وکړي. که د سپارښتنې لیک "
    "ونه لرئ، غوښتنه مو نه منل کېږي. څوک چې ډېر اوږد انتظار باسي، باید خپل اسناد "
    "وساتي.",
]
_PS_BULLETS = [
    "ستاسو او د کورنۍ د غړو تذکره یا پاسپورټ",
    "د مستقیم مشر د سپارښتنې لیک (د SIV لپاره اړین دی)",
    "د خدمت ثبوت: تړون، د کار پېژندپاڼه یا د معاش پاڼه",
    "په UNHCR کې نوم لیکنه، که په پاکستان یا ایران کې اوسېږئ",
]


def pashto() -> SampleDoc:
    rows = [
        (
            f"{fa_digits(i + 1)}. {_PS_PATHWAYS[i % len(_PS_PATHWAYS)]}",
            _PS_VERDICTS[i % 3],
            _PS_STATUS[i % 5],
        )
        for i in range(40)
    ]
    sections = []
    for i, name in enumerate(_PS_PATHWAYS):
        sections.append(
            Section(
                heading=name,
                paragraphs=[
                    p.format(m=fa_digits(12 + i * 3), d=fa_digits(f"1404/09/{i + 1:02d}"))
                    for p in _PS_DETAIL
                ],
                bullets=_PS_BULLETS if i % 2 == 0 else _PS_BULLETS[:2],
            )
        )
    return SampleDoc(
        lang="ps",
        rtl=True,
        title="د بیا مېشتېدو د لارو د ارزونې لنډیز",
        meta=[
            ("د ارزونې نېټه", "۲ لیندۍ ۱۴۰۴ (" + fa_digits("1404/09/02") + ")"),
            ("د قواعدو نسخه", fa_digits("2025.11")),
            ("ژبه", "پښتو"),
        ],
        intro=[
            "دا سند د متحده ایالاتو، بریتانیا، آلمان، کاناډا او آسټرالیا ته د بیا مېشتېدو "
            "لارو لپاره ستاسو د ارزونې پایلې ښيي. تاسو کولای شئ دا له خپل مرستندوی یا وکیل "
            "سره شریک کړئ.",
            "دا ارزونه حقوقي مشوره نه ده. وروستۍ پرېکړه د هر هېواد چارواکي کوي او قواعد ښايي "
            "بدل شي. د بریتانیا ARAP پروګرام د ۲۰۲۵ کال د جولای له ۱ نېټې نویو غوښتنو ته "
            "تړل شوی، خو هغه غوښتنې چې مخکې ثبت شوې دي، دوام مومي.",
            "ټولنه، ډېر، ړومبی، ږغ، ښځه، ګډون، ګڼ، کورنۍ، مېرمن، ځای، څوک — Pashto: پښتو.",
        ],
        table_heading="پایلې د هرې لارې له مخې",
        table_header=("لار", "پایله", "حالت"),
        table_rows=rows,
        sections=sections,
        footer_notice="دا سند حقوقي مشوره نه ده.",
    )


# --- English ----------------------------------------------------------------------------------

_EN_PATHWAYS = [
    "US Special Immigrant Visa (SIV)",
    "US Priority 2 refugee referral (P-2)",
    "Afghan Relocations and Assistance Policy (ARAP)",
    "Afghan Citizens Resettlement Scheme (ACRS)",
    "German Federal Admission Programme",
    "Canada humanitarian programme for Afghans",
    "Australia Refugee visa (subclass 200)",
    "UNHCR resettlement referral",
]
_EN_VERDICTS = ["Eligible", "Possibly eligible", "Not eligible"]
_EN_STATUS = ["Open", "Closed to new applications", "Suspended", "Full", "Unknown"]


def english() -> SampleDoc:
    rows = [
        (
            f"{i + 1}. {_EN_PATHWAYS[i % len(_EN_PATHWAYS)]}",
            _EN_VERDICTS[i % 3],
            _EN_STATUS[i % 5],
        )
        for i in range(40)
    ]
    sections = []
    for i, name in enumerate(_EN_PATHWAYS):
        sections.append(
            Section(
                heading=name,
                paragraphs=[
                    f"You said you worked with US forces for {12 + i * 3} months. The SIV "
                    "programme needs at least 12 months of service, so this criterion is met.",
                    "Official information: https://travel.state.gov/afghan-siv. The status "
                    f"was last checked on 2025-11-{i + 1:02d}.",
                    "Without a letter of recommendation your application will not be "
                    "accepted. Please prepare your documents before the interview.",
                ],
                bullets=[
                    "Valid tazkira or passport for you and your family members",
                    "Letter of recommendation from your direct supervisor (SIV)",
                    "Proof of service: contract, work ID card or pay slips",
                ],
            )
        )
    return SampleDoc(
        lang="en",
        rtl=False,
        title="Summary of resettlement pathway screening",
        meta=[
            ("Date of screening", "23 November 2025"),
            ("Rules version", "2025.11"),
            ("Language", "English"),
        ],
        intro=[
            "This document shows the results of your screening for resettlement pathways "
            "to the United States, the United Kingdom, Germany, Canada and Australia.",
            "This screening is not legal advice. Name as written in Dari: احمد شاه "
            "محمدی; province: ننګرهار; family: کورنۍ.",
        ],
        table_heading="Results by pathway",
        table_header=("Pathway", "Verdict", "Status"),
        table_rows=rows,
        sections=sections,
        footer_notice="This document is not legal advice.",
    )


ALL = {"fa_AF": dari, "ps": pashto, "en": english}
