"""The deployment examples refer only to metrics the gateway exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from gdprgate.gateway.metrics import GatewayMetrics

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"


def _exported_names() -> set[str]:
    metrics = GatewayMetrics()
    metrics.sources.vault_size = lambda: 0
    text = metrics.exposition().decode()
    names = re.findall(r"^# TYPE (\w+) ", text, re.M)
    return {_family(name) for name in names}


def _family(name: str) -> str:
    return re.sub(r"_(total|bucket|count|sum)$", "", name)


def test_every_dashboard_query_uses_exported_metrics() -> None:
    dashboard = json.loads((DEPLOY / "grafana" / "gdprgate.json").read_text())
    exported = _exported_names()
    used: set[str] = set()
    for panel in dashboard["panels"]:
        for target in panel["targets"]:
            used |= set(re.findall(r"\bgdprgate_\w+", target["expr"]))
    assert used
    families = {re.sub(r"_(total|bucket|count|sum)$", "", name) for name in used}
    assert families <= exported


def test_prometheus_example_scrapes_metrics() -> None:
    config = yaml.safe_load((DEPLOY / "prometheus" / "prometheus.yml").read_text())
    [job] = config["scrape_configs"]
    assert job["metrics_path"] == "/metrics"
