"""Digits as people type them: Persian (۰–۹) and Arabic-Indic (٠–٩) become ASCII."""

_NATIVE_DIGITS = "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"
_ASCII = "0123456789" * 2
_TO_ASCII = str.maketrans(_NATIVE_DIGITS, _ASCII) | str.maketrans({"٫": ".", "٬": ","})


def to_ascii_digits(text: str) -> str:
    """Map native digits and the Arabic decimal and thousands signs to ASCII."""
    return text.translate(_TO_ASCII)
