"""``/metrics``: Prometheus text that counts requests, never a value."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from gdprgate.audit import AuditEntry
from gdprgate.gateway.metrics import GatewayMetrics
from tests.gateway.monitoring_stack import MonitoredStack, monitored_stack
from tests.support.canary import CANARIES, PERSON

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(url: str) -> tuple[str, Samples]:
    response = httpx.get(f"{url}/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    samples: Samples = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            samples[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return response.text, samples


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


@pytest.fixture
def stack(data_dir: Path) -> Iterator[MonitoredStack]:
    with monitored_stack(data_dir) as running:
        running.traffic()
        yield running


def test_requests_are_counted_by_route_status_and_purpose(
    stack: MonitoredStack,
) -> None:
    _, samples = scrape(stack.url)
    route = "/v1/chat/completions"
    ok = value(
        samples, "gdprgate_requests_total", route=route, status="200", purpose="support"
    )
    assert ok == 2
    assert (
        value(
            samples,
            "gdprgate_requests_total",
            route=route,
            status="401",
            purpose="none",
        )
        == 1
    )


def test_blocked_requests_carry_their_reason(stack: MonitoredStack) -> None:
    _, samples = scrape(stack.url)
    route = "/v1/chat/completions"
    blocked = value(
        samples,
        "gdprgate_blocked_requests_total",
        route=route,
        purpose="support",
        reason="blocked_entities",
    )
    assert blocked == 1
    refused = value(
        samples,
        "gdprgate_blocked_requests_total",
        route=route,
        purpose="none",
        reason="missing_api_key",
    )
    assert refused == 1


def test_entities_are_counted_per_direction_type_and_purpose(
    stack: MonitoredStack,
) -> None:
    _, samples = scrape(stack.url)
    name = "gdprgate_entities_total"
    assert (
        value(samples, name, direction="input", entity="PERSON", purpose="support") == 2
    )
    assert (
        value(samples, name, direction="output", entity="PERSON", purpose="support")
        == 2
    )
    caught = value(
        samples,
        "gdprgate_output_caught_requests_total",
        route="/v1/chat/completions",
        purpose="support",
    )
    assert caught == 2


def test_latency_histograms_count_forwarded_requests(stack: MonitoredStack) -> None:
    _, samples = scrape(stack.url)
    route = "/v1/chat/completions"
    assert value(samples, "gdprgate_added_latency_seconds_count", route=route) == 2
    assert value(samples, "gdprgate_request_duration_seconds_count", route=route) == 4


def test_scrape_time_gauges(stack: MonitoredStack) -> None:
    """Vault size, rights requests, retention and audit chain state are exported."""
    _, samples = scrape(stack.url)
    assert value(samples, "gdprgate_vault_entries") == stack.gateway.vault.count()
    assert stack.gateway.vault.count() >= 1
    assert ("gdprgate_rights_requests_open", frozenset()) in samples
    assert ("gdprgate_rights_requests_overdue", frozenset()) in samples
    assert value(samples, "gdprgate_audit_chain_status", state="unverified") == 1
    assert value(samples, "gdprgate_audit_chain_status", state="ok") == 0
    assert (
        "gdprgate_retention_deletions_total",
        frozenset({("store", "vault")}),
    ) in samples


def test_registered_sources_are_read_at_scrape_time(stack: MonitoredStack) -> None:
    class Rights:
        def open_count(self) -> int:
            return 3

        def overdue_count(self) -> int:
            return 1

    class Chain:
        def chain_state(self) -> str:
            return "broken"

    stack.gateway.metrics.sources.rights = Rights()
    stack.gateway.metrics.sources.audit_chain = Chain()  # type: ignore[assignment]
    stack.gateway.metrics.retention_deleted("vault", 5)
    _, samples = scrape(stack.url)
    assert value(samples, "gdprgate_rights_requests_open") == 3
    assert value(samples, "gdprgate_rights_requests_overdue") == 1
    assert value(samples, "gdprgate_audit_chain_status", state="broken") == 1
    assert value(samples, "gdprgate_retention_deletions_total", store="vault") == 5


def test_no_metric_holds_a_value_a_key_or_a_subject(stack: MonitoredStack) -> None:
    text, _ = scrape(stack.url)
    lowered = text.lower()
    for canary in CANARIES:
        assert canary.lower() not in lowered
        assert canary.replace(" ", "").lower() not in lowered
    assert stack.secret not in text
    assert stack.key_id not in text
    assert "acme" not in text


def test_labels_the_code_did_not_produce_are_folded() -> None:
    """A label value of unexpected shape never reaches the exposition."""
    metrics = GatewayMetrics()
    metrics.observe(
        AuditEntry(
            request_id="req_1",
            tenant="t",
            route="/v1/chat/completions",
            status=200,
            outcome="ok",
            latency_ms=3.0,
            purpose="Not An Id!",
            entity_counts={"someone@example.org": 1},
        )
    )
    text = metrics.exposition().decode()
    assert "someone@example.org" not in text
    assert "Not An Id!" not in text
    assert 'entity="OTHER"' in text
    assert 'purpose="none"' in text


def test_streamed_answers_are_counted_when_the_stream_ends(data_dir: Path) -> None:
    with monitored_stack(data_dir) as stack:
        body = {
            "model": "m",
            "stream": True,
            "messages": [{"role": "user", "content": f"Hello {PERSON}"}],
        }
        headers = {"authorization": f"Bearer {stack.secret}"}
        url = f"{stack.url}/v1/chat/completions"
        with httpx.stream("POST", url, json=body, headers=headers) as response:
            assert response.status_code == 200
            streamed = "".join(response.iter_text())
        assert "[DONE]" in streamed
        _, samples = scrape(stack.url)
    route = "/v1/chat/completions"
    labels = {"route": route, "status": "200", "purpose": "support"}
    assert value(samples, "gdprgate_requests_total", **labels) == 1
    assert value(samples, "gdprgate_added_latency_seconds_count", route=route) == 1
    output = {"direction": "output", "entity": "PERSON", "purpose": "support"}
    assert value(samples, "gdprgate_entities_total", **output) == 1


def test_a_metrics_token_guards_the_scrape(stack: MonitoredStack) -> None:
    stack.gateway.metrics.scrape_token = "scrape-secret-for-tests"
    url = f"{stack.url}/metrics"
    assert httpx.get(url).status_code == 401
    wrong = httpx.get(url, headers={"authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong.json()["error"]["code"] == "invalid_metrics_token"
    right = httpx.get(url, headers={"authorization": "Bearer scrape-secret-for-tests"})
    assert right.status_code == 200
    assert "gdprgate_requests_total" in right.text
