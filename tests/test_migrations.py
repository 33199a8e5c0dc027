"""The migrations build exactly the schema the models describe, on both backends."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app import create_app
from app.extensions import db
from tests.conftest import make_config


def test_migrations_build_exactly_the_models_schema(backend, clone_database):
    app = create_app(make_config(clone_database(backend)))
    with app.app_context():
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True,
                                                                   "compare_server_default": True})
            differences = compare_metadata(context, db.metadata)
        db.engine.dispose()
    assert differences == []
