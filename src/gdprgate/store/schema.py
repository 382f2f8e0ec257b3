"""The tables of every store, as SQLAlchemy Core metadata.

Schema changes go through an Alembic migration in ``migrations/versions``;
a test fails when this metadata and the migrated database disagree.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

# One data key per tenant (pseudonymisation domain), wrapped by the master key.
tenant_keys = sa.Table(
    "tenant_keys",
    metadata,
    sa.Column("key_id", sa.String(32), primary_key=True),
    sa.Column("tenant", sa.String(128), nullable=False),
    sa.Column("wrapped_key", sa.LargeBinary, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("tenant", name="uq_tenant_keys_tenant"),
)

# token <-> encrypted value; blind_index finds a value without storing it.
vault_entries = sa.Table(
    "vault_entries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("tenant", sa.String(128), nullable=False),
    sa.Column("token", sa.String(96), nullable=False),
    sa.Column("entity", sa.String(64), nullable=False),
    sa.Column("blind_index", sa.String(64), nullable=False),
    sa.Column("key_id", sa.String(32), nullable=False),
    sa.Column("nonce", sa.LargeBinary, nullable=False),
    sa.Column("ciphertext", sa.LargeBinary, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    # Until when the purposes that used the value may keep it (the longest
    # of their vault retention periods, from the last use); NULL: not set.
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
    sa.UniqueConstraint("tenant", "token", name="uq_vault_tenant_token"),
    sa.UniqueConstraint("tenant", "blind_index", name="uq_vault_tenant_blind"),
    sa.Index("ix_vault_entries_expires_at", "expires_at"),
)

# One row per gateway request. Never a raw value: tokens, counts and types.
# ``seq`` is the entry's position in the hash chain; ``entry_hash`` covers the
# entry and ``prev_hash`` (the hash of entry ``seq - 1``).
audit_events = sa.Table(
    "audit_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("entry_hash", sa.String(64), nullable=False),
    sa.Column("details", sa.JSON, nullable=True),
    sa.Column("ts", sa.DateTime(timezone=True), nullable=False),
    sa.Column("request_id", sa.String(64), nullable=False),
    sa.Column("tenant", sa.String(128), nullable=False),
    sa.Column("route", sa.String(128), nullable=False),
    sa.Column("model", sa.String(256), nullable=True),
    sa.Column("stream", sa.Boolean, nullable=False),
    sa.Column("status", sa.Integer, nullable=False),
    sa.Column("outcome", sa.String(64), nullable=False),
    sa.Column("latency_ms", sa.Float, nullable=False),
    sa.Column("upstream_ms", sa.Float, nullable=True),
    sa.Column("entity_counts", sa.JSON, nullable=False),
    sa.Column("output_counts", sa.JSON, nullable=True),
    sa.Column("tokens", sa.JSON, nullable=False),
    sa.Column("key_id", sa.String(32), nullable=True),
    sa.Column("purpose", sa.String(128), nullable=True),
    sa.Index("ix_audit_events_ts", "ts"),
    sa.UniqueConstraint("seq", name="uq_audit_events_seq"),
)

# The chain's one head row (id 1): the last position and hash written, and
# the last position pruned by retention (0: nothing pruned). Appending locks
# this row, so concurrent writers, in one process or several, take turns.
audit_head = sa.Table(
    "audit_head",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("entry_hash", sa.String(64), nullable=False),
    sa.Column("pruned_seq", sa.BigInteger, nullable=False),
    sa.Column("pruned_hash", sa.String(64), nullable=False),
)

# Signed checkpoints: an Ed25519 signature over (seq, entry_hash, time), made
# with a key that is kept outside the database.
audit_checkpoints = sa.Table(
    "audit_checkpoints",
    metadata,
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("entry_hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("key_id", sa.String(32), nullable=False),
    sa.Column("signature", sa.String(128), nullable=False),
)

# Protected prompts and answers, kept only for purposes with
# ``store_payloads: true``: what went to the model and what came back,
# pseudonymised (tokens, never the values they stand for).
interaction_payloads = sa.Table(
    "interaction_payloads",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("request_id", sa.String(64), nullable=False),
    sa.Column("tenant", sa.String(128), nullable=False),
    sa.Column("purpose", sa.String(128), nullable=False),
    sa.Column("route", sa.String(128), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("request", sa.JSON, nullable=False),
    sa.Column("answer", sa.JSON, nullable=True),
    sa.UniqueConstraint("request_id", name="uq_interaction_payloads_request"),
    sa.Index("ix_interaction_payloads_created_at", "created_at"),
)

# API keys. Only a SHA-256 digest of each secret is kept, never the secret.
api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("key_id", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(128), nullable=True),
    sa.Column("tenant", sa.String(128), nullable=False),
    sa.Column("roles", sa.JSON, nullable=False),
    sa.Column("purposes", sa.JSON, nullable=False),
    sa.Column("default_purpose", sa.String(64), nullable=True),
    sa.Column("secret_hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("requests_per_minute", sa.Integer, nullable=True),
    sa.Column("tokens_per_minute", sa.Integer, nullable=True),
)

# Training data sets scrubbed by ``gdprgate scrub``: one row per run (version).
scrub_datasets = sa.Table(
    "scrub_datasets",
    metadata,
    sa.Column("dataset_id", sa.String(128), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("tenant", sa.String(128), nullable=False),
    sa.Column("purpose", sa.String(128), nullable=True),
    sa.Column("mode", sa.String(16), nullable=False),
    sa.Column("output", sa.String(1024), nullable=False),
    sa.Column("records_in", sa.Integer, nullable=False),
    sa.Column("records_out", sa.Integer, nullable=False),
    sa.Column("rejected", sa.Integer, nullable=False),
    sa.Column("records_touched", sa.Integer, nullable=False),
    sa.Column("entity_counts", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    # Empty until the run ends well: look-ups leave such versions out.
    sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
)

# The subject index: which record of which data set held which person, by
# blind index only (a keyed hash of the value, never the value).
scrub_subjects = sa.Table(
    "scrub_subjects",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("tenant", sa.String(128), nullable=False),
    sa.Column("blind_index", sa.String(64), nullable=False),
    sa.Column("entity", sa.String(64), nullable=False),
    sa.Column("dataset_id", sa.String(128), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("source", sa.String(512), nullable=False),
    sa.Column("source_line", sa.Integer, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.ForeignKeyConstraint(
        ["dataset_id", "version"],
        ["scrub_datasets.dataset_id", "scrub_datasets.version"],
        name="fk_scrub_subjects_dataset",
        ondelete="CASCADE",
    ),
    sa.Index("ix_scrub_subjects_lookup", "tenant", "blind_index"),
)

# One counter per watched table, moved by a trigger on every change of it
# (see migration 0301): a cached copy of the table is current as long as
# its counter has not moved.
change_marks = sa.Table(
    "change_marks",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("version", sa.BigInteger, nullable=False),
)
