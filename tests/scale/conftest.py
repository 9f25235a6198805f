"""The scale tests: the multi-process ones among them run as tests/multiprocess do.

Tests marked `multiprocess` start processes on the production settings against
the test database, so they need PostgreSQL (and Redis, which those settings
require): on SQLite they are deselected, here as in tests/multiprocess (whose
hook only sees this directory's tests when that directory is collected too).
"""

from ..multiprocess.conftest import (  # noqa: F401 (fixtures used by name)
    MARKER,
    _postgresql,
    production_env,
    redis_url,
)


def pytest_collection_modifyitems(config, items):
    if _postgresql():
        return
    here = __file__.rsplit("/", 1)[0]
    deselected = [
        item
        for item in items
        if item.get_closest_marker(MARKER) and str(item.path).startswith(here)
    ]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if item not in deselected]
