"""Card security data written next to a card: the security code (CVV, CVC,
Prüfnummer, cryptogramme visuel) and the expiry date ("exp 08/27").

Both are card data (PCI DSS forbids keeping the security code at all), and
with the card number they let anyone pay: "card 4532... exp 08/27 cvv 123"
went out with only the card number masked. Three digits or a month and a
year are everywhere in text, so only the value right after its own word is
reported (at most a "code" or "number" and a colon or copula between
them), typed ``CREDIT_CARD`` like the card it belongs to.
"""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import PatternRecognizer
from gdprgate.detect.patterns.scan import Feature

# The security code's names in the nine languages, longest first where one
# starts another. No "cid" or "csc": mail parts and other codes use them.
_CODE_WORDS = (
    r"cvv2|cvc2|cvv|cvc|cvn|card\ verification\ (?:code|value)|"
    r"security\ code|sicherheitscode|kartenprüfnummer|prüfnummer|prüfziffer|"
    r"cryptogramme\ visuel|cryptogramme|code\ de\ sécurité|"
    r"código\ de\ seguridad|codice\ di\ sicurezza|codice\ cvv|"
    r"beveiligingscode|kod\ zabezpieczający|kod\ cvv|"
    r"código\ de\ segurança|säkerhetskod"
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

_SECURITY_CODE = re.compile(
    r"(?<![^\W_])(?i:" + _CODE_WORDS + r")" + _GAP
    + r"(?<![\w./+-])(\d{3,4})(?![\w]|[.,/-]\d)"
)  # fmt: skip
_EXPIRY = re.compile(
    r"(?<![^\W_])(?i:" + _EXPIRY_WORDS + r")" + _GAP
    + r"(?<![\w./+-])(" + _MONTH_YEAR + r")(?![\w]|[.,/-]\d)"
)  # fmt: skip


class CardSecurityRecognizer(PatternRecognizer):
    """A card's security code or expiry date right after its own word."""

    name = "card_security"
    entity = "CREDIT_CARD"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_SECURITY_CODE, _EXPIRY)
    needs = Feature.DIGIT
    explanation = (
        "three or four digits after CVV/CVC/Prüfnummer/cryptogramme, or a"
        " month and year after exp/expiry/gültig bis, on a card"
    )
