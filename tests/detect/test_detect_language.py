"""guess_language: a word-frequency vote among nine languages, and the
function-word vote it falls back on without wordfreq."""

from __future__ import annotations

import pytest

from gdprgate.detect import guess_language
from gdprgate.detect.language import _by_function_words, normalize_language

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
    # Names and places say little; "met" is Dutch too, "in" German too.
    ("Yesterday Donald Trump met Angela Merkel in Berlin.", "en"),
    # Short sentences with few function words.
    ("Im Jahr 2009 zog Jonas nach Leipzig.", "de"),
    ("Tras la vista, el tribunal dictó sentencia.", "es"),
    ("Después, la policía registró su domicilio.", "es"),
    # A few foreign place names do not turn an English address.
    ("Billing address: Sara Lind, 12 Puruntie, Lappeenranta", "en"),
]

# What only the frequency vote gets right: the fallback's answers.
FALLBACK_WRONG = [
    ("Yesterday Donald Trump met Angela Merkel in Berlin.", "nl"),
    ("Im Jahr 2009 zog Jonas nach Leipzig.", "en"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_guess_language(text: str, expected: str) -> None:
    """Each sentence gets its language; texts without words default to English."""
    assert guess_language(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES[:9])
def test_function_words_alone_guess_plain_sentences(text: str, expected: str) -> None:
    """Without wordfreq, the function-word vote still tells the nine apart."""
    assert _by_function_words(text) == expected


@pytest.mark.parametrize(("text", "fallback"), FALLBACK_WRONG)
def test_frequencies_beat_function_words(text: str, fallback: str) -> None:
    """Short sentences the function words misread: the frequency vote is
    what guess_language uses when wordfreq is installed."""
    assert _by_function_words(text) == fallback
    assert guess_language(text) != fallback


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("de-DE", "de"),
        ("fr_CA", "fr"),
        # Three-letter codes and names of languages with rules of their own.
        ("deu", "de"),
        ("German", "de"),
        ("por-BR", "pt"),
        ("swe", "sv"),
        # Anything else is kept as it is.
        ("tr", "tr"),
        ("xx", "xx"),
    ],
)
def test_language_codes_are_normalised(given: str, expected: str) -> None:
    assert normalize_language(given) == expected
