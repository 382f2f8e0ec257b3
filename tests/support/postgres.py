"""A throw-away PostgreSQL database for one test run, one schema per test.

The server is the one at 127.0.0.1:5432 (user ``postgres``, trust auth), as
``.ci/run`` starts it. Each run creates ``gdprgate_test_<random>`` and drops
it at the end; each test gets a fresh schema in it, named in the URL's
``search_path``, so that two processes given the URL share one state.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg import sql

SERVER = "host=127.0.0.1 port=5432 user=postgres connect_timeout=3"


def server_available() -> bool:
    """Whether the local PostgreSQL server answers."""
    try:
        with psycopg.connect(SERVER + " dbname=postgres"):
            return True
    except psycopg.Error:
        return False


@contextmanager
def scratch_database() -> Iterator[str]:
    """Create a fresh database; yield its name; drop it afterwards."""
    name = "gdprgate_test_" + secrets.token_hex(6)
    with psycopg.connect(SERVER + " dbname=postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield name
    finally:
        with psycopg.connect(SERVER + " dbname=postgres", autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)
                )
            )


def fresh_schema_url(database: str) -> str:
    """A URL whose connections all work in a new, empty schema of ``database``."""
    schema = "t_" + secrets.token_hex(6)
    with psycopg.connect(SERVER + f" dbname={database}", autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    return (
        f"postgresql://postgres@127.0.0.1:5432/{database}"
        f"?options=-csearch_path%3D{schema}"
    )
