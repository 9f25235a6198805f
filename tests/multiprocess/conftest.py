"""gunicorn with three workers on the production settings, PostgreSQL and Redis.

The tests change data in this process and watch the change over HTTP, so this
process writes to the same database (committed: `transactional_db`) and uses
the same caches as the workers (the production CACHES, read from
`lms.settings.production` with the same environment), so the signals that drop
cached entries reach them.

They need PostgreSQL (DATABASE_URL=postgres://…): on SQLite they are deselected.
Redis: REDIS_URL (e.g. the one `make redis` starts), or else a private
`redis-server` started here.
"""

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

import pytest

from lms.verification.signing import signing_key_generate

BASE_DIR = Path(__file__).resolve().parents[2]
WORKERS = 3
# /verify/ misses from one client before it is refused (VERIFY_MISS_RATE).
VERIFY_MISS_LIMIT = 5
BOOT_SECONDS = 120
MARKER = "multiprocess"
DESELECTED = pytest.StashKey[int]()


def _postgresql() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def pytest_collection_modifyitems(config, items):
    """Deselect (not skip) the multi-process tests unless the database is
    PostgreSQL: pytest's SQLite test database lives in this process's memory,
    out of gunicorn's reach."""
    if _postgresql():
        return
    selected, deselected = [], []
    for item in items:
        (deselected if item.get_closest_marker(MARKER) else selected).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected
        config.stash[DESELECTED] = len(deselected)


def pytest_terminal_summary(terminalreporter, config):
    count = config.stash.get(DESELECTED, 0)
    if count:
        terminalreporter.write_line(
            f"{count} multi-process tests deselected: they run on PostgreSQL "
            "(DATABASE_URL=postgres://…) with Redis; see README, 'Multi-process tests'."
        )


def _python(script: str, *, env: dict) -> subprocess.CompletedProcess:
    """Run `script` in a fresh Python with `env` (the production settings); it
    must succeed."""
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        env=env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(predicate, seconds: float, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-4000:] if log and log.exists() else ""
    pytest.fail(f"{what} did not happen within {seconds} s\n{tail}")


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """REDIS_URL if set (`make redis`), else a private redis-server on a free port
    that keeps nothing on disk."""
    import redis

    url = os.environ.get("REDIS_URL", "").strip()
    if url:
        redis.Redis.from_url(url).ping()
        yield url
        return
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail(
            "The multi-process tests need Redis: install Debian's redis-server "
            "or set REDIS_URL (`make redis` starts one)."
        )
    port = _free_port()
    workdir = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(  # noqa: S603
        [
            server,
            "--port", str(port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--dir", str(workdir),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)

    def answers():
        try:
            return client.ping()
        except redis.ConnectionError:
            return False

    try:
        _wait(answers, 20, "redis-server answering")
        yield url
    finally:
        process.terminate()
        process.wait(10)


def _database_url() -> str:
    """The test database (pytest-django's, after set-up) as a DATABASE_URL."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = quote(db["HOST"] or "", safe="")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}@{host}{port}/{quote(db['NAME'], safe='')}"


@pytest.fixture(scope="session")
def production_env(django_db_setup, redis_url, tmp_path_factory):
    """The environment of a production app server on this test database."""
    if not _postgresql():
        pytest.fail("The multi-process tests need PostgreSQL (DATABASE_URL).")
    scratch = tmp_path_factory.mktemp("production")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "CREDENTIAL_SIGNING_KEYS": json.dumps([signing_key_generate()]),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "REDIS_URL": redis_url,
        "DATABASE_URL": _database_url(),
        # Each request closes its connection, so the test can empty the tables.
        "CONN_MAX_AGE": "0",
        # One load balancer in front, which appends the client's address.
        "TRUSTED_PROXY_COUNT": "1",
        "VERIFY_MISS_RATE": f"{VERIFY_MISS_LIMIT}/h",
        "STATIC_ROOT": str(scratch / "static"),
        "MEDIA_ROOT": str(scratch / "media"),
        "LOG_LEVEL": "WARNING",
        # The role tests sign in with a password; two-step sign-in has its own
        # tests, and test_concurrency signs an assessor in with a backup code.
        "REQUIRE_2FA": "0",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


@pytest.fixture(scope="session")
def production_caches(production_env, django_db_blocker):
    """CACHES exactly as lms.settings.production builds them in that environment;
    their database tables exist."""
    script = (
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.CACHES, default=str))"
    )
    done = _python(script, env=production_env)
    caches_setting = json.loads(done.stdout)
    with django_db_blocker.unblock():
        from django.test import override_settings

        with override_settings(CACHES=caches_setting):
            call_command("createcachetable", verbosity=0)
    return caches_setting


# `collectstatic` as production runs it, writing the same hashed names and manifest
# that whitenoise's storage reads; only the gzip/brotli copies are left out (slow to
# make, and whitenoise serves the plain file without them).
COLLECTSTATIC = """
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings
manifest = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
with override_settings(
    STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": manifest}}
):
    call_command("collectstatic", "--noinput", verbosity=0)
"""


@dataclass
class AppServer:
    host: str
    port: int
    access_log: Path
    worker_count: int

    def access_log_mark(self) -> int:
        return self.access_log.stat().st_size if self.access_log.exists() else 0

    def workers_since(self, mark: int, count: int) -> set[str]:
        """The workers (pids) that logged the `count` requests after `mark`."""

        def lines():
            with self.access_log.open("rb") as log:
                log.seek(mark)
                return log.read().decode(errors="replace").splitlines()

        # A worker logs a request just after answering it.
        _wait(lambda: len(lines()) >= count, 10, f"{count} access log lines")
        return {line.split()[0] for line in lines() if line.strip()}


@pytest.fixture(scope="session")
def app_server(production_env, production_caches, tmp_path_factory):
    """`collectstatic`, then gunicorn with three workers on a free loopback port,
    as the README deploys it; stopped at the end of the session."""
    _python(COLLECTSTATIC, env=production_env)
    logs = tmp_path_factory.mktemp("gunicorn")
    with _gunicorn(production_env, logs) as (_process, port, access_log):
        yield AppServer("127.0.0.1", port, access_log, WORKERS)


@contextmanager
def _gunicorn(env, logs: Path, *, output=None):
    """gunicorn with WORKERS workers on a free loopback port, as the README deploys
    it, once every worker has booted and /healthz answers 200; stopped after.
    Yields the master process, the port and the access log (each line starts with
    the pid of the worker that answered)."""
    port = _free_port()
    access_log, error_log = logs / "access.log", logs / "error.log"
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable, "-m", "gunicorn", "lms.wsgi:application",
            "--bind", f"127.0.0.1:{port}",
            "--workers", str(WORKERS),
            "--timeout", "120",
            "--access-logfile", str(access_log),
            # The worker's pid first: which process answered.
            "--access-logformat", '%(p)s %(s)s "%(r)s"',
            "--error-logfile", str(error_log),
            "--log-level", "info",
        ],
        env=env,
        cwd=BASE_DIR,
        stdout=output,
        stderr=subprocess.STDOUT if output else None,
    )  # fmt: skip

    def booted():
        if process.poll() is not None:
            pytest.fail(
                "gunicorn stopped:\n" + error_log.read_text(errors="replace")[-4000:]
            )
        if not error_log.exists():
            return False
        text = error_log.read_text(errors="replace")
        return len(re.findall(r"Booting worker with pid", text)) >= WORKERS

    def healthy():
        import http.client

        try:
            connection_ = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection_.request("GET", "/healthz")
            return connection_.getresponse().status == 200
        except OSError:
            return False

    try:
        _wait(booted, BOOT_SECONDS, f"{WORKERS} gunicorn workers booting", error_log)
        _wait(healthy, BOOT_SECONDS, "GET /healthz answering 200", error_log)
        yield process, port, access_log
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@pytest.fixture(autouse=True)
def shared_cache(transactional_db, settings, production_caches):
    """This process uses the workers' caches, emptied before and after each test;
    the page tree is there (a transactional test empties every table after it)."""
    from cms.site import ensure_home_page

    settings.CACHES = production_caches
    for cache in caches.all(initialized_only=False):
        cache.clear()
    ensure_home_page()
    yield
    for cache in caches.all(initialized_only=False):
        cache.clear()


# --- Faults: a database that can be cut (tests/multiprocess/test_chaos.py) ------


class DatabaseProxy:
    """A TCP proxy between app servers and PostgreSQL that a test can cut: `cut()`
    closes every connection through it and refuses new ones (accepted, then
    closed at once, as a stopped server would), `restore()` lets them through
    again. This is how the tests stop "the database" without stopping the
    PostgreSQL the suite itself runs on."""

    def __init__(self, host: str, port: int):
        import threading

        self.upstream = (host or "127.0.0.1", int(port or 5432))
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._open = threading.Event()
        self._open.set()
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self.refused = 0
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    def _accept(self):
        import threading

        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return  # closed
            if not self._open.is_set():
                self.refused += 1
                client.close()
                continue
            try:
                server = socket.create_connection(self.upstream, timeout=5)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets.update((client, server))
            for source, target in ((client, server), (server, client)):
                threading.Thread(
                    target=self._pump, args=(source, target), daemon=True
                ).start()

    def _pump(self, source: socket.socket, target: socket.socket):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                self._drop(sock)

    def _drop(self, sock: socket.socket):
        with self._lock:
            self._sockets.discard(sock)
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()

    def cut(self):
        self._open.clear()
        with self._lock:
            open_sockets = list(self._sockets)
        for sock in open_sockets:
            self._drop(sock)

    def restore(self):
        self._open.set()

    def close(self):
        self.cut()
        self.listener.close()


@dataclass
class ProxiedAppServer(AppServer):
    """gunicorn reaching the database through `proxy`; `master` is its arbiter."""

    proxy: DatabaseProxy = None
    master: subprocess.Popen = None

    def workers(self) -> list[int]:
        import psutil

        return [child.pid for child in psutil.Process(self.master.pid).children()]

    def worker_answering(self) -> int | None:
        """The worker that holds an open client connection: the one busy with a
        request (sync workers serve one at a time, and the client closes)."""
        import psutil

        for pid in self.workers():
            try:
                connections = psutil.Process(pid).net_connections(kind="tcp")
            except psutil.NoSuchProcess:
                continue
            if any(
                c.status == psutil.CONN_ESTABLISHED and c.laddr.port == self.port
                for c in connections
            ):
                return pid
        return None


@pytest.fixture(scope="session")
def proxied_app_server(production_env, production_caches, tmp_path_factory):
    """gunicorn with three workers as `app_server`, but reaching PostgreSQL
    through a `DatabaseProxy` the test can cut, and keeping its connections
    (CONN_MAX_AGE 60 with health checks, the production default) so that
    recovering from broken ones is tested too."""
    db = connection.settings_dict
    proxy = DatabaseProxy(db["HOST"], db["PORT"])
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    env = {
        **production_env,
        "DATABASE_URL": (
            f"postgres://{credentials}@127.0.0.1:{proxy.port}/"
            f"{quote(db['NAME'], safe='')}"
        ),
        "CONN_MAX_AGE": "60",
    }
    if not (Path(env["STATIC_ROOT"]) / "staticfiles.json").exists():
        _python(COLLECTSTATIC, env=env)
    logs = tmp_path_factory.mktemp("gunicorn-proxied")
    # The tracebacks Django logs while the database is away go to output.log.
    try:
        with (
            (logs / "output.log").open("wb") as output,
            _gunicorn(env, logs, output=output) as (process, port, access_log),
        ):
            yield ProxiedAppServer(
                "127.0.0.1", port, access_log, WORKERS, proxy=proxy, master=process
            )
    finally:
        proxy.close()
