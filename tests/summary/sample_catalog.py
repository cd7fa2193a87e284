"""A stand-in Dari or Pashto catalog made of real words, until the translations issue lands.

Every msgid becomes a sentence of real Dari (or Pashto) words, about as long as the English,
keeping its placeholders — so the real summary can be laid out, looked at and measured with
the shaping and text layer it will have once translated. The sentences mean nothing.
"""

from __future__ import annotations

import gettext
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

import i18n.runtime

_DARI = (
    "شما می\u200cتوانید این سند را با مددکار خود در میان بگذارید بدون اسناد درخواست "
    "پذیرفته نمی\u200cشود برنامه برای درخواست\u200cهای جدید بسته است نتایج تفکیک مسیر "
    "واجد شرایط تذکره پاسپورت معتبر مکتوب توصیه سرپرست خلاصه ارزیابی اسکان مجدد تاریخ "
    "زبان وضعیت نتیجه باز خانواده کار کشور قانون"
)
_PASHTO = (
    "ستاسو ټوله کورنۍ مېرمن او ماشومان ښايي ګډون وکړي ډېر اوږد انتظار مه باسئ خپل اسناد "
    "له مرستندوی سره شریک کړئ ښځه د کار پېژند پاڼه لري پروګرام پالیسي پایلې هرې لارې "
    "مخې لار پایله حالت ځانګړې کډوالۍ ویزه وړ دی پرانیستې تذکره پاسپورټ سپارښتنې لیک"
)
WORDS = {"fa_AF": re.findall(r"\S+", _DARI), "ps": re.findall(r"\S+", _PASHTO)}
_PLACEHOLDER = re.compile(r"%\([a-z_]+\)s")


class SampleWords(gettext.NullTranslations):
    def __init__(self, language: str) -> None:
        super().__init__()
        self.words = WORDS[language]

    def gettext(self, message: str) -> str:
        if not message.strip():
            return message
        placeholders = _PLACEHOLDER.findall(message)
        count = max(1, len(_PLACEHOLDER.sub("", message).split()))
        start = zlib.crc32(message.encode())
        out = [self.words[(start + i) % len(self.words)] for i in range(count)]
        for number, placeholder in enumerate(placeholders):
            out.insert(min(len(out), 1 + 2 * number), placeholder)
        end = message.rstrip()[-1:]
        return " ".join(out) + ("." if end == "." else ":" if end == ":" else "")

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


@contextmanager
def sample_catalogs() -> Iterator[None]:
    """Dari and Pashto translate to sample words; English stays English."""
    real = i18n.runtime.translations

    def translations(language: str) -> gettext.NullTranslations:
        return SampleWords(language) if language in WORDS else real(language)

    i18n.runtime.translations = translations  # type: ignore[assignment]
    try:
        yield
    finally:
        i18n.runtime.translations = real
