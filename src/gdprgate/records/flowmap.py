"""The data-flow map: where personal data goes, drawn from the record.

The map is built once as nodes and labelled edges from a record (see
:mod:`gdprgate.records.record`), then written as Mermaid or Graphviz DOT;
SVG comes from Graphviz's ``dot`` when it is installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from typing import Any

from gdprgate.errors import ConfigError

DOT_MISSING = (
    "Graphviz 'dot' is not installed, so no SVG could be drawn: install it "
    "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"
)


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str  # client, gateway, store, model, dataset, hook


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str


@dataclass
class FlowMap:
    """Nodes and labelled edges, in drawing order."""

    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def add(self, node_id: str, label: str, kind: str) -> str:
        if all(n.id != node_id for n in self.nodes):
            self.nodes.append(Node(node_id, label, kind))
        return node_id

    def link(self, source: str, target: str, label: str) -> None:
        self.edges.append(Edge(source, target, label))


def build_map(record: dict[str, Any]) -> FlowMap:
    """The map of a record: clients, gateway, vault, models, audit, registers."""
    flow = FlowMap()
    gateway = flow.add("gateway", "gdprgate gateway", "gateway")
    vault = flow.add("vault", "vault (encrypted values)", "store")
    audit = flow.add("audit", "audit store (counts, types, tokens)", "store")
    flow.link(gateway, audit, "ids, counts, types, tokens; no values")

    vault_categories: set[str] = set()
    for activity in record["controller_record"]["activities"]:
        categories = _categories(activity)
        vault_categories.update(categories)
        for client in _clients(flow, activity, record["clients"]):
            flow.link(client, gateway, ", ".join(categories) or "none declared")
        for model in _models(flow, activity):
            flow.link(gateway, model, "pseudonymised: " + _short(categories))
    flow.link(gateway, vault, "values of: " + _short(sorted(vault_categories)))

    _registers(flow, record["registers"], gateway, vault)
    return flow


def _categories(activity: dict[str, Any]) -> list[str]:
    declared = list(activity["c_data_categories"])
    seen = [c for c in activity["c_seen"]["categories"] if c not in declared]
    return declared + seen


def _clients(
    flow: FlowMap, activity: dict[str, Any], clients: list[dict[str, Any]]
) -> list[str]:
    purpose = activity["id"]
    mine = [c for c in clients if c["purpose"] == purpose]
    if not mine:
        mine = [{"tenant": "any tenant", "applications": []}]
    nodes = []
    for client in mine:
        apps = client["applications"]
        label = f"clients: {client['tenant']} / {purpose}"
        if apps:
            label += " (" + _short(apps, 3) + ")"
        node_id = _node_id("client", client["tenant"], purpose)
        nodes.append(flow.add(node_id, label, "client"))
    return nodes


def _models(flow: FlowMap, activity: dict[str, Any]) -> list[str]:
    recipients = activity["d_recipients"]
    names = list(recipients["models_called"]) or [
        m for m in recipients["models_allowed"] if m != "any"
    ]
    where = {t["country"] for t in activity["e_transfers"]}
    suffix = f" ({', '.join(sorted(where))})" if where else ""
    if not names:
        names = ["upstream model"]
    return [
        flow.add(_node_id("model", name), f"model: {name}{suffix}", "model")
        for name in names
    ]


def _registers(
    flow: FlowMap, registers: dict[str, Any], gateway: str, vault: str
) -> None:
    if registers["stored_payloads"]:
        payloads = flow.add("payloads", "stored payloads", "store")
        flow.link(gateway, payloads, "protected requests and answers")
    datasets = registers["datasets"]
    if isinstance(datasets, list) and datasets:
        index = flow.add("subject_index", "subject index", "store")
        for dataset in datasets:
            node = flow.add(
                _node_id("dataset", dataset["name"]),
                f"dataset: {dataset['name']} (scrubbed)",
                "dataset",
            )
            flow.link(node, index, ", ".join(sorted(dataset["entities"])) or "-")
    hooks = registers["deletion_hooks"]
    if isinstance(hooks, list):
        for hook in hooks:
            node = flow.add(_node_id("hook", hook), f"deletion hook: {hook}", "hook")
            flow.link(vault, node, "erasure requests")


def _node_id(*parts: str) -> str:
    return "_".join(re.sub(r"[^A-Za-z0-9]", "_", part) for part in parts)


def _short(items: list[str], limit: int = 4) -> str:
    if not items:
        return "none declared"
    shown = ", ".join(items[:limit])
    return shown + (f" +{len(items) - limit}" if len(items) > limit else "")


def to_mermaid(flow: FlowMap) -> str:
    """The map as a Mermaid flowchart."""
    shapes = {"store": ("[(", ")]"), "model": ("[[", "]]"), "gateway": ("{{", "}}")}
    lines = ["flowchart LR"]
    for node in flow.nodes:
        left, right = shapes.get(node.kind, ("[", "]"))
        lines.append(f'  {node.id}{left}"{_mermaid_text(node.label)}"{right}')
    for edge in flow.edges:
        label = _mermaid_text(edge.label)
        lines.append(f'  {edge.source} -->|"{label}"| {edge.target}')
    return "\n".join(lines) + "\n"


def to_dot(flow: FlowMap) -> str:
    """The map as a Graphviz DOT digraph."""
    shapes = {
        "store": "cylinder",
        "model": "box3d",
        "gateway": "hexagon",
        "hook": "cds",
        "dataset": "folder",
    }
    lines = [
        "digraph gdprgate {",
        "  rankdir=LR;",
        '  node [fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    for node in flow.nodes:
        shape = shapes.get(node.kind, "box")
        lines.append(f'  "{node.id}" [label="{_dot_text(node.label)}", shape={shape}];')
    for edge in flow.edges:
        label = _dot_text(edge.label)
        lines.append(f'  "{edge.source}" -> "{edge.target}" [label="{label}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def dot_available() -> bool:
    """Whether Graphviz's ``dot`` is on the PATH."""
    return shutil.which("dot") is not None


def to_svg(flow: FlowMap) -> str:
    """The map drawn as SVG by Graphviz; :class:`ConfigError` without ``dot``."""
    dot = shutil.which("dot")
    if dot is None:
        raise ConfigError(DOT_MISSING)
    try:
        done = subprocess.run(  # noqa: S603 - fixed program, DOT text on stdin
            [dot, "-Tsvg"],
            input=to_dot(flow).encode(),
            capture_output=True,
            check=True,
            timeout=60,
        )
    except (subprocess.SubprocessError, OSError) as exc:
        msg = "Graphviz 'dot' failed to draw the map"
        raise ConfigError(msg) from exc
    return done.stdout.decode("utf-8")


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;").replace("\n", " ")


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
