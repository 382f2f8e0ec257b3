"""End to end: diseases, drugs, tools, code, mail headers and form labels
are no people; the people beside them and bearing their names stay
masked."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector

NAME_ENTITIES = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})


@pytest.mark.parametrize(
    ("language", "text", "names"),
    [
        # Clinical notes.
        (
            "en",
            "Patient has Parkinson's disease and Crohn's disease; "
            "history of Hodgkin lymphoma.",
            [],
        ),
        (
            "it",
            "Diagnosi: morbo di Basedow, sindrome di Tourette. "
            "Terapia: Tachipirina 1000.",
            [],
        ),
        (
            "pl",
            "Rozpoznanie: choroba Hashimoto, zespół Aspergera. Leczenie: Euthyrox 50.",
            [],
        ),
        ("de", "Z.n. Hashimoto-Thyreoiditis", []),
        ("es", "Tratamiento con Sintrom 4 mg.", []),
        ("en", "Dr. Parkinson examined the patient.", ["Dr. Parkinson"]),
        ("de", "Frau Hashimoto kommt morgen.", ["Frau Hashimoto"]),
        ("en", "Parkinson said the results were fine.", ["Parkinson"]),
        # Technical text.
        ("en", "We use Kafka, Spark, Jenkins, Ansible and Grafana", []),
        ("en", "Restart Kafka after the upgrade.", []),
        ("fr", "Nous utilisons Jenkins et Grafana pour la supervision.", []),
        ("en", "PersonService throws AttributeError.", []),
        ("de", "Der Jenkins-Job ist fehlgeschlagen.", []),
        ("en", "Ms Jenkins deployed the server yesterday.", ["Ms Jenkins"]),
        ("en", "Anna Kafka joined the cluster team.", ["Anna Kafka"]),
        ("en", "Redis 7.2.4 started.", []),
        # Tools, code words, diseases and doses beside people: the people.
        ("en", "Travis uses a wheelchair.", ["Travis"]),
        ("de", "Kafka hat den Server neu gestartet.", ["Kafka"]),
        ("fr", "Storm utilise un fauteuil roulant.", ["Storm"]),
        ("en", "McBean called about her test results.", ["McBean"]),
        ("en", "Treatment with Nwosu was arranged by the ward.", ["Nwosu"]),
        ("nl", "Behandeling door Wijnaldum 2x per week.", ["Wijnaldum"]),
        (
            "en",
            "Ward round: patient Nwachukwu's dementia is worse.",
            ["Nwachukwu"],
        ),
        # Mail headers, trailers and form labels; the names after them.
        ("nl", "Van: afdeling inkoop\nAan: alle medewerkers", []),
        ("sv", "Till: alla anställda\nFrån: HR", []),
        ("de", "Handy: bitte ausschalten während der Sitzung.", []),
        (
            "en",
            "Signed-off-by: Tom Crane <tc@example.org>\n"
            "Reviewed-by: Ann Vole <av@example.org>",
            ["Tom Crane", "Ann Vole"],
        ),
    ],
)
def test_only_people_are_masked(
    full_detector: Detector, language: str, text: str, names: list[str]
) -> None:
    found = full_detector.analyze(text, language)
    assert [text[f.start : f.end] for f in found if f.entity in NAME_ENTITIES] == names
