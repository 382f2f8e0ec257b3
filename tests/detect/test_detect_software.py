"""Tools, code identifiers and companies are no people where the text says
what they are; people bearing such names stay masked."""

from __future__ import annotations

import pytest

from gdprgate.detect import Finding
from gdprgate.detect.software import without_software

# Tools that are also people's names need a technical word right beside.
NAMES = frozenset({"jenkins", "cassandra", "hudson", "ford", "baker", "anna"})


def _kept(
    text: str, values: list[str], entity: str = "PERSON"
) -> list[tuple[str, str]]:
    findings = []
    for value in values:
        start = text.index(value)
        findings.append(Finding(start, start + len(value), entity, 0.9, "test"))
    return [
        (f.entity, text[f.start : f.end])
        for f in without_software(text, findings, NAMES)
    ]


CASES = [
    # Tools in technical text: dropped.
    (
        "We use Kafka, Spark, Jenkins, Ansible and Grafana",
        ["Kafka", "Spark", "Jenkins", "Grafana"],
        [],
    ),
    ("Restart Kafka after the upgrade.", ["Restart Kafka"], []),
    (
        "Nous utilisons Jenkins et Grafana pour la supervision.",
        ["Jenkins", "Grafana"],
        [],
    ),
    (
        "Our Cassandra cluster and the Hudson CI server, Keycloak on Heroku.",
        ["Cassandra", "Hudson CI", "Keycloak", "Heroku"],
        [],
    ),
    ("Chronos jobs and Prometheus with Redis.", ["Chronos", "Prometheus", "Redis"], []),
    ("Der Jenkins-Job ist fehlgeschlagen.", ["Job"], []),
    ("Upgrade to Grafana 10.2 tomorrow.", ["Grafana"], []),
    # Code identifiers: CamelCase with an inner capital and a code word.
    ("PersonService throws AttributeError.", ["PersonService", "AttributeError"], []),
    (
        "RedisCache KeyError in MarkdownRenderer",
        ["RedisCache KeyError", "MarkdownRenderer"],
        [],
    ),
    ("NoneType from AuthController", ["NoneType", "AuthController"], []),
    # Companies in stock news become organisations.
    (
        "Tesla and Ford shares fell",
        ["Tesla", "Ford"],
        [("ORGANIZATION", "Tesla"), ("ORGANIZATION", "Ford")],
    ),
    # People stay: a title, a verb of saying, a full name, no tech word
    # beside a tool that is also a name, names with an inner capital.
    ("Ms Jenkins deployed the server.", ["Jenkins"], [("PERSON", "Jenkins")]),
    ("Jenkins said the build was green.", ["Jenkins"], [("PERSON", "Jenkins")]),
    ("Anna Kafka joined the cluster team.", ["Anna Kafka"], [("PERSON", "Anna Kafka")]),
    ("Cassandra fixed the server yesterday.", ["Cassandra"], [("PERSON", "Cassandra")]),
    ("Hudson told me the pipeline broke.", ["Hudson"], [("PERSON", "Hudson")]),
    ("Kafka wrote The Trial in 1914.", ["Kafka"], [("PERSON", "Kafka")]),
    ("Jenkins est venu hier soir.", ["Jenkins"], [("PERSON", "Jenkins")]),
    (
        "Ronald McDonald met Leonardo DiCaprio.",
        ["Ronald McDonald", "Leonardo DiCaprio"],
        [("PERSON", "Ronald McDonald"), ("PERSON", "Leonardo DiCaprio")],
    ),
    ("Ask LeBlanc about it.", ["LeBlanc"], [("PERSON", "LeBlanc")]),
    ("Ford said the shares would rise.", ["Ford"], [("PERSON", "Ford")]),
    ("We met Harrison Ford.", ["Harrison Ford"], [("PERSON", "Harrison Ford")]),
]


@pytest.mark.parametrize(("text", "values", "expected"), CASES)
def test_tools_and_code_are_no_people(
    text: str, values: list[str], expected: list[tuple[str, str]]
) -> None:
    assert _kept(text, values) == expected


def test_dates_and_other_entities_are_left_alone() -> None:
    assert _kept("KeyError", ["KeyError"], "DATE_TIME") == [("DATE_TIME", "KeyError")]
