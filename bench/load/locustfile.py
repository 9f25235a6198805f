"""`make load`: who uses the site, and how (Locust, headless; see bench/load/run.sh).

- Participants (most users) log in when they arrive — every one of them, so each
  run starts with a real login burst — then read lessons, mark them done, look at
  "my course" and answer a quiz question by question, submitting at the end.
- Visitors read the home page, the toolbox, lessons, the measure catalogue with a
  filter and the registry, and verify certificate codes.
- Course leaders (one in twenty users) log in, look at the run overview and take
  attendance for a session, one person at a time, as the page's script does.

The accounts, lessons and codes come from the JSON file bench/load/prepare.py
wrote (LOAD_DATA). LOAD_ACCOUNT_OFFSET picks where in the list of participants
this run starts, so that a second run logs in people with fresh quiz attempts.
"""

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, task

DATA = json.load(open(os.environ["LOAD_DATA"], encoding="utf-8"))
_participants = itertools.count(int(os.environ.get("LOAD_ACCOUNT_OFFSET", "0")))
_leaders = itertools.count()
CHOICE = re.compile(r'<input[^>]*name="choice"[^>]*>')
VALUE = re.compile(r'value="(\d+)"')
WAIT = between(1, 3)


class Browser(HttpUser):
    abstract = True
    wait_time = WAIT

    def csrf_headers(self):
        return {"X-CSRFToken": self.client.cookies.get("csrftoken", "")}

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
    weight = 14

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
        self.client.get(f"/kurs/ledelse/samling/{session}/oppmote/", name="attendance")

    @task(4)
    def take_attendance(self):
        session = random.choice(DATA["sessions"])
        self.client.post(
            f"/kurs/ledelse/samling/{session}/oppmote/",
            data={
                "person": random.choice(DATA["attendees"]),
                "status": random.choice(["present", "present", "late", "absent"]),
            },
            headers={**self.csrf_headers(), "Accept": "application/json"},
            name="attendance record",
        )
