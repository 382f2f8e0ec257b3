"""The record of processing as Markdown, HTML or JSON.

Markdown and HTML follow the order of Art. 30(1)(a)-(g), then Art. 30(2),
the registers and the gaps. Every text from the policy is escaped.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from typing import Any

from gdprgate.records.record import NONE_REGISTERED, Record

TITLE = "Record of processing activities (Art. 30 GDPR)"


def to_json(record: Record) -> str:
    """The record as indented JSON."""
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


def sections(record: Record) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(field, text)]) in record order, shared by both renderers."""
    yield "Period and sources", _period(record)
    controller = record["controller_record"]
    yield "Art. 30(1)(a) Controller", _party(controller["a_controller"])
    for activity in controller["activities"]:
        yield f"Processing activity: {activity['id']}", _activity(activity)
    yield (
        "Client applications (per tenant and purpose)",
        [
            (
                f"{c['tenant']} / {c['purpose']}",
                ", ".join(c["applications"]) or "seen in traffic",
            )
            for c in record["clients"]
        ]
        or [("clients", "none registered")],
    )
    if controller["undeclared_purposes_seen"]:
        seen = ", ".join(controller["undeclared_purposes_seen"])
        yield "Purposes seen in traffic, not in the policy", [("purposes", seen)]
    yield (
        "Art. 30(1)(g) Security measures (Art. 32(1))",
        _items(controller["g_security_measures"]),
    )
    processor = record["processor_record"]
    if processor is not None:
        yield "Art. 30(2) Processor's record", _processor(processor)
    yield "Registers", _registers(record["registers"])


def _period(record: Record) -> list[tuple[str, str]]:
    period = record["period"]
    return [
        ("generated", record["generated_at"]),
        ("traffic from", period["since"] or "the first audit entry"),
        ("traffic until", period["until"] or "now"),
        ("requests in period", str(period["requests"])),
        ("policy SHA-256", record["policy_sha256"] or "built-in policy"),
    ]


def _party(party: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        ("name", party["name"]),
        ("contact", party["contact"]),
        ("data protection officer", party["dpo_contact"] or "not declared"),
        ("EU representative (Art. 27)", party["eu_representative"] or "not declared"),
        ("joint controllers", ", ".join(party["joint_controllers"]) or "none"),
    ]


def _activity(a: dict[str, Any]) -> list[tuple[str, str]]:
    seen = a["c_seen"]
    basis = a["legal_basis"]
    art9 = a["art9_condition"]
    recipients = a["d_recipients"]
    return [
        ("(b) purpose", a["b_purpose"]),
        (
            "legal basis",
            f"Art. {basis['article']} {basis['name']}" if basis else "MISSING",
        ),
        (
            "Art. 9(2) condition",
            f"Art. {art9['article']} {art9['name']}" if art9 else "none",
        ),
        ("(c) categories of data subjects", ", ".join(a["c_data_subjects"])),
        ("(c) categories of personal data", ", ".join(a["c_data_categories"])),
        ("(c) special categories", ", ".join(a["c_special_categories"]) or "none"),
        ("(c) seen in traffic", _counts(seen)),
        ("(d) recipients", ", ".join(recipients["declared"]) or "none declared"),
        ("(d) models allowed", ", ".join(recipients["models_allowed"])),
        ("(d) models called", _named_counts(recipients["models_called"])),
        ("(e) transfers to third countries", _transfers(a["e_transfers"])),
        ("(f) time limits for erasure", _retention(a["f_retention"])),
    ]


def _counts(seen: dict[str, Any]) -> str:
    requests = (
        f"{seen['requests']} requests ({seen['forwarded']} forwarded, "
        f"{seen['not_forwarded']} not forwarded)"
    )
    parts = [requests]
    if seen["input"]:
        parts.append("in requests: " + _named_counts(seen["input"]))
    if seen["output"]:
        parts.append("produced by the model: " + _named_counts(seen["output"]))
    if seen["tenants"]:
        parts.append("tenants: " + ", ".join(seen["tenants"]))
    return "; ".join(parts)


def _named_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} ({v})" for k, v in counts.items()) or "none"


def _transfers(transfers: list[dict[str, Any]]) -> str:
    if not transfers:
        return "none"
    return "; ".join(
        f"{t['country']}: {t['safeguard_text'] or 'NO SAFEGUARD'}"
        + (f" ({t['recipient']})" if t["recipient"] else "")
        for t in transfers
    )


def _retention(retention: dict[str, str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in retention.items()) or "MISSING"


def _items(items: list[str]) -> list[tuple[str, str]]:
    return [(str(i), text) for i, text in enumerate(items, start=1)]


def _processor(p: dict[str, Any]) -> list[tuple[str, str]]:
    rows = [(f"(a) processor: {k}", v) for k, v in _party(p["a_processor"])]
    for item in p["a_controllers"]:
        controller = item["controller"]
        name = controller["name"] if controller else "the controller above"
        contact = f" ({controller['contact']})" if controller else ""
        rows.append((f"(a) controller of tenant {item['tenant']}", name + contact))
        rows.append(
            (
                f"(b) processing for tenant {item['tenant']}",
                ", ".join(item["b_categories_of_processing"]),
            )
        )
    transfers = "; ".join(
        f"{t['purpose']}: {t['country']} ({t['safeguard'] or 'NO SAFEGUARD'})"
        for t in p["c_transfers"]
    )
    rows.append(("(c) transfers", transfers or "none"))
    rows.append(("(d) security measures", "as in Art. 30(1)(g) above"))
    return rows


def _registers(r: dict[str, Any]) -> list[tuple[str, str]]:
    hooks = r["deletion_hooks"]
    datasets = r["datasets"]
    rights = r["rights_requests"]
    return [
        ("deletion hooks", hooks if isinstance(hooks, str) else ", ".join(hooks)),
        (
            "datasets scrubbed",
            datasets
            if isinstance(datasets, str)
            else ", ".join(f"{d['name']} ({d['records']} records)" for d in datasets),
        ),
        ("stored payloads", "yes" if r["stored_payloads"] else "none"),
        (
            "rights requests",
            rights
            if isinstance(rights, str)
            else ", ".join(f"{k} {v}" for k, v in rights.items()),
        ),
    ]


def to_markdown(record: Record, mermaid: str | None = None) -> str:
    """The record as Markdown, with the map as a Mermaid block."""
    out = [f"# {TITLE}", ""]
    for heading, rows in sections(record):
        out += [f"## {heading}", "", "| field | value |", "|---|---|"]
        out += [f"| {_md(k)} | {_md(v)} |" for k, v in rows]
        out.append("")
    out += ["## Gaps", ""]
    out += [
        f"- **{g['kind']}** ({g['purpose'] or 'whole record'}): {_md(g['detail'])}"
        for g in record["gaps"]
    ] or ["- none found"]
    if mermaid:
        out += ["", "## Data-flow map", "", "```mermaid", mermaid.rstrip(), "```"]
    return "\n".join(out) + "\n"


def to_html(record: Record, svg: str | None = None, mermaid: str | None = None) -> str:
    """The record as one HTML page, with the map embedded (SVG or Mermaid)."""
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(TITLE)}</title>",
        "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;"
        "padding:.3em;text-align:left;vertical-align:top}.gap{color:#a00}</style>",
        f"</head><body><h1>{e(TITLE)}</h1>",
    ]
    for heading, rows in sections(record):
        out.append(f"<h2>{e(heading)}</h2><table>")
        out += [f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows]
        out.append("</table>")
    out.append('<h2>Gaps</h2><ul class="gaps">')
    out += [
        f'<li class="gap"><b>{e(g["kind"])}</b> ({e(g["purpose"] or "whole record")}): '
        f"{e(g['detail'])}</li>"
        for g in record["gaps"]
    ] or ["<li>none found</li>"]
    out.append("</ul><h2>Data-flow map</h2>")
    if svg is not None:
        out.append(f'<figure class="map">{_strip_xml_prolog(svg)}</figure>')
    elif mermaid is not None:
        out.append(f'<pre class="mermaid">{e(mermaid)}</pre>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _strip_xml_prolog(svg: str) -> str:
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


__all__ = ["NONE_REGISTERED", "sections", "to_html", "to_json", "to_markdown"]
