"""Alembic migrations of the gdprgate store (run by :meth:`Database.upgrade`)."""
