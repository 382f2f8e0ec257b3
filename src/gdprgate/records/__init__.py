"""Records: the Art. 30 record of processing, the data-flow map and the
evidence bundle, rendered from the policy plus observed traffic.

The policy is read as a :class:`DraftPolicy` so that a record can be printed
(with its gaps flagged) from a file the gateway itself would refuse.
"""

from gdprgate.records.draft import DraftPolicy
from gdprgate.records.evidence import write_bundle
from gdprgate.records.flowmap import (
    DOT_MISSING,
    build_map,
    dot_available,
    to_dot,
    to_mermaid,
    to_svg,
)
from gdprgate.records.gaps import Gap, find_gaps
from gdprgate.records.observed import Observed, observe
from gdprgate.records.record import build_record
from gdprgate.records.registers import NothingRegistered, Registers, RightsSummary
from gdprgate.records.render import to_html, to_json, to_markdown
from gdprgate.records.sources import PolicyInForce, compile_record, read_policy

__all__ = [
    "DOT_MISSING",
    "DraftPolicy",
    "Gap",
    "NothingRegistered",
    "Observed",
    "PolicyInForce",
    "Registers",
    "RightsSummary",
    "build_map",
    "build_record",
    "compile_record",
    "dot_available",
    "find_gaps",
    "observe",
    "read_policy",
    "to_dot",
    "to_html",
    "to_json",
    "to_markdown",
    "to_mermaid",
    "to_svg",
    "write_bundle",
]
