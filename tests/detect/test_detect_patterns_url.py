"""UrlRecognizer: URLs, one table of positive and negative cases."""

import pytest

from gdprgate.detect.patterns import UrlRecognizer

# (text, expected [(start, end, entity)]); an empty list is a negative case.
CASES: list[tuple[str, list[tuple[int, int, str]]]] = [
    ("See https://example.com/profile?id=42.", [(4, 37, "URL")]),
    (
        "Visit www.example.org, then http://localhost:8080/x",
        [(6, 21, "URL"), (28, 51, "URL")],
    ),
    ("(https://example.com/wiki/A_(b))", [(1, 31, "URL")]),
    ("http://192.0.2.1/admin", [(0, 22, "URL")]),
    ("https://example", []),
    ("http:// nothing", []),
    ("ftp://example.com/file", []),
    ("mail anna@www.example.com", []),
    ("plain example.com", []),
    # Quotation marks of other languages, a label, CSV fields, Markdown.
    ("Profil «https://example.org/anna»", [(8, 32, "URL")]),
    ("siehe „https://example.org/a“.", [(7, 28, "URL")]),
    ("Website:https://example.org", [(8, 27, "URL")]),
    ("Anna;http://www.example.org;Berlin", [(5, 27, "URL")]),
    ("**https://example.org/a**", [(2, 23, "URL")]),
    # Profile addresses of social networks without a scheme name a person.
    ("Profil: linkedin.com/in/gianni-russo-88.", [(8, 39, "URL")]),
    ("code at github.com/avesterholm, docs", [(8, 30, "URL")]),
    ("see de.linkedin.com/in/anna-v", [(4, 29, "URL")]),
    # Other hosts without a scheme, and a profile host without a path.
    ("see example.com/about", []),
    ("we use github.com daily", []),
    ("mail anna@github.com/x", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_url_spans(text: str, expected: list[tuple[int, int, str]]) -> None:
    """http(s) and www. addresses are found without trailing prose punctuation."""
    found = [(f.start, f.end, f.entity) for f in UrlRecognizer().analyze(text)]

    assert found == expected
