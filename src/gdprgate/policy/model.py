"""The policy, as validated pydantic models.

A :class:`Policy` says who the controller is, which tenants (pseudonymisation
domains) exist, and for each purpose of processing: its legal basis, what
data about whom it covers, where the data goes, how long it is kept, which
models may serve it, and what happens to each type of personal data on the
way in and on the way out. Every model is frozen and refuses unknown keys.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any, Literal, get_args
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from gdprgate.policy.durations import parse_duration
from gdprgate.policy.legal import (
    is_special_category,
    normalise_art9_condition,
    normalise_country,
    normalise_legal_basis,
)

Action = Literal["keep", "token", "surrogate", "redact", "block"]
ACTIONS: tuple[str, ...] = get_args(Action)

LegalBasis = Literal["a", "b", "c", "d", "e", "f"]
Safeguard = Literal[
    "adequacy",
    "scc",
    "bcr",
    "code_of_conduct",
    "certification",
    "ad_hoc_clauses",
    "derogation",
]
# The stores a retention period can be given for (see the retention part).
RetentionStore = Literal["vault", "audit", "payloads", "subject_index"]

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,63}$"
ENTITY_PATTERN = r"^[A-Z][A-Z0-9_]{0,63}$"


def _if_str(normalise: Any) -> Any:
    """Apply ``normalise`` to strings; leave other types to the type check."""
    return lambda value: normalise(value) if isinstance(value, str) else value


def _check_duration(value: str) -> str:
    parse_duration(value)
    return value


Id = Annotated[str, Field(pattern=ID_PATTERN)]


def _check_entity(value: str) -> str:
    """An entity type the detector can report: a misspelt one would never
    match, and its rule would silently not apply."""
    from gdprgate.detect.detector import entity_labels

    known = entity_labels()
    if value not in known:
        msg = f"unknown entity type {value!r}; known: {', '.join(sorted(known))}"
        raise ValueError(msg)
    return value


Entity = Annotated[str, Field(pattern=ENTITY_PATTERN), AfterValidator(_check_entity)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Name = Annotated[str, Field(min_length=1, max_length=256)]
Duration = Annotated[str, AfterValidator(_check_duration)]


class LocatedError(ValueError):
    """A cross-field problem, with the path (below the model) of the culprit."""

    def __init__(self, message: str, *loc: str | int) -> None:
        super().__init__(message)
        self.loc = loc


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Controller(_Frozen):
    """Who decides on the processing (Art. 4(7)), and how to reach them."""

    name: Text
    contact: Text
    dpo_contact: Text | None = None
    eu_representative: Text | None = None
    joint_controllers: list[Text] = []


class Tenant(_Frozen):
    """One pseudonymisation domain: tokens of two tenants cannot be linked.

    ``controller`` is the controller the tenant's processing is done for,
    when the gateway's operator acts as a processor (Art. 30(2)).
    """

    id: Id
    description: str = ""
    controller: Controller | None = None


class Transfer(_Frozen):
    """A transfer of personal data outside the EEA and what makes it lawful."""

    country: Annotated[str, BeforeValidator(_if_str(normalise_country))]
    safeguard: Safeguard
    recipient: Name | None = None
    description: str = ""


class Purpose(_Frozen):
    """One purpose of processing, as the Art. 30 record states it."""

    id: Id
    description: Text
    legal_basis: Annotated[LegalBasis, BeforeValidator(_if_str(normalise_legal_basis))]
    art9_condition: Annotated[
        str | None, BeforeValidator(_if_str(normalise_art9_condition))
    ] = None
    data_subjects: Annotated[list[Name], Field(min_length=1)]
    data_categories: Annotated[list[Name], Field(min_length=1)]
    recipients: list[Name] = []
    transfers: list[Transfer] = []
    retention: dict[RetentionStore, Duration] = {}
    models: list[Name] = []
    input_actions: dict[Entity, Action] = {}
    output_actions: dict[Entity, Action] = {}
    default_input_action: Action = "token"
    default_output_action: Action = "token"
    restore: bool = True
    # Keep the protected request and answer of each interaction for review
    # (audit/payloads), for ``retention.payloads`` when that is set.
    store_payloads: bool = False

    @model_validator(mode="after")
    def _special_categories_need_a_condition(self) -> Purpose:
        if self.special_categories and self.art9_condition is None:
            msg = (
                "required: data_categories names special categories (Art. 9), "
                "so give the Art. 9(2) condition, e.g. 9(2)(a)"
            )
            raise LocatedError(msg, "art9_condition")
        return self

    @property
    def special_categories(self) -> list[str]:
        """The declared data categories that are special categories (Art. 9)."""
        return [c for c in self.data_categories if is_special_category(c)]

    @property
    def allows_special_categories(self) -> bool:
        """Whether special categories may be processed (an Art. 9(2) condition)."""
        return self.art9_condition is not None

    def input_action(self, entity: str) -> Action:
        """What happens to ``entity`` findings in requests."""
        return self.input_actions.get(entity, self.default_input_action)

    def output_action(self, entity: str) -> Action:
        """What happens to ``entity`` findings the model produced itself."""
        return self.output_actions.get(entity, self.default_output_action)

    def allows_model(self, model: str) -> bool:
        """Whether ``model`` may serve this purpose (no list: any model)."""
        return not self.models or model in self.models

    def retention_period(self, store: str) -> timedelta | None:
        """How long ``store`` keeps data of this purpose (``None``: not set)."""
        periods = {str(key): value for key, value in self.retention.items()}
        value = periods.get(store)
        return None if value is None else parse_duration(value)


def _hook_from_name(value: object) -> object:
    """A plain name is a hook only listed in the record, never called."""
    return {"name": value} if isinstance(value, str) else value


_LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


def _private_enough(url: str) -> bool:
    """https anywhere, or plain http to this machine only."""
    parts = urlsplit(url)
    return parts.scheme == "https" or (parts.hostname or "") in _LOOPBACK


class DeletionHook(_Frozen):
    """A system told to act on erasure (Art. 17(2), Art. 19).

    ``url``: an HTTP endpoint called with a JSON body signed with HMAC-SHA256
    under the secret in the environment variable ``secret_env``.
    ``entry_point``: a Python callable, ``package.module:function``. With
    neither, the hook is only listed in the record. ``events``: what it is
    told of (``erasure``, ``restriction``, ``objection``).
    """

    name: Name
    url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=2000)] | None = None
    secret_env: Annotated[str, Field(pattern=r"^[A-Z_][A-Z0-9_]{0,127}$")] | None = None
    entry_point: (
        Annotated[str, Field(pattern=r"^[\w.]+:[\w.]+$", max_length=256)] | None
    ) = None
    # What the hook is told of (Art. 19); erasure only unless listed, so a
    # receiver written for erasures never gets a restriction by surprise.
    events: Annotated[
        list[Literal["erasure", "restriction", "objection"]], Field(min_length=1)
    ] = ["erasure"]

    @model_validator(mode="after")
    def _one_way_to_call(self) -> DeletionHook:
        if self.url is not None and self.entry_point is not None:
            msg = "give url or entry_point, not both"
            raise LocatedError(msg, "entry_point")
        if self.url is not None and self.secret_env is None:
            msg = "required: an HTTP hook needs secret_env to sign its calls"
            raise LocatedError(msg, "secret_env")
        if self.url is not None and not _private_enough(self.url):
            msg = "use https: the call carries the erased values (http: loopback only)"
            raise LocatedError(msg, "url")
        return self

    @property
    def callable(self) -> bool:
        """Whether erasure calls this hook (rather than only listing it)."""
        return self.url is not None or self.entry_point is not None


class RightsRules(_Frozen):
    """How restriction, objection and erasure act on later traffic.

    ``on_restricted``: a request holding an identifier of a restricted or
    objecting subject is refused (``refuse``) or has it redacted
    (``redact``). ``tombstone_erased``: erased identifiers stay blocked, so
    they cannot re-enter the vault.
    """

    on_restricted: Literal["refuse", "redact"] = "refuse"
    tombstone_erased: bool = True


class Policy(_Frozen):
    """The whole policy file: controller, tenants and purposes.

    ``processor`` names the gateway's operator when it processes personal
    data on behalf of the controllers of its tenants (Art. 30(2));
    ``security_measures`` and ``deletion_hooks`` go into the Art. 30 record;
    ``rights`` says how data-subject requests act on later traffic.
    """

    version: Literal[1] = 1
    controller: Controller
    processor: Controller | None = None
    security_measures: list[Text] = []
    deletion_hooks: list[Annotated[DeletionHook, BeforeValidator(_hook_from_name)]] = []
    rights: RightsRules = RightsRules()
    tenants: Annotated[list[Tenant], Field(min_length=1)] = [Tenant(id="default")]
    purposes: Annotated[list[Purpose], Field(min_length=1)]

    @model_validator(mode="after")
    def _ids_are_unique(self) -> Policy:
        tenant_ids = [t.id for t in self.tenants]
        purpose_ids = [p.id for p in self.purposes]
        for field, ids in (("tenants", tenant_ids), ("purposes", purpose_ids)):
            for index, item_id in enumerate(ids):
                if item_id in ids[:index]:
                    msg = "duplicate id: each id may appear only once"
                    raise LocatedError(msg, field, index, "id")
        return self

    def purpose(self, purpose_id: str) -> Purpose | None:
        """The purpose with this id, or ``None``."""
        return next((p for p in self.purposes if p.id == purpose_id), None)

    def has_tenant(self, tenant: str) -> bool:
        """Whether the policy declares this tenant."""
        return any(t.id == tenant for t in self.tenants)

    @property
    def purpose_ids(self) -> list[str]:
        """The ids of every purpose, in file order."""
        return [p.id for p in self.purposes]
