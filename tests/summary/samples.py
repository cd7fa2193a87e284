"""Small summary documents in Dari, Pashto and English for the writer's tests."""

from __future__ import annotations

from i18n.bidi import isolate
from i18n.numerals import native_digits
from summary.document import (
    Block,
    BulletList,
    Heading,
    KeyValueRows,
    Paragraph,
    SummaryDocument,
    Table,
)

PASHTO_LETTERS = ["ټ", "ډ", "ړ", "ږ", "ښ", "ګ", "ڼ", "ۍ", "ې"]
# Words holding each Pashto letter, as they are in the Pashto sample.
PASHTO_WORDS = ["ټوله", "ډېر", "کړئ", "اوږد", "ښځه", "ګډون", "پاڼه", "کورنۍ", "مېرمن"]
ZWNJ_WORDS = ["می\u200cتوانید", "نمی\u200cشود", "درخواست\u200cهای"]

_TEXTS = {
    "fa_AF": {
        "title": "خلاصه ارزیابی مسیرهای اسکان مجدد",
        "meta": [("تاریخ ارزیابی", "۲ قوس ۱۴۰۴"), ("زبان", "دری")],
        "intro": "شما می\u200cتوانید این سند را با مددکار خود در میان بگذارید. بدون اسناد، "
        "درخواست شما پذیرفته نمی\u200cشود.",
        "latin": "برنامه " + isolate("SIV") + " و برنامه " + isolate("ARAP") + " برای "
        "درخواست\u200cهای جدید بسته است.",
        "heading": "نتایج به تفکیک مسیر",
        "header": ["مسیر", "نتیجه", "وضعیت"],
        "row": ["ویزه مهاجرت خاص", "واجد شرایط", "باز"],
        "bullets": ["تذکره یا پاسپورت معتبر", "مکتوب توصیه از سرپرست"],
        "footer": "این سند مشوره حقوقی نیست.",
    },
    "ps": {
        "title": "د بیا مېشتېدو د لارو د ارزونې لنډیز",
        "meta": [("د ارزونې نېټه", "۲ لیندۍ ۱۴۰۴"), ("ژبه", "پښتو")],
        "intro": "ستاسو ټوله کورنۍ، مېرمن او ماشومان ښايي ګډون وکړي. ډېر اوږد انتظار مه "
        "باسئ، خپل اسناد له مرستندوی سره شریک کړئ. ښځه د کار پېژند پاڼه لري.",
        "latin": "د " + isolate("SIV") + " پروګرام او د " + isolate("ARAP") + " پالیسي.",
        "heading": "پایلې د هرې لارې له مخې",
        "header": ["لار", "پایله", "حالت"],
        "row": ["ځانګړې کډوالۍ ویزه", "وړ دی", "پرانیستې"],
        "bullets": ["تذکره یا پاسپورټ", "د سپارښتنې لیک"],
        "footer": "دا سند حقوقي مشوره نه ده.",
    },
    "en": {
        "title": "Summary of resettlement pathway screening",
        "meta": [("Date of screening", "23 November 2025"), ("Language", "English")],
        "intro": "You can share this document with your caseworker. Name in Dari: "
        + isolate("احمد شاه محمدی")
        + ".",
        "latin": "The SIV and ARAP programmes are closed to new applications.",
        "heading": "Results by pathway",
        "header": ["Pathway", "Verdict", "Status"],
        "row": ["Special Immigrant Visa", "Eligible", "Open"],
        "bullets": ["Valid tazkira or passport", "Letter of recommendation"],
        "footer": "This document is not legal advice.",
    },
}

RTL = {"fa_AF": True, "ps": True, "en": False}


def footer(lang: str) -> str:
    return str(_TEXTS[lang]["footer"])


def sample(lang: str, *, rows: int = 45) -> SummaryDocument:
    """A two-page summary: key-values, paragraphs, a table of ``rows`` rows, a list."""
    t = _TEXTS[lang]
    header = list(t["header"])
    row = list(t["row"])
    digits = (lambda text: native_digits(text, "fa_AF")) if RTL[lang] else str
    blocks: list[Block] = [
        KeyValueRows(rows=list(t["meta"])),
        Paragraph(text=str(t["intro"])),
        Paragraph(text=str(t["latin"])),
        Heading(text=str(t["heading"]), level=2),
        Table(
            header=header,
            rows=[[f"{digits(str(i + 1))}. {row[0]}", row[1], row[2]] for i in range(rows)],
            col_widths=[2.0, 1.0, 1.0],
        ),
        BulletList(items=list(t["bullets"])),
    ]
    return SummaryDocument(title=str(t["title"]), lang=lang.replace("_", "-"), blocks=blocks)
