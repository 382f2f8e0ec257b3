"""Building a running gateway from :class:`Settings`."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from starlette.applications import Starlette

from gdprgate.audit import AuditLog, PayloadStore, load_signer, verify_chain
from gdprgate.config import Settings
from gdprgate.datasets.for_rights import SubjectIndexForRights
from gdprgate.detect import DetectorConfig, build_detector
from gdprgate.gateway.access import Access
from gdprgate.gateway.app import create_app
from gdprgate.gateway.bootstrap import ensure_bootstrap_key
from gdprgate.gateway.builtin import BuiltinModel
from gdprgate.gateway.metrics import ChainState, GatewayMetrics
from gdprgate.gateway.policy_holder import PolicyHolder
from gdprgate.gateway.service import Gateway
from gdprgate.gateway.upstream import Upstream
from gdprgate.policy import KeyStore
from gdprgate.protect import OutputAction
from gdprgate.protect.output import Analyzer as TextAnalyzer
from gdprgate.retention import Retention
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
        name_rules=settings.detect_name_rules,
        min_score=settings.detect_min_score,
    )


class ChainWatch:
    """The audit chain's state as of its last verification, for ``/metrics``.

    Verified once at start and after every retention sweep, in a worker
    thread; a scrape only reads the last result.
    """

    def __init__(self, audit: AuditLog) -> None:
        self.audit = audit
        self.state: ChainState = "unverified"

    def check(self) -> None:
        try:
            self.state = "ok" if verify_chain(self.audit).ok else "broken"
        except Exception as exc:
            self.state = "unverified"
            logger.error("audit verification failed: %s", type(exc).__name__)

    def chain_state(self) -> ChainState:
        return self.state


async def _sweep_every(
    retention: Retention, seconds: float, metrics: GatewayMetrics, watch: ChainWatch
) -> None:
    """The retention sweeper inside ``serve``: one sweep every ``seconds``,
    each followed by a verification of the chain."""
    while True:
        await anyio.sleep(seconds)
        try:
            result = await anyio.to_thread.run_sync(retention.run)
        except Exception as exc:
            # The next sweep tries again; the gateway keeps serving.
            logger.error("retention sweep failed: %s", type(exc).__name__)
        else:
            metrics.retention_deleted("payloads", result.payloads)
            metrics.retention_deleted("vault", result.vault)
            metrics.retention_deleted("audit", result.audit)
        await anyio.to_thread.run_sync(watch.check)


def _final_checkpoint(audit: AuditLog) -> None:
    try:
        audit.checkpoint()
    except Exception as exc:
        logger.error("no checkpoint at shutdown: %s", type(exc).__name__)


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
    audit = AuditLog(
        db,
        load_signer(settings.signing_key_path),
        checkpoint_every=settings.audit_checkpoint_every,
    )
    retention = Retention(db, lambda: holder.current, audit)
    payloads = PayloadStore(db)
    rights = Rights(
        db,
        keyring,
        audit,
        lambda: holder.current,
        payloads=payloads,
        datasets=SubjectIndexForRights(db),
    )
    gateway = Gateway(
        detector=detector or full_detector,
        vault=vault,
        audit=audit,
        payloads=payloads,
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
            async with anyio.create_task_group() as tasks:
                tasks.start_soon(anyio.to_thread.run_sync, watch.check)
                interval = settings.retention_seconds
                if interval is not None:
                    tasks.start_soon(
                        _sweep_every, retention, interval, gateway.metrics, watch
                    )
                try:
                    yield
                finally:
                    tasks.cancel_scope.cancel()
        finally:
            if builtin is not None:
                builtin.stop()
            # Outside the cancelled task group, shielded: a last checkpoint
            # keeps the unsigned tail short across restarts.
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(_final_checkpoint, audit)
            db.close()

    gateway.metrics.scrape_token = settings.metrics_token
    watch = ChainWatch(audit)
    gateway.metrics.sources.audit_chain = watch
    app = create_app(gateway, lifespan=lifespan)
    # A new gateway's first key, to be shown once by the caller (the CLI).
    app.state.bootstrap_key = bootstrap_key
    return app


def app_from_environment() -> Starlette:
    """The gateway of one worker process of ``serve --workers N``.

    Settings come from the ``GDPRGATE_*`` variables the parent process set;
    the worker configures its own logging, since it starts afresh.
    """
    from gdprgate.logs import configure_logging

    settings = Settings()
    configure_logging(settings.log_level, settings.log_format)
    return build_app(settings)
