"""Reading a policy file: YAML in, a validated :class:`Policy` or one line per
problem out.

Every problem is reported as ``FILE:LINE: field: problem``. The line comes
from the YAML node marks of the field at fault (or of its nearest parent
when the field is missing). Messages never quote a value from the file: a
policy holds contact details, and error lines end up in logs.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from gdprgate.errors import PolicyError
from gdprgate.policy.model import LocatedError, Policy

Loc = tuple[str | int, ...]
T = TypeVar("T")
P = TypeVar("P", bound=Policy)

MAX_POLICY_BYTES = 1024 * 1024
_SAFE_KEY = re.compile(r"[a-z_][a-z0-9_]{0,63}|[A-Z][A-Z0-9_]{0,63}")


def load_policy(path: Path) -> Policy:
    """The policy in ``path``; :class:`PolicyError` names file, line and field."""
    return load_policy_as(path, Policy)


def load_policy_as(path: Path, model: type[P]) -> P:
    """The policy in ``path``, read as ``model`` (:class:`Policy` or a subclass:
    the record of processing reads drafts with gaps through one)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        msg = f"{path}: cannot read the policy file ({exc.strerror or 'error'})"
        raise PolicyError([msg]) from exc
    if len(data) > MAX_POLICY_BYTES:
        msg = f"{path}: the policy file is over {MAX_POLICY_BYTES} bytes"
        raise PolicyError([msg])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PolicyError([f"{path}: the policy file is not valid UTF-8"]) from exc
    return parse_policy_as(text, model, str(path))


def parse_policy(text: str, source: str = "<policy>") -> Policy:
    """The policy written in ``text``; ``source`` names it in error lines."""
    return parse_policy_as(text, Policy, source)


def parse_policy_as(text: str, model: type[P], source: str = "<policy>") -> P:
    """The policy written in ``text``, read as ``model``."""
    root = _yaml(text, source, yaml.compose)
    if not isinstance(root, yaml.MappingNode):
        line = 1 if root is None else root.start_mark.line + 1
        raise PolicyError([f"{source}:{line}: the policy must be a YAML mapping"])
    _refuse_duplicate_keys(root, source)
    data = _yaml(text, source, yaml.load)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [_problem(error, root, source) for error in exc.errors()]
        raise PolicyError(problems) from None


def _yaml(text: str, source: str, step: Callable[..., T]) -> T:
    """``yaml.compose`` or ``yaml.load`` with the safe loader; errors become
    a :class:`PolicyError` with the line."""
    try:
        return step(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        # The problem text can quote the file (a character, an alias name):
        # quoted parts are dropped so no value from the file is repeated.
        problem = re.sub(r"'[^']*'|\"[^\"]*\"", "…", exc.problem or "syntax error")
        msg = f"{source}:{line}: not valid YAML: {problem}"
        raise PolicyError([msg]) from None
    except yaml.YAMLError as exc:
        raise PolicyError([f"{source}: not valid YAML"]) from exc


def _refuse_duplicate_keys(root: yaml.Node, source: str) -> None:
    """Refuse repeated keys and aliases anywhere in the document.

    PyYAML keeps the last of two equal keys without a word; in a policy that
    silently drops a rule. Aliases are refused because the composer shares
    their nodes, which lets a small file expand into a huge one.
    """
    seen_nodes: set[int] = set()
    queue: deque[tuple[yaml.Node, Loc]] = deque([(root, ())])
    while queue:
        node, path = queue.popleft()
        if id(node) in seen_nodes:
            line = node.start_mark.line + 1
            msg = f"{source}:{line}: {_field_name(path)}: aliases are not supported"
            raise PolicyError([msg])
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            names: set[str] = set()
            for key, value in node.value:
                name = str(key.value)
                if name in names:
                    field = _field_name((*path, name))
                    line = key.start_mark.line + 1
                    raise PolicyError([f"{source}:{line}: {field}: duplicate key"])
                names.add(name)
                queue.append((value, (*path, name)))
        elif isinstance(node, yaml.SequenceNode):
            queue.extend((item, (*path, i)) for i, item in enumerate(node.value))


def _problem(error: ErrorDetails, root: yaml.Node, source: str) -> str:
    loc: Loc = tuple(part for part in error["loc"] if part != "[key]")
    message = error["msg"]
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, LocatedError):
        loc = (*loc, *cause.loc)
    if isinstance(cause, ValueError):
        message = str(cause)
    line = _line_of(root, loc)
    return f"{source}:{line}: {_field_name(loc) or '(top)'}: {message}"


def _line_of(root: yaml.Node, loc: Sequence[str | int]) -> int:
    """The 1-based line of the deepest node on ``loc`` that exists."""
    node = root
    line = root.start_mark.line + 1
    for part in loc:
        child = _child(node, part)
        if child is None:
            break
        key_node, node = child
        line = key_node.start_mark.line + 1
    return line


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node, yaml.Node] | None:
    """(node that marks the child's line, child node), or ``None``."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if str(key.value) == str(part):
                return key, value
    is_list = isinstance(node, yaml.SequenceNode) and isinstance(part, int)
    if is_list and 0 <= int(part) < len(node.value):
        item = node.value[int(part)]
        return item, item
    return None


def _field_name(loc: Sequence[str | int]) -> str:
    """``("purposes", 0, "id")`` becomes ``purposes[0].id``.

    Keys come from the file, so one that does not look like a field or an
    entity name (``legal_basis``, ``PERSON``) is shown as ``<key>``: a name
    or an address typed as a key must not be repeated in an error line.
    """
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
            continue
        shown = part if _SAFE_KEY.fullmatch(part) else "<key>"
        name += f".{shown}" if name else shown
    return name
