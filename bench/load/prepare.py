"""`make load`, step 2: people for the load test in the freshly seeded database.

    python -m bench.load.prepare OUT.json

Adds `LOAD_PARTICIPANTS` (300) participants to the accepted firms of the demo run
and four more course leaders of that run, all with the password below hashed by
the production hasher (once, then shared: the hash is as strong as any, only the
setup is quick). Writes what the Locust users need (accounts, lessons, quizzes,
codes, sessions) to OUT.json.
"""

import json
import os
import sys

import django

django.setup()

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction

PASSWORD = "Load-test-2026-passord"  # a throwaway load-test database
LEADERS = 4


@transaction.atomic
def prepare(participants: int) -> dict:
    from cms.models import (
        FirmRegistryPage,
        LessonPage,
        MeasureCatalogPage,
        TargetGroup,
        ToolboxAreaPage,
    )
    from courses.codes import format_code
    from courses.demo import RUN_TITLE
    from courses.models import Certification, CourseRun, EnrolmentStatus, Quiz
    from lms.accounts import services as accounts
    from lms.accounts.demo import DEMO_PASSWORD, demo_email
    from lms.accounts.models import Membership, User
    from lms.accounts.roles import Role

    run = CourseRun.objects.get(title=RUN_TITLE)
    enrolments = list(
        run.enrolments.filter(status=EnrolmentStatus.ACCEPTED).select_related("firm")
    )
    password = make_password(PASSWORD)
    User.objects.bulk_create(
        User(
            email=f"load-{n}@example.no",
            first_name="Last",
            last_name=f"Deltaker {n}",
            password=password,
        )
        for n in range(participants)
    )
    people = list(User.objects.filter(email__startswith="load-").order_by("pk"))
    Membership.objects.bulk_create(
        Membership(firm=enrolments[n % len(enrolments)].firm, user=person)
        for n, person in enumerate(people)
    )
    group = Group.objects.get_or_create(name=Role.PARTICIPANT.value)[0]
    group.user_set.add(*people)
    for n, enrolment in enumerate(enrolments):
        enrolment.participants.add(*people[n :: len(enrolments)])
    leaders = [demo_email("kursleder")]
    for n in range(LEADERS):
        leader = User.objects.create(
            email=f"load-leader-{n}@example.no",
            first_name="Last",
            last_name=f"Kursleder {n}",
            password=password,
        )
        accounts.role_grant(user=leader, role=Role.COURSE_LEADER)
        run.leaders.add(leader)
        leaders.append(leader.email)

    lessons = [
        {"id": lesson.pk, "url": lesson.url}
        for lesson in LessonPage.objects.live().public().order_by("path")
    ]
    group_slugs = list(TargetGroup.objects.values_list("slug", flat=True))
    catalogue = MeasureCatalogPage.objects.live().first().url
    codes = [
        format_code(code)
        for code in Certification.objects.filter(revoked_at__isnull=True).values_list(
            "code", flat=True
        )
    ]
    return {
        "password": PASSWORD,
        "participants": [person.email for person in people],
        "leaders": [
            {"email": email, "password": DEMO_PASSWORD if n == 0 else PASSWORD}
            for n, email in enumerate(leaders)
        ],
        "run": run.pk,
        "sessions": list(
            run.sessions.order_by("starts_at").values_list("pk", flat=True)
        ),
        "attendees": list(
            User.objects.filter(enrolments__run=run).values_list("pk", flat=True)
        ),
        "lessons": lessons,
        "areas": [area.url for area in ToolboxAreaPage.objects.live().order_by("path")],
        "catalogue": [f"{catalogue}?target_group={slug}" for slug in group_slugs]
        + [catalogue],
        "registry": FirmRegistryPage.objects.live().first().url,
        "quizzes": list(Quiz.objects.order_by("key").values_list("key", flat=True)),
        "codes": codes,
    }


def main() -> int:
    data = prepare(int(os.environ.get("LOAD_PARTICIPANTS", "300")))
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(data, out, indent=1)
    print(
        f"load: {len(data['participants'])} participants, {len(data['leaders'])} "
        f"leaders, {len(data['lessons'])} lessons, {len(data['codes'])} codes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
