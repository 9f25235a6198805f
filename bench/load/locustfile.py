"""`make load`: who uses the site, and how (Locust, headless; see bench/load/run.sh).

- Participants (most users) log in when they arrive — every one of them, so each
  run starts with a real login burst — then read lessons, mark them done, look at
  "my course" and answer a quiz question by question, submitting at the end.
- Visitors read the home page, the toolbox, lessons, the measure catalogue with a
  filter and the registry, and verify certificate codes.
- Visitors also verify validation certificates and read the public results.
- Course leaders log in, look at the run overview and take attendance for a
  session, one person at a time, as the page's script does, and read the results
  dashboard of their runs; the programme owner reads the whole dashboard.
- Candidates read their cases and a case, open the evidence form and upload a
  small file (a PNG or a PDF made here) or write a reflection, then remove that
  piece again, so their cases never fill up.
- Assessors work through their own pool of submitted cases: the case, the
  assessment page, a decision on every criterion, then the confirmation (each
  case once; a case no longer waiting is skipped, an empty pool leaves the queue
  and case pages).
- Firm contacts open the yearly follow-up of their firm's certification, file it
  once (the form), then correct the filed report (allowed again and again).
- Trainees read their placement, the introduction checklist (and tick their own
  column), the work plan and the evaluation; mentors the same from the firm's
  side, with their list, the plan's and the evaluation's forms.

The accounts, lessons, codes, cases, certifications and placements come from
the JSON file bench/load/prepare.py wrote (LOAD_DATA). LOAD_ACCOUNT_OFFSET picks
where in each list of accounts this run starts, so that a second run logs in
people with fresh quiz attempts, fresh cases and unfiled follow-ups.
Every response of 400 or more counts as an error, as does a refused step.
"""

import itertools
import json
import os
import random
import re
import struct
import zlib

from locust import HttpUser, between, task

DATA = json.load(open(os.environ["LOAD_DATA"], encoding="utf-8"))
OFFSET = int(os.environ.get("LOAD_ACCOUNT_OFFSET", "0"))
_participants = itertools.count(OFFSET)
_leaders = itertools.count()
# One counter per kind of account: two users of one run never share a case,
# a follow-up or a placement.
_accounts = {
    key: itertools.count(OFFSET)
    for key in ("candidates", "assessors", "contacts", "trainees", "mentors")
}
CHOICE = re.compile(r'<input[^>]*name="choice"[^>]*>')
VALUE = re.compile(r'value="(\d+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')
EVIDENCE_PK = re.compile(r"#evidence-(\d+)")
REPORT_PK = re.compile(r"/oppfolging/rapport/(\d+)/")
WAIT = between(1, 3)


def account(key):
    """The next account of this kind (round the list)."""
    rows = DATA[key]
    return rows[next(_accounts[key]) % len(rows)]


def png_bytes() -> bytes:
    """An 8 × 8 PNG, made here (nothing fetched)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + bytes([40, 120, 200]) * 8 for _ in range(8))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def pdf_bytes() -> bytes:
    """A one-page PDF with a line of text and a correct cross-reference table."""
    stream = b"BT /F1 18 Tf 72 770 Td (Bevis fra lasttesten) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


FILES = [
    ("tavle.png", png_bytes(), "image/png"),
    ("referat.pdf", pdf_bytes(), "application/pdf"),
]


class Browser(HttpUser):
    abstract = True
    wait_time = WAIT

    def csrf_headers(self):
        return {"X-CSRFToken": self.client.cookies.get("csrftoken", "")}

    def post_step(self, url, data, name, *, files=None, expect=302):
        """A form's POST that must be taken (a redirect); anything else fails."""
        with self.client.post(
            url,
            data={
                **data,
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            },
            files=files,
            headers=self.csrf_headers(),
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != expect:
                response.failure(f"step refused ({response.status_code})")
            return response

    def log_in(self, email, password):
        self.client.get("/accounts/login/", name="login form")
        with self.client.post(
            "/accounts/login/",
            data={
                "username": email,
                "password": password,
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            },
            name="login",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login refused ({response.status_code})")


class Participant(Browser):
    weight = 12

    def on_start(self):
        number = next(_participants) % len(DATA["participants"])
        self.log_in(DATA["participants"][number], DATA["password"])
        self.quizzes = list(DATA["quizzes"])
        random.shuffle(self.quizzes)
        self.attempt = None

    @task(6)
    def read_lesson(self):
        lesson = random.choice(DATA["lessons"])
        self.client.get(lesson["url"], name="lesson (participant)")

    @task(2)
    def mark_done(self):
        lesson = random.choice(DATA["lessons"])
        self.client.post(
            f"/kurs/leksjon/{lesson['id']}/fullfort/",
            data={"action": "done"},
            headers=self.csrf_headers(),
            name="lesson done",
        )

    @task(2)
    def my_course(self):
        self.client.get("/kurs/mitt-kurs/", name="my course")

    @task(3)
    def quiz(self):
        """One step of a quiz: start (or resume) one, answer the next question, or
        hand it in once the last question is answered, and read the result."""
        if self.attempt is None:
            if not self.quizzes:
                return
            response = self.client.post(
                f"/kurs/quiz/{self.quizzes.pop()}/",
                headers=self.csrf_headers(),
                name="quiz start",
            )
            match = re.search(r"/quiz/forsok/(\d+)/", response.url or "")
            if match:
                self.attempt, self.position, self.answered = match[1], 1, False
            return
        url = f"/kurs/quiz/forsok/{self.attempt}/"
        if self.answered:
            self.client.post(
                url + "lever/", headers=self.csrf_headers(), name="quiz submit"
            )
            self.attempt = None
            return
        with self.client.get(
            f"{url}?q={self.position}", name="quiz question", catch_response=True
        ) as page:
            choices = [VALUE.search(tag)[1] for tag in CHOICE.findall(page.text)]
            if not choices:
                page.failure("no choices on the question page")
                self.attempt = None
                return
        response = self.client.post(
            f"{url}svar/{self.position}/",
            data={"choice": random.choice(choices)},
            headers=self.csrf_headers(),
            name="quiz answer",
        )
        if f"q={self.position + 1}" in (response.url or ""):
            self.position += 1
        else:
            self.answered = True


class Visitor(Browser):
    weight = 5

    @task(2)
    def home(self):
        self.client.get("/", name="home")

    @task(2)
    def toolbox(self):
        self.client.get(random.choice(DATA["areas"]), name="toolbox area")

    @task(4)
    def lesson(self):
        self.client.get(random.choice(DATA["lessons"])["url"], name="lesson (visitor)")

    @task(2)
    def catalogue(self):
        self.client.get(random.choice(DATA["catalogue"]), name="measure catalogue")

    @task(1)
    def registry(self):
        self.client.get(DATA["registry"], name="registry")

    @task(2)
    def verify(self):
        code = random.choice(DATA["codes"])
        self.client.get(f"/verify/{code}/", name="verify")

    @task(1)
    def verify_validation(self):
        code = random.choice(DATA["validation_codes"])
        self.client.get(f"/verify/{code}/", name="verify (validation)")

    @task(1)
    def public_results(self):
        self.client.get("/resultater/tall/", name="results (public)")


class Leader(Browser):
    weight = 1

    def on_start(self):
        account = DATA["leaders"][next(_leaders) % len(DATA["leaders"])]
        self.log_in(account["email"], account["password"])

    @task(1)
    def overview(self):
        self.client.get(f"/kurs/ledelse/{DATA['run']}/", name="run overview")

    @task(1)
    def attendance_page(self):
        session = random.choice(DATA["sessions"])
        # The sessions lie ahead: the page asks first, as before every session.
        self.client.get(
            f"/kurs/ledelse/samling/{session}/oppmote/?confirm=1", name="attendance"
        )

    @task(1)
    def dashboard(self):
        self.client.get("/resultater/oversikt/", name="results dashboard (leader)")

    @task(4)
    def take_attendance(self):
        session = random.choice(DATA["sessions"])
        self.client.post(
            f"/kurs/ledelse/samling/{session}/oppmote/",
            data={
                "person": random.choice(DATA["attendees"]),
                "status": random.choice(["present", "present", "late", "absent"]),
                "confirm_early": "1",
            },
            headers={**self.csrf_headers(), "Accept": "application/json"},
            name="attendance record",
        )


class ProgrammeOwner(Browser):
    """The programme owner reads the results dashboard over every firm."""

    weight = 1

    def on_start(self):
        self.log_in(DATA["programme_owner"], DATA["demo_password"])

    @task(3)
    def dashboard(self):
        self.client.get("/resultater/oversikt/", name="results dashboard (owner)")

    @task(1)
    def public(self):
        self.client.get("/resultater/tall/", name="results (public)")


class Candidate(Browser):
    """A candidate collecting evidence on their case: each piece added is
    removed again on the next step, so the case stays as it was."""

    weight = 2

    def on_start(self):
        row = account("candidates")
        self.log_in(row["email"], DATA["password"])
        self.case = f"/validering/saker/{row['case']}/"
        self.criteria = row["criteria"]
        self.added = None

    @task(2)
    def my_cases(self):
        self.client.get("/validering/mine/", name="my cases")

    @task(3)
    def case(self):
        self.client.get(self.case, name="case (candidate)")

    @task(4)
    def evidence(self):
        if self.added is not None:
            self.post_step(
                f"/validering/bevis/{self.added}/fjern/", {}, "evidence remove"
            )
            self.added = None
            return
        self.client.get(self.case + "bevis/ny/", name="evidence form")
        data = {
            "title": "Bevis fra lasttesten",
            "criteria": random.sample(self.criteria, 2),
        }
        if random.random() < 0.5:
            name, content, content_type = random.choice(FILES)
            response = self.post_step(
                self.case + "bevis/ny/",
                {**data, "kind": "file"},
                "evidence upload (file)",
                files={"file": (name, content, content_type)},
            )
        else:
            response = self.post_step(
                self.case + "bevis/ny/",
                {
                    **data,
                    "kind": "reflection",
                    "text": "Slik fulgte jeg opp den nye kollegaen i dag. " * 3,
                },
                "evidence upload (text)",
            )
        match = EVIDENCE_PK.search(response.headers.get("Location", ""))
        if match:
            self.added = match[1]


class Assessor(Browser):
    """An assessor with a pool of submitted cases: one step of one case at a
    time (the case page, the assessment page, the decisions, the confirmation)."""

    weight = 1

    def on_start(self):
        row = account("assessors")
        self.log_in(row["email"], DATA["password"])
        self.pool = list(row["cases"])
        self.current, self.step = None, 0

    @task(1)
    def queue(self):
        self.client.get("/validering/vurdering/", name="assessor queue")

    @task(4)
    def assess(self):
        if self.current is None:
            if not self.pool:
                self.queue()
                return
            self.current, self.step = self.pool.pop(0), 0
        case = self.current["case"]
        url = f"/validering/saker/{case}/vurder/"
        if self.step == 0:
            page = self.client.get(f"/validering/saker/{case}/", name="case (assessor)")
            if url not in page.text:  # decided meanwhile (an earlier run)
                self.current = None
                return
            self.step = 1
        elif self.step == 1:
            self.client.get(url, name="assess page")
            data = {}
            for criterion in DATA["assess_criteria"]:
                prefix = f"criterion-{criterion}-"
                data[prefix + "outcome"] = "met"
                data[prefix + "reason"] = "Vist i refleksjonsnotatet."
                data[prefix + "evidence"] = self.current["evidence"]
            self.post_step(url, data, "assess decisions")
            self.step = 2
        else:
            page = self.client.get(url, name="assess page")
            match = VERSION.search(page.text)
            self.post_step(
                url,
                {
                    "action": "assess",
                    "version": match[1] if match else "",
                    "reason": "",
                },
                "assess confirm",
            )
            self.current = None


class FirmContact(Browser):
    """A firm's contact: the yearly follow-up, filed once, then corrected."""

    weight = 1

    def on_start(self):
        row = account("contacts")
        self.log_in(row["email"], DATA["password"])
        self.file_url = f"/resultater/oppfolging/{row['certification']}/"
        self.report_url = None

    def figures(self):
        taken_in = random.randint(1, 4)
        return {
            "work_trial": taken_in,
            "wage_subsidy": 0,
            "permanent_job": 1,
            "temporary_job": 0,
            "apprenticeship": 0,
            "summer_job": 0,
            "young": taken_in,
            "disability": 0,
            "immigrant": 1,
            "other_group": 0,
            "ended_employed": 1,
            "ended_education": 0,
            "ended_new_placement": 0,
            "ended_other": 0,
            "mentors": 1,
            "narrative": "Vi tok imot folk på arbeidstrening og fikk en ny "
            f"fast ansatt. ({random.randint(1, 10**6)})",
        }

    @task(2)
    def form(self):
        """The follow-up's address: the form, or the filed report (a redirect)."""
        response = self.client.get(
            self.file_url, name="follow-up form", allow_redirects=False
        )
        match = REPORT_PK.search(response.headers.get("Location", ""))
        if match:
            self.report_url = f"/resultater/oppfolging/rapport/{match[1]}/"
            self.client.get(self.report_url, name="follow-up report")

    @task(2)
    def send(self):
        if self.report_url is None:
            self.form()
        if self.report_url is None:
            self.post_step(self.file_url, self.figures(), "follow-up file")
            self.form()
        else:
            self.post_step(self.report_url, self.figures(), "follow-up correct")

    @task(1)
    def home(self):
        self.client.get("/hjem/", name="home (contact)")


class Trainee(Browser):
    """A trainee on a work trial: the placement, the introduction checklist
    (ticking their own column), the work plan and the evaluation."""

    weight = 2

    def on_start(self):
        row = account("trainees")
        self.log_in(row["email"], DATA["password"])
        self.row = row
        self.base = f"/praksis/{row['placement']}/"

    @task(2)
    def placement(self):
        self.client.get(self.base, name="placement (trainee)")

    @task(2)
    def introduction(self):
        self.client.get(self.base + "introduksjon/", name="introduction (trainee)")

    @task(2)
    def tick(self):
        items = self.row["items"]
        ticked = random.sample(items, random.randint(1, len(items)))
        self.post_step(
            self.base + "introduksjon/",
            {f"item-{item}": "on" for item in ticked},
            "introduction tick (trainee)",
        )

    @task(2)
    def work_plan(self):
        self.client.get(self.base + "arbeidsplan/", name="work plan (trainee)")

    @task(1)
    def evaluation(self):
        self.client.get(
            f"/praksis/evalueringer/{self.row['evaluation']}/",
            name="evaluation (trainee)",
        )


class Mentor(Browser):
    """A workplace mentor with two trainees: the list, a placement, the
    checklist (ticking the firm's column), the plan and the evaluations."""

    weight = 1

    def on_start(self):
        row = account("mentors")
        self.log_in(row["email"], DATA["password"])
        self.placements = row["placements"]

    def pick(self):
        row = random.choice(self.placements)
        return row, f"/praksis/{row['placement']}/"

    @task(1)
    def placements_list(self):
        self.client.get("/praksis/", name="placements (mentor)")

    @task(2)
    def placement(self):
        self.client.get(self.pick()[1], name="placement (mentor)")

    @task(1)
    def introduction(self):
        self.client.get(self.pick()[1] + "introduksjon/", name="introduction (mentor)")

    @task(1)
    def tick(self):
        row, base = self.pick()
        self.post_step(
            base + "introduksjon/",
            {f"item-{item}": "on" for item in row["items"]},
            "introduction tick (mentor)",
        )

    @task(1)
    def work_plan(self):
        row, base = self.pick()
        self.client.get(base + "arbeidsplan/", name="work plan (mentor)")
        self.client.get(base + "arbeidsplan/endre/", name="work plan form")

    @task(1)
    def evaluation(self):
        row, base = self.pick()
        self.client.get(
            f"/praksis/evalueringer/{row['evaluation']}/", name="evaluation (mentor)"
        )
        self.client.get(base + "evalueringer/ny/", name="evaluation form")
