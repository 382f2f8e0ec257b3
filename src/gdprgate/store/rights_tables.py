"""The tables of the rights part: requests, their events and hook calls,
links from subject ids to requests, and processing blocks.

No table holds a subject id or an identifier in clear: subjects are keyed
hashes (HMAC under a sub-key of the tenant's data key), identifiers are the
vault's blind indexes, and values are only ever tokens.
"""

from __future__ import annotations

import sqlalchemy as sa

from gdprgate.store.schema import metadata

# One data-subject request (Art. 15-21) and where it stands.
rights_requests = sa.Table(
    "rights_requests",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("tenant", sa.String(128), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("status", sa.String(32), nullable=False),
    sa.Column("received_on", sa.Date, nullable=False),
    sa.Column("due_on", sa.Date, nullable=False),
    sa.Column("extended_to", sa.Date, nullable=True),
    sa.Column("extension_reason", sa.String(2000), nullable=True),
    sa.Column("subject_hash", sa.String(64), nullable=True),
    # [{"entity": ..., "blind_index": ...}]: candidate keyed hashes only.
    sa.Column("identifiers", sa.JSON, nullable=False),
    sa.Column("purposes", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
    # The erasure notice for deletion hooks, sealed under the tenant's data
    # key; deleted as soon as every hook has confirmed.
    sa.Column("notice", sa.LargeBinary, nullable=True),
    sa.Index("ix_rights_requests_status", "status"),
)

# What happened to a request, in order.
rights_events = sa.Table(
    "rights_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("request_id", sa.String(32), nullable=False),
    sa.Column("ts", sa.DateTime(timezone=True), nullable=False),
    sa.Column("event", sa.String(64), nullable=False),
    sa.Column("detail", sa.JSON, nullable=False),
    sa.Index("ix_rights_events_request", "request_id"),
)

# One row per (erasure request, deletion hook): has the other system acted?
rights_hook_calls = sa.Table(
    "rights_hook_calls",
    metadata,
    sa.Column("request_id", sa.String(32), primary_key=True),
    sa.Column("hook", sa.String(256), primary_key=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("last_error", sa.String(256), nullable=True),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

# Which requests a subject id (X-Gdprgate-Subject, keyed hash) was sent with.
subject_links = sa.Table(
    "subject_links",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("tenant", sa.String(128), nullable=False),
    sa.Column("subject_hash", sa.String(64), nullable=False),
    sa.Column("request_id", sa.String(64), nullable=False),
    sa.Column("ts", sa.DateTime(timezone=True), nullable=False),
    sa.Column("purpose", sa.String(128), nullable=True),
    sa.Column("model", sa.String(256), nullable=True),
    sa.Column("tokens", sa.JSON, nullable=False),
    sa.Index("ix_subject_links_subject", "tenant", "subject_hash"),
)

# Identifiers that may not be processed: restriction (Art. 18), objection
# (Art. 21) and erasure tombstones. ``purposes`` empty: every purpose.
processing_blocks = sa.Table(
    "processing_blocks",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("tenant", sa.String(128), nullable=False),
    sa.Column("blind_index", sa.String(64), nullable=False),
    sa.Column("entity", sa.String(64), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("request_id", sa.String(32), nullable=False),
    sa.Column("purposes", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("lifted_at", sa.DateTime(timezone=True), nullable=True),
    sa.Index("ix_processing_blocks_tenant", "tenant", "blind_index"),
)

# Keys for copies that cannot be deleted in place (append-only segments,
# payload files): destroying a row makes everything sealed under it
# unreadable. Each key is wrapped by the tenant's data key.
shred_keys = sa.Table(
    "shred_keys",
    metadata,
    sa.Column("tenant", sa.String(128), primary_key=True),
    sa.Column("scope", sa.String(128), primary_key=True),
    sa.Column("wrapped_key", sa.LargeBinary, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
