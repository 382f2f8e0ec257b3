"""Card security data written next to a card: the security code (CVV, CVC,
Prüfnummer, cryptogramme visuel) and the expiry date ("exp 08/27").

Both are card data (PCI DSS forbids keeping the security code at all), and
with the card number they let anyone pay: "card 4532... exp 08/27 cvv 123"
went out with only the card number masked. Three digits or a month and a
year are everywhere in text, so only the value right after its own word is
reported (at most a "code" or "number" and a colon or copula between
them), typed ``CREDIT_CARD`` like the card it belongs to.

Only the card's own names for its code ("CVV", "CVC", "Kartenprüfnummer",
"Prüfnummer", "cryptogramme visuel") say card by themselves. A security code in plain
words ("Sicherheitscode 4711 für das Tor", "código de seguridad") and an
expiry date ("exp 08/27" on a food label, "Gültig bis 12/26" on a
voucher) are card data only near a card: a word for one ("card",
"Karte", "tarjeta", "Visa"), a card's own code word, a card number, or
a code and a date together, within :data:`CARD_REACH` characters on
either side. On 250 texts without
personal data this kept out 24 expiry dates and codes of food, gates and
vouchers; next to a card every one is still reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from gdprgate.detect.patterns.base import PatternRecognizer
from gdprgate.detect.patterns.scan import Feature, TextScan

# The security code's names in the nine languages that name a card's code
# only, longest first where one starts another. No "cid" or "csc": mail
# parts and other codes use them.
_CARD_CODE_WORDS = (
    r"cvv2|cvc2|cvv|cvc|cvn|card\ verification\ (?:code|value)|"
    r"kartenprüfnummer|prüfnummer|cryptogramme\ visuel|cryptogramme|"
    r"codice\ cvv|kod\ cvv"
)
# Names of a security code that doors, alarms and accounts have too.
_CODE_WORDS = (
    r"security\ code|sicherheitscode|prüfziffer|code\ de\ sécurité|"
    r"código\ de\ seguridad|codice\ di\ sicurezza|beveiligingscode|"
    r"kod\ zabezpieczający|código\ de\ segurança|säkerhetskod"
)
# The expiry date's names.
_EXPIRY_WORDS = (
    r"exp|exp\.|expiry|expires|expiration|expiration\ date|expiry\ date|"
    r"exp\ date|valid\ thru|valid\ through|valid\ until|good\ thru|"
    r"gültig\ bis|ablaufdatum|läuft\ ab|date\ d'expiration|expire\ fin|"
    r"expire\ le|expire|fecha\ de\ caducidad|caducidad|caduca|vencimiento|"
    r"scadenza|scade|vervaldatum|geldig\ tot|data\ ważności|ważna\ do|"
    r"validade|válido\ até|valido\ até|giltig\ till|utgångsdatum|utgång"
)
# Between the word and its value: "code", "number", a colon, a copula.
_GAP = (
    r"(?:\ (?i:code|number|no|nr|nummer|numéro|número|numero|date|datum))?"
    r"[\ \t]*(?:[:=#-]|\ (?i:is|ist|est|es|è|é|är|jest))?[\ \t]*"
)
# A month and a year: 08/27, 08/2027, 08-27, 08 / 27.
_MONTH_YEAR = r"(?:0[1-9]|1[0-2])\ ?[/-]\ ?(?:\d{2}|20\d{2})"

_CARD_CODE = re.compile(
    r"(?<![^\W_])(?i:" + _CARD_CODE_WORDS + r")" + _GAP
    + r"(?<![\w./+-])(\d{3,4})(?![\w]|[.,/-]\d)"
)  # fmt: skip
_SECURITY_CODE = re.compile(
    r"(?<![^\W_])(?i:" + _CODE_WORDS + r")" + _GAP
    + r"(?<![\w./+-])(\d{3,4})(?![\w]|[.,/-]\d)"
)  # fmt: skip
_EXPIRY = re.compile(
    r"(?<![^\W_])(?i:" + _EXPIRY_WORDS + r")" + _GAP
    + r"(?<![\w./+-])(" + _MONTH_YEAR + r")(?![\w]|[.,/-]\d)"
)  # fmt: skip


# How far from the value a card must be named for a plain security code or
# an expiry date to be its: a card's form or a line of a message.
CARD_REACH = 120
# A card near: a word for one (German compounds: "Kreditkarte",
# "Kartennummer"), a brand, a card's own code word, or a card number.
_CARD_NEAR = re.compile(
    r"(?<![^\W_])(?i:cards?|credit|debit|\w*karte\w*|carte|cartes"
    r"|tarjetas?|carta|kaart|creditcard|karta|karty|kartą|kartę|cartão|kort"
    r"|kortet|kortnummer|visa|mastercard|maestro|amex|american\ express"
    r"|girocard|" + _CARD_CODE_WORDS + r")(?![^\W_])"
    r"|(?<![\d.,])\d{4}(?:[\ -]?\d{4}){2}[\ -]?\d{1,7}(?![\d.,]\d)"
)  # fmt: skip


class CardSecurityRecognizer(PatternRecognizer):
    """A card's security code or expiry date right after its own word; a
    code in plain words or a date only near a card."""

    name = "card_security"
    entity = "CREDIT_CARD"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (
        _CARD_CODE,
        _SECURITY_CODE,
        _EXPIRY,
    )
    needs = Feature.DIGIT
    explanation = (
        "three or four digits after CVV/CVC/Prüfnummer/cryptogramme, or a"
        " month and year after exp/expiry/gültig bis, on a card"
    )

    def candidates(self, text: str, scan: TextScan) -> Iterator[tuple[int, int]]:
        """The values after a card's code word, and those after a plain
        code word or an expiry word with a card near (see the module)."""
        for match in _CARD_CODE.finditer(text):
            yield match.span(1)
        for pattern, other in ((_SECURITY_CODE, _EXPIRY), (_EXPIRY, _SECURITY_CODE)):
            for match in pattern.finditer(text):
                if _card_near(text, match.start(), match.end(), other):
                    yield match.span(1)


def _card_near(text: str, start: int, end: int, other: re.Pattern[str]) -> bool:
    """Whether a card is named within :data:`CARD_REACH` characters of
    ``text[start:end]``, or ``other`` (the code for a date, the date for
    a code) is there: a code and a date together are a card's
    ("código de seguridad 042, caducidad 11/29"). A bounded look, so
    linear in the text."""
    low, high = max(0, start - CARD_REACH), min(len(text), end + CARD_REACH)
    return (
        _CARD_NEAR.search(text, low, high) is not None
        or other.search(text, low, start) is not None
        or other.search(text, end, high) is not None
    )
