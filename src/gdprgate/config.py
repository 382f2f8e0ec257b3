"""Every ``GDPRGATE_*`` setting, validated in one place.

Each field below is documented in the README's "Settings" table; a test fails
when one is missing there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime settings, read from ``GDPRGATE_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="GDPRGATE_", extra="ignore")

    data_dir: Path = Field(
        default=Path(".gdprgate"),
        description="Directory for the SQLite database, the key file and logs.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the store; default: SQLite in data_dir.",
    )
    master_key: str | None = Field(
        default=None,
        description="Base64 32-byte master key; default: created in data_dir (0600).",
        repr=False,
    )
    policy: Path | None = Field(
        default=None,
        description="Policy file (gdprgate.yaml); default: the built-in policy.",
    )
    upstream_url: str | None = Field(
        default=None,
        description="Base URL of an OpenAI-compatible server (…/v1); "
        "default: start the built-in model.",
    )
    upstream_api_key: str | None = Field(
        default=None,
        description="Bearer key sent to the upstream server, if it needs one.",
        repr=False,
    )
    upstream_connect_timeout: float = Field(
        default=5.0, gt=0, description="Seconds to connect to the upstream."
    )
    upstream_read_timeout: float = Field(
        default=300.0, gt=0, description="Seconds to wait for upstream bytes."
    )
    builtin_threads: int = Field(
        default=2, ge=1, description="CPU threads for the built-in model."
    )
    builtin_ctx: int = Field(
        default=4096, ge=512, description="Context length of the built-in model."
    )
    tenant: str = Field(
        default="default",
        description="Pseudonymisation domain used for requests (one per gateway).",
    )
    max_body_bytes: int = Field(
        default=1024 * 1024, gt=0, description="Largest request body accepted."
    )
    restore: bool = Field(
        default=True,
        description="Restore original values in answers (pseudonyms otherwise).",
    )
    output_action: Literal["token", "redact", "keep", "off"] = Field(
        default="token",
        description="What happens to personal data the model produced itself: "
        "token, redact, keep (counted only) or off (output not scanned).",
    )
    detect_patterns: bool = Field(
        default=True, description="Run the validated pattern recognizers."
    )
    detect_rampart: bool = Field(
        default=True, description="Run the Rampart name/address model."
    )
    detect_rampart_int8: bool = Field(
        default=True,
        description="Run Rampart with 8-bit weights (converted once, cached).",
    )
    model_cache: Path | None = Field(
        default=None,
        description="Folder for converted models; default: ~/.cache/gdprgate/models.",
    )
    detect_spacy: bool = Field(
        default=True, description="Run spaCy NER for English and French."
    )
    detect_model_gate: bool = Field(
        default=True,
        description="Let the models read only sentences that are not plain "
        "frequent words (much faster on prose).",
    )
    detect_name_rules: bool = Field(
        default=True,
        description="With Rampart on, also report a known given name before a "
        "surname (names the model misses).",
    )
    detect_min_score: float = Field(
        default=0.5, ge=0, le=1, description="Findings below this score are ignored."
    )
    log_level: str = Field(default="INFO", description="Logging level.")
    workers: int = Field(
        default=1,
        ge=1,
        le=64,
        description="Gateway processes serving the port (more than 1 needs an "
        "upstream URL: the built-in model runs in one process).",
    )
    metrics_token: str | None = Field(
        default=None,
        description="Bearer token /metrics asks for; default: none (keep it internal).",
        repr=False,
    )
    log_format: Literal["json", "text"] = Field(
        default="json",
        description="Log lines as JSON objects (json) or as text (text).",
    )
    audit_signing_key: Path | None = Field(
        default=None,
        description="Ed25519 key file that signs audit checkpoints; "
        "default: data_dir/audit-signing.key (created, 0600).",
    )
    audit_checkpoint_every: int = Field(
        default=1000, ge=1, description="Sign a checkpoint every this many entries."
    )
    retention_interval: str = Field(
        default="1h",
        description="How often serve runs the retention sweep (a duration, or off).",
    )

    @property
    def signing_key_path(self) -> Path:
        """The checkpoint signing key file in use."""
        return self.audit_signing_key or self.data_dir / "audit-signing.key"

    @property
    def retention_seconds(self) -> float | None:
        """Seconds between retention sweeps in serve; ``None``: no sweeper."""
        from gdprgate.policy.durations import parse_duration

        if self.retention_interval.strip().lower() == "off":
            return None
        return parse_duration(self.retention_interval).total_seconds()

    @field_validator("retention_interval")
    @classmethod
    def _duration_or_off(cls, value: str) -> str:
        from gdprgate.policy.durations import parse_duration

        if value.strip().lower() != "off":
            parse_duration(value)
        return value

    @field_validator(
        "policy", "model_cache", "metrics_token", "audit_signing_key", mode="before"
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("upstream_url")
    @classmethod
    def _strip_slash(cls, value: str | None) -> str | None:
        return value.rstrip("/") if value else value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            msg = "log_level must be DEBUG, INFO, WARNING or ERROR"
            raise ValueError(msg)
        return level
