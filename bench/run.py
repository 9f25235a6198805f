"""Page benchmark: `make bench` (python -m bench, settings bench.settings).

Builds the fixture (bench/data.py) in a fresh database, then measures pages in one
process through Django's full request handler and middleware (the test client,
`DEBUG=False`, production's cache and session engine: Redis on loopback, which
`make bench` starts and stops). Each page is measured twice:

- `cache=cold`: every cache emptied (Redis FLUSHDB) before each timed request —
  what the first view after a publish, a restart or an eviction costs;
- `cache=warm`: after warm-up requests, nothing emptied.

Each of `BENCH_REPEATS` (3) repeats times the trivial view (`/bench/ok/`, the same
middleware, no database) and then every page `BENCH_REQUESTS` (100) times per
cache state. One line per page and cache state:

    bench <page> cache=<cold|warm> ratio=<page ms / trivial ms> queries=<n>
        median_ms=<ms>                                        (on one line)

ratio and median_ms are the medians over the repeats of each repeat's median
(the ratio against the trivial view of the same repeat); queries is the count of
one extra request on that path, made with the debug cursor (timed requests run
without it). Then certificate PDFs without the web layer:

    bench kursbevis-pdf per_second=<renders per second> median_ms=<ms>

Sizes: `BENCH_SIZE` (`make bench SIZE=...`) names one or more of S, M and L
(bench/data.py SIZES: the pilot's 12 firms; 100 firms with 1,000 participants;
2,000 firms with 20,000 participants, 200,000 quiz attempts and 10,000 validation
cases), each built in a fresh database and measured in turn. After the contract
lines of every size comes one Markdown table: per page and cache state, the
median, p95 and ratio at each size and the query counts side by side. It is
also written, with the machine and the date, to `BENCH_TABLE` (`make bench`:
docs/benchmarks.md). Targets missed (issue 10's ratios and query limits at every
size, and query counts that differ between sizes) are printed to stderr and kept
under the table. `BENCH_FIRMS` builds a quick custom size of that many firms
instead (the suite's test of the bench).
"""

import os
import statistics
import sys
import time
from dataclasses import dataclass

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, reset_queries
from django.test import Client
from django.urls import reverse

WARMUPS = 3
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
# BENCH_SIZE: one or more of S, M, L (bench/data.py SIZES), measured in turn;
# BENCH_FIRMS instead builds a quick custom size of that many firms.
SIZES = os.environ.get("BENCH_SIZE", "S").split()
SIZES_KNOWN = {"S", "M", "L"}
FIRMS = int(os.environ.get("BENCH_FIRMS", "0"))
if FIRMS:
    SIZES = [f"{FIRMS} firms"]
# Where the table goes (besides stdout), with the machine and the date.
TABLE_FILE = os.environ.get("BENCH_TABLE", "")

# Issue 10's targets: (most queries cold, ratio cold, ratio warm) by kind of page.
TARGETS = {"visitor": (15, 60, 20), "participant": (15, 60, 20), "staff": (15, 100, 40)}


class Page:
    def __init__(self, name, kind, url, user=None, content_type="text/html"):
        self.name, self.kind, self.url, self.user = name, kind, url, user
        self.content_type = content_type
        # Production sits behind a proxy that terminates HTTPS and says so.
        self.client = Client(headers={"X-Forwarded-Proto": "https"})
        if user is not None:
            self.client.force_login(user)
        # Measure the page itself, not a redirect to its canonical address.
        response = self.client.get(url)
        if response.status_code in (301, 302) and response["Location"].startswith("/"):
            self.url = response["Location"]

    def get(self):
        response = self.client.get(self.url)
        if response.status_code != 200 or not response["Content-Type"].startswith(
            self.content_type
        ):
            raise SystemExit(
                f"bench: {self.name} {self.url} answered {response.status_code} "
                f"{response.get('Content-Type')} {response.get('Location', '')}"
            )
        return response


REDIS = "django.core.cache.backends.redis.RedisCache"
# The caches emptied for `cache=cold`: every Redis database the site uses (rate
# limit counters, kept in their own database table, are not a cache of content).
FLUSHED = [alias for alias, conf in settings.CACHES.items() if conf["BACKEND"] == REDIS]


def flush_caches():
    """FLUSHDB on each Redis database the site uses."""
    for alias in FLUSHED:
        caches[alias].clear()


def keep_logged_in(page):
    """Sessions kept only in a cache end with it; log the client in again, untimed,
    so that the cold request measures the page and not the login form. (Sessions
    kept in the database and read through the cache survive: the cold request
    reads its session from the database, as after a restart.)"""
    if page.user is not None and settings.SESSION_ENGINE.endswith(".cache"):
        page.client.force_login(page.user)


def timed(page, rounds, cold):
    """The page's server times in ms, `rounds` requests."""
    timings = []
    for _ in range(rounds):
        if cold:
            flush_caches()
            keep_logged_in(page)
        start = time.perf_counter()
        page.get()
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def p95(timings):
    return statistics.quantiles(timings, n=20, method="inclusive")[-1]


def count_queries(page, cold):
    if cold:
        flush_caches()
        keep_logged_in(page)
    else:
        for _ in range(WARMUPS):
            page.get()
    connection.force_debug_cursor = True
    reset_queries()
    try:
        page.get()
        return len(connection.queries)
    finally:
        connection.force_debug_cursor = False


def pages(data):
    from cms.models import (
        FirmRegistryPage,
        MeasureCatalogPage,
        TargetGroup,
        ToolboxAreaPage,
    )

    area = ToolboxAreaPage.objects.live().get(pk=data.lesson.get_parent().pk)
    group = TargetGroup.objects.order_by("slug").first()
    catalogue = MeasureCatalogPage.objects.live().first().url
    leader, participant = data.leader, data.participant
    return [
        Page("home", "visitor", "/"),
        Page("toolbox-area", "visitor", area.url),
        Page("lesson", "visitor", data.lesson.url),
        Page("lesson-participant", "participant", data.lesson.url, participant),
        Page(
            "measure-catalogue",
            "visitor",
            f"{catalogue}?target_group={group.slug}&kind=",
        ),
        Page("search", "visitor", reverse("search") + "?q=arbeidstrening"),
        Page("registry", "visitor", FirmRegistryPage.objects.live().first().url),
        Page(
            "verify",
            "visitor",
            reverse("verify:detail", args=[data.certification.code]),
        ),
        Page("my-course", "participant", reverse("courses:my_course"), participant),
        Page("home-participant", "participant", reverse("home"), participant),
        Page("home-leader", "staff", reverse("home"), leader),
        Page(
            "quiz",
            "participant",
            reverse("courses:quiz_attempt", args=[data.open_attempt.pk]) + "?q=2",
            participant,
        ),
        Page(
            "quiz-result",
            "participant",
            reverse("courses:quiz_result", args=[data.finished_attempt.pk]),
            participant,
        ),
        Page(
            "certificate-pdf",
            "participant",
            reverse(
                "courses:course_certificate_pdf", args=[data.course_certificate.pk]
            ),
            participant,
            content_type="application/pdf",
        ),
        Page(
            "run-overview",
            "staff",
            reverse("courses:run_overview", args=[data.run.pk]),
            leader,
        ),
        Page(
            "attendance",
            "staff",
            reverse("courses:attendance", args=[data.session.pk]),
            leader,
        ),
        Page(
            "plan-review",
            "staff",
            reverse("courses:plan_review", args=[data.enrolment.pk]),
            leader,
        ),
        # Validation: the candidate's cases, the assessor's queue, and the
        # criteria × evidence grid of a 20-criterion case with 100 pieces.
        Page(
            "validation-my-cases",
            "participant",
            reverse("validation:my_cases"),
            data.validation_candidate,
        ),
        Page(
            "validation-queue",
            "staff",
            reverse("validation:queue"),
            data.validation_assessor,
        ),
        Page(
            "validation-case",
            "staff",
            reverse("validation:case", args=[data.big_case.pk]),
            data.validation_assessor,
        ),
        # Results: every table of the dashboard over all firms' reports (the
        # programme owner's view), and the suppressed public figures.
        Page(
            "results-dashboard",
            "staff",
            reverse("results:dashboard"),
            data.programme_owner,
        ),
        Page("results-public", "visitor", reverse("results:public")),
        # The candidate's portfolio: the big case as its candidate sees it.
        Page(
            "validation-portfolio",
            "participant",
            reverse("validation:case", args=[data.big_case.pk]),
            data.validation_candidate,
        ),
        # The trainee's journey: their placement, introduction, work plan; the
        # mentor's list of placements and an evaluation.
        Page(
            "placement-trainee",
            "participant",
            reverse("placements:detail", args=[data.placement.pk]),
            data.trainee,
        ),
        Page(
            "introduction-trainee",
            "participant",
            reverse("placements:introduction", args=[data.placement.pk]),
            data.trainee,
        ),
        Page(
            "work-plan-trainee",
            "participant",
            reverse("placements:work_plan", args=[data.placement.pk]),
            data.trainee,
        ),
        Page(
            "placements-mentor", "participant", reverse("placements:list"), data.mentor
        ),
        Page(
            "evaluation-mentor",
            "participant",
            reverse("placements:evaluation", args=[data.evaluation.pk]),
            data.mentor,
        ),
    ]


def bench_certificate_pdfs(count=200):
    """Course certificate PDFs rendered one at a time, no database involved:

    bench kursbevis-pdf per_second=<renders per second> median_ms=<ms>
    """
    from datetime import date

    from courses.documents import CertificateDocument, CertificateKind
    from courses.documents.pdf import render_certificate_pdf

    first_names = ["Kari", "Ola", "Ingrid", "Mohammed", "Åse", "Bjørn", "Sofie"]
    last_names = ["Nordmann", "Haugland-Kristoffersen", "Ødegård", "Ali", "Berg"]
    documents = []
    for n in range(WARMUPS + count):
        code = f"B{n:03d}-QX9P-4RTW"
        first = first_names[n % len(first_names)]
        last = last_names[n % len(last_names)]
        documents.append(
            CertificateDocument(
                kind=CertificateKind.COURSE,
                code=code,
                verify_url=f"https://sosialprofil.no/verify/{code}/",
                holder_name=f"{first} {last}",
                course_title="Sertifiseringskurs i sosial bærekraft",
                run_title="Høstkurset 2026",
                municipality="Asker",
                session_dates=(date(2026, 9, 3), date(2026, 9, 17), date(2026, 10, 1)),
                issued_on=date(2026, 11, 23),
                issuer_name="Sosial Profil",
                issuer_url="https://sosialprofil.no/",
                signed_by="Ingrid Haugland",
            )
        )
    for document in documents[:WARMUPS]:
        render_certificate_pdf(document=document)
    timings = []
    for document in documents[WARMUPS:]:
        start = time.perf_counter()
        pdf = render_certificate_pdf(document=document)
        timings.append((time.perf_counter() - start) * 1000)
        if not pdf.startswith(b"%PDF"):
            raise SystemExit(f"bench: {document.code} is not a PDF")
    per_second = count / (sum(timings) / 1000)
    median_ms = statistics.median(timings)
    print(f"bench kursbevis-pdf per_second={per_second:.1f} median_ms={median_ms:.2f}")


def note(text):
    print(f"# {text}", file=sys.stderr, flush=True)


def measure(data):
    """Every page at one size: {(page, cold): Figure}, and the trivial view's
    median; prints the contract lines."""
    trivial = Page("trivial", "visitor", "/bench/ok/")
    measured = pages(data)
    queries = {}
    for page in measured:
        for cold in (True, False):
            queries[page.name, cold] = count_queries(page, cold)

    trivial_ms, runs = [], {}
    for repeat in range(REPEATS):
        for _ in range(WARMUPS):
            trivial.get()
        base = statistics.median(timed(trivial, REQUESTS, cold=False))
        trivial_ms.append(base)
        for page in measured:
            cold_ms = timed(page, REQUESTS, cold=True)
            for _ in range(WARMUPS):
                page.get()
            warm_ms = timed(page, REQUESTS, cold=False)
            for cold, timings in ((True, cold_ms), (False, warm_ms)):
                runs.setdefault((page.name, cold), []).append((timings, base))
        note(f"{data.size.name} repeat {repeat + 1}: trivial {base:.2f} ms")

    print(
        f"bench trivial ratio=1.00 queries=0 "
        f"median_ms={statistics.median(trivial_ms):.2f}"
    )
    figures = {}
    for cold in (True, False):
        for page in measured:
            repeats = runs[page.name, cold]
            figure = Figure(
                kind=page.kind,
                median_ms=statistics.median(
                    statistics.median(t) for t, _base in repeats
                ),
                p95_ms=p95([ms for t, _base in repeats for ms in t]),
                ratio=statistics.median(
                    statistics.median(t) / base for t, base in repeats
                ),
                queries=queries[page.name, cold],
            )
            figures[page.name, cold] = figure
            print(
                f"bench {page.name} cache={'cold' if cold else 'warm'} "
                f"ratio={figure.ratio:.2f} queries={figure.queries} "
                f"median_ms={figure.median_ms:.2f}",
                flush=True,
            )
    return figures, statistics.median(trivial_ms)


@dataclass
class Figure:
    kind: str
    median_ms: float
    p95_ms: float
    ratio: float
    queries: int


def target_misses(size, figures):
    misses = []
    for (name, cold), figure in figures.items():
        most_queries, cold_ratio, warm_ratio = TARGETS[figure.kind]
        state = "cold" if cold else "warm"
        limit = cold_ratio if cold else warm_ratio
        if figure.ratio > limit:
            misses.append(
                f"{size} {name} cache={state} ratio {figure.ratio:.1f} > {limit}"
            )
        if cold and figure.queries > most_queries:
            misses.append(
                f"{size} {name} cache=cold {figure.queries} queries > {most_queries}"
            )
    return misses


def table(by_size, trivial):
    """One Markdown table: every page and cache state, at every size measured."""
    sizes = list(by_size)
    head = (
        ["page", "cache"]
        + [
            f"{size} {what}"
            for size in sizes
            for what in ("median ms", "p95 ms", "ratio")
        ]
        + ["queries " + "/".join(sizes)]
    )
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines.append(
        "| trivial | – | "
        + " | ".join(f"{trivial[size]:.2f} | – | 1.00" for size in sizes)
        + " | 0 |"
    )
    first = by_size[sizes[0]]
    for cold in (True, False):
        for name, state in first:
            if state != cold:
                continue
            cells = [name, "none" if cold else "warm"]
            for size in sizes:
                figure = by_size[size][name, cold]
                cells += [
                    f"{figure.median_ms:.1f}",
                    f"{figure.p95_ms:.1f}",
                    f"{figure.ratio:.1f}",
                ]
            cells.append(
                "/".join(str(by_size[size][name, cold].queries) for size in sizes)
            )
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine():
    """One line on where the figures come from."""
    import platform

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(
                line.split(":", 1)[1].strip()
                for line in info
                if line.startswith("model name")
            )
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as info:
            kib = int(
                next(line for line in info if line.startswith("MemTotal")).split()[1]
            )
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    if connection.vendor == "sqlite":
        database = f"SQLite {connection.Database.sqlite_version}"
    else:
        database = f"PostgreSQL {connection.cursor().connection.info.server_version}"
    return (
        f"{os.cpu_count()} × {cpu}{memory}; Python {platform.python_version()}, "
        f"{database}, Redis on loopback"
    )


def main() -> int:
    started = time.perf_counter()
    from django.core.cache import cache

    if not FLUSHED:
        note("no Redis cache in the settings: run `make bench`")
        return 1
    try:
        cache.set("bench-ping", 1)
    except Exception as error:  # any failure means no Redis
        note(f"the cache at REDIS_URL does not answer ({error}); run `make bench`")
        return 1
    call_command("collectstatic", interactive=False, verbosity=0)
    note(f"static files collected in {time.perf_counter() - started:.0f} s")
    from bench.data import build, size_from

    by_size, trivial, misses, built = {}, {}, [], {}
    for name in SIZES:
        size = size_from(name, FIRMS)
        begun = time.perf_counter()
        data = build(size)
        built[size.name] = time.perf_counter() - begun
        note(
            f"built size {size.name} in {built[size.name]:.0f} s; "
            f"{REPEATS} repeats × {REQUESTS} requests per page and cache state; "
            f"cache {settings.CACHES['default']['BACKEND']}, "
            f"sessions {settings.SESSION_ENGINE}"
        )
        by_size[size.name], trivial[size.name] = measure(data)
        misses += target_misses(size.name, by_size[size.name])
    first = next(iter(by_size.values()))
    for key in first:
        counts = {size: figures[key].queries for size, figures in by_size.items()}
        if len(set(counts.values())) > 1:
            state = "cold" if key[1] else "warm"
            misses.append(f"{key[0]} cache={state} queries differ: {counts}")
    bench_certificate_pdfs()
    text = table(by_size, trivial)
    print(text)
    for miss in misses:
        note(f"target missed: {miss}")
    if TABLE_FILE:
        write_table(text, by_size, built, misses)
    note(f"built and measured in {time.perf_counter() - started:.0f} s")
    return 0


def write_table(text, by_size, built, misses):
    from bench.data import size_from

    sizes = "; ".join(
        f"{name}: {size_from(name).describe()}, built in {built[name]:.0f} s"
        if name in SIZES_KNOWN
        else f"{name}, built in {built[name]:.0f} s"
        for name in by_size
    )
    with open(TABLE_FILE, "w") as out:
        out.write(
            f"# Benchmarks\n\n"
            f"The last `make bench` table, written by bench/run.py "
            f"(see README, Running at scale).\n\n"
            f"- Date: {time.strftime('%Y-%m-%d %H:%M %Z')}\n"
            f"- Machine: {machine()}\n"
            f"- Sizes: {sizes}\n"
            f"- {REPEATS} repeats × {REQUESTS} requests per page, size and cache "
            f"state. `none`: every Redis cache emptied before each timed request "
            f"(the contract lines say `cache=cold`); `warm`: after warm-up requests. "
            f"Median and p95 are server time through Django's whole handler and "
            f"middleware; ratio is the page's median over the trivial view's in "
            f"the same repeat; queries are one request's.\n\n"
            f"{text}\n\n"
            + (
                "Targets missed:\n\n" + "\n".join(f"- {m}" for m in misses) + "\n"
                if misses
                else "Every target held: queries equal at every size, issue 10's "
                "ratio targets at every size.\n"
            )
        )
    note(f"table written to {TABLE_FILE}")


if __name__ == "__main__":
    sys.exit(main())
