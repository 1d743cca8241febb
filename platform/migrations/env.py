"""Alembic environment: migrates the connection that learnpath.database hands over."""

from __future__ import annotations

from alembic import context
from learnpath.extensions import Base
from learnpath.models import UTCDateTime

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `learnpath db upgrade`, which supplies the connection")


def render_item(kind: str, obj: object, _context: object) -> str | bool:
    """Write UTCDateTime columns as plain timestamps so migrations never import the models."""
    if kind == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
