"""`make bench` runs and prints its contract lines (speed itself is read by people)."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(
    r"^bench (?P<name>[a-z-]+) ratio=(?P<ratio>[0-9.]+) "
    r"queries=(?P<queries>[0-9]+) median_ms=(?P<ms>[0-9.]+)$"
)
PDF_LINE = re.compile(
    r"^bench kursbevis-pdf per_second=(?P<per_second>[0-9.]+) "
    r"median_ms=(?P<ms>[0-9.]+)$"
)


def test_bench_prints_one_line_per_page_with_at_most_15_queries(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.bench",
        "BENCH_DATABASE_URL": f"sqlite:///{tmp_path / 'bench.sqlite3'}",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "lms.bench"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    output = result.stdout.splitlines()
    pdf = [PDF_LINE.match(line) for line in output if "per_second=" in line]
    assert len(pdf) == 1 and pdf[0], result.stdout
    # The certificate PDF target: well under 50 ms each.
    assert float(pdf[0]["ms"]) < 50
    lines = [LINE.match(line) for line in output if "per_second=" not in line]
    assert all(lines), result.stdout
    pages = {m["name"]: m for m in lines}
    assert set(pages) == {
        "trivial",
        "run-overview",
        "my-course",
        "home",
        "lesson",
        "measure-catalogue",
        "quiz",
        "quiz-result",
    }
    assert all(int(m["queries"]) <= 15 for m in lines)
