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

The spread of the repeats and the targets of issue 10 are printed to stderr.
`BENCH_FIRMS` (40) sets the run's size (and the number of firms with five
years of follow-up reports on the results dashboard): `make bench BENCH_FIRMS=2000
BENCH_REQUESTS=5` shows whether a query count grows with the number of firms.
"""

import os
import statistics
import sys
import time

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
FIRMS = int(os.environ.get("BENCH_FIRMS", "40"))

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
    timings = []
    for _ in range(rounds):
        if cold:
            flush_caches()
            keep_logged_in(page)
        start = time.perf_counter()
        page.get()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


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
    from bench.data import build

    data = build(FIRMS)
    note(
        f"built {data.firms} firms at {time.perf_counter() - started:.0f} s; "
        f"{REPEATS} repeats × {REQUESTS} requests per page and cache state; "
        f"cache {settings.CACHES['default']['BACKEND']}, "
        f"sessions {settings.SESSION_ENGINE}"
    )
    trivial = Page("trivial", "visitor", "/bench/ok/")
    measured = pages(data)
    queries = {}
    for page in measured:
        for cold in (True, False):
            queries[page.name, cold] = count_queries(page, cold)

    trivial_ms, results = [], {}
    for repeat in range(REPEATS):
        for _ in range(WARMUPS):
            trivial.get()
        base = timed(trivial, REQUESTS, cold=False)
        trivial_ms.append(base)
        for page in measured:
            cold_ms = timed(page, REQUESTS, cold=True)
            for _ in range(WARMUPS):
                page.get()
            warm_ms = timed(page, REQUESTS, cold=False)
            results.setdefault((page.name, True), []).append((cold_ms, cold_ms / base))
            results.setdefault((page.name, False), []).append((warm_ms, warm_ms / base))
        note(f"repeat {repeat + 1}: trivial {base:.2f} ms")

    print(
        f"bench trivial ratio=1.00 queries=0 "
        f"median_ms={statistics.median(trivial_ms):.2f}"
    )
    misses = []
    for cold in (True, False):
        for page in measured:
            runs = results[page.name, cold]
            ms = statistics.median(r[0] for r in runs)
            ratio = statistics.median(r[1] for r in runs)
            count = queries[page.name, cold]
            state = "cold" if cold else "warm"
            print(
                f"bench {page.name} cache={state} ratio={ratio:.2f} "
                f"queries={count} median_ms={ms:.2f}",
                flush=True,
            )
            ratios = "/".join(f"{r[1]:.1f}" for r in runs)
            note(f"{page.name} cache={state}: ratio per repeat {ratios}")
            most_queries, cold_ratio, warm_ratio = TARGETS[page.kind]
            limit = cold_ratio if cold else warm_ratio
            if ratio > limit:
                misses.append(f"{page.name} cache={state} ratio {ratio:.1f} > {limit}")
            if cold and count > most_queries:
                misses.append(
                    f"{page.name} cache=cold {count} queries > {most_queries}"
                )
    bench_certificate_pdfs()
    for miss in misses:
        note(f"target missed: {miss}")
    note(f"built and measured in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
