"""`make bench` runs and prints its contract lines (speed itself is read by people).

Runs the real benchmark, small (3 firms, 2 requests per page and cache state, one
repeat), on a private Redis that bench/with-redis.sh starts and stops.
"""

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(
    r"^bench (?P<name>[a-z-]+) cache=(?P<cache>cold|warm) ratio=(?P<ratio>[0-9.]+) "
    r"queries=(?P<queries>[0-9]+) median_ms=(?P<ms>[0-9.]+)$"
)
TRIVIAL = re.compile(r"^bench trivial ratio=1\.00 queries=0 median_ms=[0-9.]+$")
PDF_LINE = re.compile(
    r"^bench kursbevis-pdf per_second=(?P<per_second>[0-9.]+) "
    r"median_ms=(?P<ms>[0-9.]+)$"
)
PAGES = {
    "home",
    "toolbox-area",
    "lesson",
    "lesson-participant",
    "measure-catalogue",
    "search",
    "registry",
    "verify",
    "my-course",
    "home-participant",
    "home-leader",
    "quiz",
    "quiz-result",
    "certificate-pdf",
    "run-overview",
    "attendance",
    "plan-review",
    "validation-my-cases",
    "validation-queue",
    "validation-case",
    "results-dashboard",
    "results-public",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.timeout(1200)
def test_bench_prints_every_page_cold_and_warm(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_DATABASE_URL": f"sqlite:///{tmp_path / 'bench.sqlite3'}",
        "BENCH_FIRMS": "3",
        "BENCH_REQUESTS": "2",
        "BENCH_REPEATS": "1",
    }
    for name in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS"):
        env.pop(name, None)
    result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [ROOT / "bench/with-redis.sh", str(free_port()), sys.executable, "-m", "bench"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1100,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    output = result.stdout.splitlines()
    pdf = [PDF_LINE.match(line) for line in output if "per_second=" in line]
    assert len(pdf) == 1 and pdf[0], result.stdout
    # Timings are the bench's report, not a pass/fail on a shared CI machine; a
    # PDF that takes a quarter of a second each is broken, not slow.
    assert 0 < float(pdf[0]["ms"]) < 250
    assert sum(bool(TRIVIAL.match(line)) for line in output) == 1, result.stdout
    lines = [LINE.match(line) for line in output if "cache=" in line]
    assert all(lines), result.stdout
    measured = {(m["name"], m["cache"]): m for m in lines}
    assert set(measured) == {(p, c) for p in PAGES for c in ("cold", "warm")}
    # A warm cache never costs more queries than an empty one.
    for page in PAGES:
        warm = int(measured[page, "warm"]["queries"])
        assert warm <= int(measured[page, "cold"]["queries"]), page
