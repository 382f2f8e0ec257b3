"""The data-flow map: Mermaid always, SVG through Graphviz when installed."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from gdprgate.cli import main

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None,
    reason="Graphviz 'dot' is not installed (apt-get install graphviz)",
)
SVG = "{http://www.w3.org/2000/svg}"


def run_map(policy: Path, data_dir: Path, *args: str, **env: str) -> tuple[str, str]:
    result = CliRunner(env=env or None).invoke(
        main, ["map", "--policy", str(policy), "--data-dir", str(data_dir), *args]
    )
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def test_mermaid_map_has_every_touchpoint_and_categories(
    policy_file: Path, traffic: Path
) -> None:
    text, _ = run_map(policy_file, traffic)
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    for node in ("gateway", "vault", "audit", "model_m"):
        assert any(line.strip().startswith(node) for line in lines)
    assert any(
        "clients: default / customer.support (unnamed key)" in line for line in lines
    )
    arrow = next(
        line
        for line in lines
        if line.strip().startswith("client_default_customer_support -->")
    )
    assert "user.contact.email" in arrow
    assert "user.contact.phone_number" in arrow


def test_dot_map_is_a_digraph(policy_file: Path, traffic: Path) -> None:
    text, _ = run_map(policy_file, traffic, "--format", "dot")
    assert text.startswith("digraph gdprgate {")
    assert '"gateway" -> "vault"' in text
    assert text.rstrip().endswith("}")


@needs_dot
def test_svg_map_parses_and_names_the_touchpoints(
    policy_file: Path, traffic: Path
) -> None:
    text, _ = run_map(policy_file, traffic, "--format", "svg")
    root = ET.fromstring(text)  # noqa: S314 - the test's own output
    assert root.tag == f"{SVG}svg"
    labels = {t.text for t in root.iter(f"{SVG}text")}
    assert "gdprgate gateway" in labels
    assert "vault (encrypted values)" in labels
    assert "model: m" in labels
    assert "clients: default / customer.support (unnamed key)" in labels


def test_without_dot_the_map_says_how_to_get_it_and_writes_mermaid(
    policy_file: Path, traffic: Path, tmp_path: Path
) -> None:
    out = traffic / "map.svg"
    _, err = run_map(
        policy_file, traffic, "--format", "svg", "-o", str(out), PATH=str(tmp_path)
    )
    assert "apt-get install graphviz" in err
    assert not out.exists()
    assert out.with_suffix(".mmd").read_text().startswith("flowchart LR")


@needs_dot
def test_html_record_embeds_the_svg_map(policy_file: Path, traffic: Path) -> None:
    args = ["records", "--format", "html", "--policy", str(policy_file)]
    args += ["--data-dir", str(traffic)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    start = result.stdout.index("<svg")
    end = result.stdout.index("</svg>") + len("</svg>")
    ET.fromstring(result.stdout[start:end])  # noqa: S314 - the test's own output
