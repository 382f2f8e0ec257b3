"""guess_language: a small function-word vote among nine languages."""

from __future__ import annotations

import pytest

from gdprgate.detect import guess_language
from gdprgate.detect.language import normalize_language

CASES = [
    ("Please send the invoice to my address, thank you.", "en"),
    ("Bitte schicken Sie die Rechnung an meine Adresse, danke.", "de"),
    ("Merci de m'envoyer la facture, je vous remercie.", "fr"),
    ("Por favor, envíe la factura a mi dirección, gracias.", "es"),
    ("Per favore, mandami la fattura, grazie mille.", "it"),
    ("Stuur de factuur naar mijn adres, bedankt.", "nl"),
    ("Olá, por favor envie a fatura para o meu endereço, obrigado.", "pt"),
    ("Hej, jag heter Sara och bor i Malmö, tack för hjälpen.", "sv"),
    ("Dzień dobry, nazywam się Ewa i mieszkam w Gdańsku, dziękuję.", "pl"),
    # English words that other languages also use do not pull English away.
    ("Personal Info: E-mail and Phone, P.O. Box 12; do as men do till noon.", "en"),
    ("", "en"),
    ("12345 67890", "en"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_guess_language(text: str, expected: str) -> None:
    """Each sentence gets its language; texts without words default to English."""
    assert guess_language(text) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [("en", "en"), ("EN", "en"), ("de-DE", "de"), ("fr_CA", "fr")],
)
def test_language_codes_are_normalised(given: str, expected: str) -> None:
    assert normalize_language(given) == expected
