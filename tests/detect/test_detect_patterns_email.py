"""EmailRecognizer: e-mail addresses, one table of positive and negative cases."""

import pytest

from gdprgate.detect.patterns import EmailRecognizer

# (text, expected [(start, end, entity)]); an empty list is a negative case.
CASES: list[tuple[str, list[tuple[int, int, str]]]] = [
    ("Write to anna.schmidt@example.com today.", [(9, 33, "EMAIL_ADDRESS")]),
    (
        "Mail: jean-luc.moreau+news@mail.example.fr, or giulia_rossi@example.it.",
        [(6, 42, "EMAIL_ADDRESS"), (47, 70, "EMAIL_ADDRESS")],
    ),
    ("Contact lucía.fernández@correo.example.es now", [(8, 41, "EMAIL_ADDRESS")]),
    ("sanne@de-vries.example.nl.", [(0, 25, "EMAIL_ADDRESS")]),
    ("user@localhost", []),
    ("a@b.c", []),
    ("no at sign here.example.com", []),
    ("@example.com", []),
    ("anna@example", []),
    ("version 1.2@3.4", []),
    ("name@example.123", []),
    # An apostrophe inside the local part; quotation marks around it.
    ("Mail: o'brien@example.ie.", [(6, 24, "EMAIL_ADDRESS")]),
    ("courriel 'anna@example.org'", [(10, 26, "EMAIL_ADDRESS")]),
    ("quote ‘anna@example.org’", [(7, 23, "EMAIL_ADDRESS")]),
    # Spelt out against harvesters: "(at)", "[at]", a spelt dot.
    ("Kontakt: anna[at]example.de.", [(9, 27, "EMAIL_ADDRESS")]),
    ("E-Mail: info (at) example (dot) org", [(8, 35, "EMAIL_ADDRESS")]),
    ("scrivi a giulia(at)posta.example.it", [(9, 35, "EMAIL_ADDRESS")]),
    ("pisz: jan [at] example [kropka] pl", [(6, 34, "EMAIL_ADDRESS")]),
    ("Treffen (at) Bahnhof", []),
    # A handle after "c'est" leaves the apostrophe's words alone.
    ("son pseudo c'est @kev_du_93", []),
    ("son pseudo c’est @kev_du_93.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_email_spans(text: str, expected: list[tuple[int, int, str]]) -> None:
    """Addresses are found exactly; hosts without a letter TLD are not."""
    found = [(f.start, f.end, f.entity) for f in EmailRecognizer().analyze(text)]

    assert found == expected
