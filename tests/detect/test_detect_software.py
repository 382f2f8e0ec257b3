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

# Tools that are people's names ("Travis", "Kafka", "Spark") are tools only
# with strong evidence right beside them.
NAME_TOOL_CASES = [
    # Strong evidence: dropped.
    (
        "The Kafka broker and the Cassandra cluster are down; the Spark job failed.",
        ["Kafka", "Cassandra", "Spark"],
        [],
    ),
    ("Please restart Jenkins and upgrade Kafka 3.6 tonight.", ["Jenkins", "Kafka"], []),
    ("Redis 7.2.4 started.", ["Redis 7.2.4"], []),
    ("Kafka, Spark, Grafana and Prometheus run here.", ["Kafka", "Spark"], []),
    ("Logs in /var/log/kafka/ and `jenkins` config.", ["kafka", "jenkins"], []),
    ("Bitte Helm neu installieren: installiere Helm 3.14", ["Helm 3.14"], []),
    # A person's position or no strong evidence: kept.
    ("Travis uses a wheelchair.", ["Travis"], [("PERSON", "Travis")]),
    (
        "Cassandra uses insulin twice a day.",
        ["Cassandra"],
        [("PERSON", "Cassandra")],
    ),
    ("Hudson used all his sick days in March.", ["Hudson"], [("PERSON", "Hudson")]),
    (
        "Jenkins installed a ramp at home for his mother.",
        ["Jenkins"],
        [("PERSON", "Jenkins")],
    ),
    ("Storm utilise un fauteuil roulant.", ["Storm"], [("PERSON", "Storm")]),
    (
        "Cassandra deployed the cluster yesterday.",
        ["Cassandra"],
        [("PERSON", "Cassandra")],
    ),
    (
        "The server was restarted by Cassandra and the pipeline is green.",
        ["Cassandra"],
        [("PERSON", "Cassandra")],
    ),
    ("Thanks Travis, the build is green.", ["Travis"], [("PERSON", "Travis")]),
    (
        "Email from Travis: the version of the contract is final.",
        ["Travis"],
        [("PERSON", "Travis")],
    ),
    ("Kafka hat den Server neu gestartet.", ["Kafka"], [("PERSON", "Kafka")]),
    (
        "Jenkins: I restarted the server\nOkafor: thanks",
        ["Jenkins"],
        [("PERSON", "Jenkins")],
    ),
    (
        "On-call this week: Jenkins (backend), Okafor (frontend).",
        ["Jenkins"],
        [("PERSON", "Jenkins")],
    ),
    (
        "signed off: Jenkins, cluster admin, 07700 900789",
        ["Jenkins"],
        [("PERSON", "Jenkins")],
    ),
    ("Helm upgraded the cluster last night", ["Helm"], [("PERSON", "Helm")]),
    ("Ember uses the new laptop.", ["Ember"], [("PERSON", "Ember")]),
    (
        "Spark and Okafor own the database migration.",
        ["Spark", "Okafor"],
        [("PERSON", "Spark"), ("PERSON", "Okafor")],
    ),
    (
        "Thanks to Nomad and Vault for the server upgrade.",
        ["Nomad", "Vault"],
        [("PERSON", "Nomad"), ("PERSON", "Vault")],
    ),
    ("GitHub user Hudson 2.1 release notes", ["Hudson"], [("PERSON", "Hudson")]),
    (
        "Herr Kafka und Cassandra Hudson",
        ["Kafka", "Cassandra Hudson"],
        [
            ("PERSON", "Kafka"),
            ("PERSON", "Cassandra Hudson"),
        ],
    ),
    ("node owner: Hudson", ["Hudson"], [("PERSON", "Hudson")]),
    (
        "Grafana alerts were checked by Sentry.",
        ["Sentry"],
        [("PERSON", "Sentry")],
    ),
]


@pytest.mark.parametrize(("text", "values", "expected"), NAME_TOOL_CASES)
def test_tools_that_are_names_need_strong_evidence(
    text: str, values: list[str], expected: list[tuple[str, str]]
) -> None:
    assert _kept(text, values) == expected


def _kept_at(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    findings = [Finding(start, end, "PERSON", 0.9, "test") for start, end in spans]
    return [(f.start, f.end) for f in without_software(text, findings, NAMES)]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # The person Kafka keeps the tool Kafka masked too (fail closed).
        (
            "Restart Kafka then tell Kafka (the person) it works.",
            [(0, 13), (24, 29)],
            [(0, 13), (24, 29)],
        ),
        (
            "The Jenkins pipeline was fixed by Jenkins, our SRE.",
            [(4, 11), (34, 41)],
            [(4, 11), (34, 41)],
        ),
        (
            "Travis 2.1 is flaky; Travis Okafor 07700 900123",
            [(0, 6), (21, 34)],
            [(0, 6), (21, 34)],
        ),
        # No person mention: the tool goes.
        ("Restart Kafka, then Kafka 3.6 is up.", [(8, 13), (20, 25)], []),
    ],
)
def test_a_tool_word_used_for_a_person_stays_everywhere(
    text: str, spans: list[tuple[int, int]], expected: list[tuple[int, int]]
) -> None:
    assert _kept_at(text, spans) == expected


IDENTIFIER_CASES = [
    # Names with a prefix and an inner capital are no code.
    ("McBean called about her test results.", ["McBean"], [("PERSON", "McBean")]),
    ("The patient, McBean, was discharged.", ["McBean"], [("PERSON", "McBean")]),
    ("Please forward the invoice to MacBean.", ["MacBean"], [("PERSON", "MacBean")]),
    (
        "LeTest? DeBase reviewed it.",
        ["LeTest", "DeBase"],
        [
            ("PERSON", "LeTest"),
            ("PERSON", "DeBase"),
        ],
    ),
    (
        "MacKenzie, DeShawn, LaToya, VanDyke and McDonald came.",
        ["MacKenzie", "DeShawn", "LaToya", "VanDyke", "McDonald"],
        [
            ("PERSON", "MacKenzie"),
            ("PERSON", "DeShawn"),
            ("PERSON", "LaToya"),
            ("PERSON", "VanDyke"),
            ("PERSON", "McDonald"),
        ],
    ),
    # A code word alone, without code around it, stays.
    ("Ask PersonService tomorrow.", ["PersonService"], [("PERSON", "PersonService")]),
    # Code: two inner capitals, a call, a dotted use, code words.
    ("The RedisCacheManager is slow.", ["RedisCacheManager"], []),
    ("Call PersonService() twice.", ["PersonService"], []),
    ("auth.UserBean was null", ["UserBean"], []),
    ("UserBean throws an exception", ["UserBean"], []),
]


@pytest.mark.parametrize(("text", "values", "expected"), IDENTIFIER_CASES)
def test_identifiers_need_a_code_shape(
    text: str, values: list[str], expected: list[tuple[str, str]]
) -> None:
    assert _kept(text, values) == expected


@pytest.mark.parametrize(("text", "values", "expected"), CASES)
def test_tools_and_code_are_no_people(
    text: str, values: list[str], expected: list[tuple[str, str]]
) -> None:
    assert _kept(text, values) == expected


def test_dates_and_other_entities_are_left_alone() -> None:
    assert _kept("KeyError", ["KeyError"], "DATE_TIME") == [("DATE_TIME", "KeyError")]
