"""Policy files: the example loads, bad files name line and field, never values."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from gdprgate.errors import ConfigError, PolicyError
from gdprgate.policy import (
    EXAMPLE_POLICY,
    default_policy,
    load_policy,
    parse_duration,
    parse_policy,
)
from tests.support.canary import EMAIL, PERSON, PERSON_2

DOCS = Path(__file__).parents[2] / "docs" / "policy.md"

# Lines 1-11; the cases below add lines from 12 on or replace one line.
BASE = f"""\
controller:
  name: Fictional Clinic GmbH
  contact: {EMAIL}
tenants:
  - id: default
purposes:
  - id: support
    description: Answering tickets.
    legal_basis: b
    data_subjects: [customer]
    data_categories: [user.contact.email]
"""


def _problems(text: str) -> tuple[str, ...]:
    with pytest.raises(PolicyError) as caught:
        parse_policy(text, "test.yaml")
    return caught.value.problems


def test_example_policy_loads_and_declares_the_default_purpose() -> None:
    policy = parse_policy(EXAMPLE_POLICY)
    assert policy.has_tenant("default")
    assert policy.purpose("default") is not None
    assert all(p.legal_basis in "abcdef" for p in policy.purposes)


def test_base_policy_is_valid() -> None:
    policy = parse_policy(BASE)
    purpose = policy.purpose("support")
    assert purpose is not None
    assert purpose.legal_basis == "b"
    assert purpose.input_action("PERSON") == "token"


@pytest.mark.parametrize(
    ("text", "line", "field", "fragment"),
    [
        (
            BASE.replace("legal_basis: b", f"legal_basis: {PERSON}"),
            9,
            "purposes[0].legal_basis",
            "must be one of a-f",
        ),
        (
            BASE + f"    input_actions:\n      PERSON: {PERSON_2}\n",
            13,
            "purposes[0].input_actions.PERSON",
            "'keep', 'token', 'surrogate', 'redact' or 'block'",
        ),
        (
            BASE.replace("[user.contact.email]", "[user.health_and_medical]"),
            7,
            "purposes[0].art9_condition",
            "Art. 9(2) condition",
        ),
        (
            BASE
            + f"    transfers:\n      - country: US\n        recipient: {PERSON}\n",
            13,
            "purposes[0].transfers[0].safeguard",
            "Field required",
        ),
        (
            BASE + f"    retention:\n      vault: {PERSON}\n",
            13,
            "purposes[0].retention.vault",
            "not a duration",
        ),
        (
            BASE + "  - id: support\n    description: Again.\n    legal_basis: f\n"
            "    data_subjects: [customer]\n    data_categories: [user]\n",
            12,
            "purposes[1].id",
            "duplicate id",
        ),
        (
            BASE + "    legal_bassis: f\n",
            12,
            "purposes[0].legal_bassis",
            "Extra inputs are not permitted",
        ),
    ],
    ids=[
        "legal-basis",
        "unknown-action",
        "art9-without-condition",
        "transfer-without-safeguard",
        "bad-retention",
        "duplicate-purpose",
        "unknown-key",
    ],
)
def test_invalid_policy_names_line_and_field(
    text: str, line: int, field: str, fragment: str
) -> None:
    problems = _problems(text)
    assert problems[0].startswith(f"test.yaml:{line}: {field}: "), problems
    assert fragment in problems[0]
    for value in (PERSON, PERSON_2, EMAIL, "Fictional Clinic"):
        assert all(value not in problem for problem in problems)


def test_a_name_written_as_a_key_is_not_repeated() -> None:
    problems = _problems(BASE + f"    {PERSON}: x\n")
    assert problems == (
        "test.yaml:12: purposes[0].<key>: Extra inputs are not permitted",
    )


def test_every_problem_is_reported() -> None:
    text = BASE.replace("legal_basis: b", "legal_basis: z") + "    restore: 3\n"
    problems = _problems(text)
    assert [p.split(": ")[1] for p in problems] == [
        "purposes[0].legal_basis",
        "purposes[0].restore",
    ]


def test_duplicate_yaml_keys_are_refused() -> None:
    problems = _problems(BASE + "    legal_basis: f\n")
    assert problems == ("test.yaml:12: purposes[0].legal_basis: duplicate key",)


def test_yaml_aliases_are_refused() -> None:
    text = BASE + "    data_subjects: &s [a]\n    recipients: *s\n"
    text = text.replace("    data_subjects: [customer]\n", "")
    assert "aliases are not supported" in _problems(text)[0]


def test_broken_yaml_gives_a_line_without_quoting_the_file() -> None:
    problems = _problems(BASE + f'    description: "{PERSON}\n')
    assert re.match(r"test\.yaml:\d+: not valid YAML", problems[0])
    assert PERSON not in problems[0]


@pytest.mark.parametrize("text", ["", "- a\n- b\n", "just text\n"])
def test_policy_must_be_a_mapping(text: str) -> None:
    assert "must be a YAML mapping" in _problems(text)[0]


def test_missing_controller_is_reported_at_the_top() -> None:
    text = BASE.split("tenants:", 1)[1]
    assert _problems("tenants:" + text) == ("test.yaml:1: controller: Field required",)


def test_load_policy_reads_a_file_and_names_it(tmp_path: Path) -> None:
    path = tmp_path / "gdprgate.yaml"
    path.write_text(BASE.replace("legal_basis: b", "legal_basis: 6(1)(g)"))
    with pytest.raises(ConfigError, match=r"gdprgate\.yaml:9: purposes\[0\]"):
        load_policy(path)


def test_load_policy_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="cannot read the policy file"):
        load_policy(tmp_path / "absent.yaml")


@pytest.mark.parametrize(
    ("written", "expected"),
    [("f", "f"), ("6(1)(a)", "a"), ("Art. 6(1)(c)", "c"), ("contract", "b")],
)
def test_legal_basis_spellings_are_normalised(written: str, expected: str) -> None:
    policy = parse_policy(BASE.replace("legal_basis: b", f"legal_basis: {written}"))
    assert policy.purposes[0].legal_basis == expected


@pytest.mark.parametrize("written", ["a", "9(2)(a)", "Art. 9(2)(a)"])
def test_art9_condition_is_normalised(written: str) -> None:
    text = BASE.replace("[user.contact.email]", "[user.health_and_medical.x]")
    policy = parse_policy(text + f"    art9_condition: {written}\n")
    purpose = policy.purposes[0]
    assert purpose.art9_condition == "9(2)(a)"
    assert purpose.allows_special_categories
    assert purpose.special_categories == ["user.health_and_medical.x"]


def test_transfer_to_an_eea_country_is_not_a_transfer() -> None:
    transfer = "    transfers:\n      - {country: de, safeguard: scc}\n"
    problems = _problems(BASE + transfer)
    assert problems[0].startswith("test.yaml:13: purposes[0].transfers[0].country:")


def test_purpose_answers_actions_models_and_retention() -> None:
    text = BASE + (
        "    models: [small-model]\n"
        "    input_actions: {PERSON: surrogate}\n"
        "    default_output_action: redact\n"
        "    retention: {vault: P30D}\n"
    )
    purpose = parse_policy(text).purposes[0]
    assert purpose.input_action("PERSON") == "surrogate"
    assert purpose.input_action("EMAIL_ADDRESS") == "token"
    assert purpose.output_action("PERSON") == "redact"
    assert purpose.allows_model("small-model")
    assert not purpose.allows_model("other-model")
    assert purpose.retention_period("vault") == timedelta(days=30)
    assert purpose.retention_period("audit") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30d", timedelta(days=30)),
        ("12h", timedelta(hours=12)),
        ("6w", timedelta(weeks=6)),
        ("18mo", timedelta(days=540)),
        ("1y", timedelta(days=365)),
        ("15min", timedelta(minutes=15)),
        ("P1Y6M", timedelta(days=545)),
        ("PT12H30M", timedelta(hours=12, minutes=30)),
        ("P2W", timedelta(weeks=2)),
    ],
)
def test_durations_parse(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["6m", "P", "PT", "0d", "P0D", "d", "-3d", "1.5d"])
def test_ambiguous_or_empty_durations_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


def test_default_policy_tokenises_everything() -> None:
    policy = default_policy()
    purpose = policy.purpose("default")
    assert purpose is not None
    assert policy.has_tenant("default")
    assert purpose.legal_basis == "f"
    assert purpose.input_action("PERSON") == purpose.output_action("IBAN_CODE")
    assert purpose.input_action("PERSON") == "token"
    assert purpose.restore
    assert not purpose.allows_special_categories


def test_default_policy_is_documented_as_it_is() -> None:
    """docs/policy.md shows the built-in policy; the YAML there must equal it."""
    docs = DOCS.read_text(encoding="utf-8")
    block = docs.split("<!-- default-policy -->", 1)[1]
    yaml_text = block.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert parse_policy(yaml_text) == default_policy()


def test_python_tags_are_refused_not_run() -> None:
    problems = _problems(BASE + "    restore: !!python/object/apply:os.getpid []\n")
    assert problems[0].startswith("test.yaml:12: not valid YAML")


def test_a_misspelt_entity_type_is_refused_with_its_line() -> None:
    problems = _problems(BASE + "    input_actions: {IBAN_CDOE: redact}\n")
    assert problems[0].startswith("test.yaml:12: purposes[0].input_actions")
    assert "unknown entity type 'IBAN_CDOE'" in problems[0]
    assert "IBAN_CODE" in problems[0]
