"""Building a running gateway from :class:`Settings`."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from starlette.applications import Starlette

from gdprgate.audit import AuditLog
from gdprgate.config import Settings
from gdprgate.detect import DetectorConfig, build_detector
from gdprgate.gateway.access import Access
from gdprgate.gateway.app import create_app
from gdprgate.gateway.bootstrap import ensure_bootstrap_key
from gdprgate.gateway.builtin import BuiltinModel
from gdprgate.gateway.policy_holder import PolicyHolder
from gdprgate.gateway.service import Gateway, TextAnalyzer
from gdprgate.gateway.upstream import Upstream
from gdprgate.policy import KeyStore
from gdprgate.protect import OutputAction
from gdprgate.rights import Rights
from gdprgate.store import Database
from gdprgate.vault import Keyring, Vault, load_master_key

logger = logging.getLogger("gdprgate.gateway")


def detector_config(settings: Settings) -> DetectorConfig:
    """The detector configuration the settings ask for."""
    return DetectorConfig(
        patterns=settings.detect_patterns,
        rampart=settings.detect_rampart,
        rampart_int8=settings.detect_rampart_int8,
        model_cache=str(settings.model_cache) if settings.model_cache else None,
        spacy=settings.detect_spacy,
        model_gate=settings.detect_model_gate,
        min_score=settings.detect_min_score,
    )


def build_app(settings: Settings, detector: TextAnalyzer | None = None) -> Starlette:
    """The full gateway: store, vault, detector, audit, upstream, lifespan.

    The store is opened and migrated here, so a broken configuration fails
    before the server listens. Models load in the lifespan, before traffic.
    """
    db = Database.for_data_dir(settings.data_dir, settings.database_url)
    db.upgrade()
    master_key = load_master_key(settings.data_dir, settings.master_key)
    keyring = Keyring(db, master_key)
    vault = Vault(db, keyring)
    holder = PolicyHolder(settings.policy)
    audit = AuditLog(db)
    rights = Rights(db, keyring, audit, lambda: holder.current)
    keys = KeyStore(db)
    bootstrap_key = ensure_bootstrap_key(keys, holder.current, settings.data_dir)
    access = Access(keys, lambda: holder.current, restore=settings.restore)
    builtin = None
    if settings.upstream_url is None:
        builtin = BuiltinModel(
            threads=settings.builtin_threads,
            ctx=settings.builtin_ctx,
            log_path=settings.data_dir / "logs" / "builtin-model.log",
        )
    full_detector = build_detector(detector_config(settings))
    gateway = Gateway(
        detector=detector or full_detector,
        vault=vault,
        audit=audit,
        upstream=Upstream(
            settings.upstream_url or "http://127.0.0.1:9/v1",
            api_key=settings.upstream_api_key,
            connect_timeout=settings.upstream_connect_timeout,
            read_timeout=settings.upstream_read_timeout,
        ),
        tenant=settings.tenant,
        restore=settings.restore,
        access=access,
        policy_holder=holder,
        max_body_bytes=settings.max_body_bytes,
        output_action=(
            None
            if settings.output_action == "off"
            else OutputAction(settings.output_action)
        ),
        rights=rights,
    )

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        if detector is None:
            await anyio.to_thread.run_sync(full_detector.warm_up)
        if builtin is not None:
            url = await anyio.to_thread.run_sync(builtin.start)
            await gateway.upstream.aclose()
            gateway.upstream = Upstream(
                url, read_timeout=settings.upstream_read_timeout
            )
            logger.info("built-in model ready at %s", url)
        try:
            yield
        finally:
            if builtin is not None:
                builtin.stop()
            db.close()

    gateway.metrics.scrape_token = settings.metrics_token
    app = create_app(gateway, lifespan=lifespan)
    # A new gateway's first key, to be shown once by the caller (the CLI).
    app.state.bootstrap_key = bootstrap_key
    return app
