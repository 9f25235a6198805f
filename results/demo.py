"""Demo follow-up reports for `seed_demo`: four years of figures, never a person.

Builds on the course demo (courses/demo.py), whose first cohort was certified
about ten months ago. So that the dashboard has a trend, four of its firms
(in Asker, Hole, Lier and Bærum) are recorded as a pilot cohort three years
earlier: certified, followed up and renewed year by year through the course
and results services with the dates of the time, until the pilot ended and
their certifications lapsed; they then took the course again with the first
cohort. The first cohort's firms have filed this year's follow-up, except the
demo firm (Askerbakeriet AS), whose report is due and left for kontakt@ to
file. The lapsed firm in Drammen filed its one report before it lapsed.

Many counts are 1–3, so the public figures show "*"; two accounts are
published. Creates what is missing, never edits: a report is only filed for a
certification that has none, and the pilot is made once.
"""

from datetime import timedelta
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone

from courses.demo import PAST_RUN_TITLE
from courses.models import (
    Certification,
    Course,
    CourseRun,
    Enrolment,
    EnrolmentStatus,
    RunStatus,
)
from courses.services import certification as certification_services
from courses.services import runs
from lms.accounts.demo import demo_email
from lms.accounts.models import Firm, User

from .services import follow_up_submit

PILOT_RUN_TITLE = "Sosial Profil Drammen – pilotkull"
PILOT_OVERRIDE = (
    "Pilotkullet ble gjennomført før plattformen ble tatt i bruk. Sertifisering "
    "og årlige oppfølginger er registrert fra programmets arkiv."
)
# How long before the first cohort's first session the pilot was certified;
# its certifications, renewed twice, lapse four months before that session.
PILOT_MONTHS_BEFORE = 40
PILOT_YEARS = 3


class Report(NamedTuple):
    narrative: str
    counts: dict
    mentors: int
    measures: tuple = ()
    publish: bool = False


def _report(narrative, *, mentors, measures=(), publish=False, **counts) -> Report:
    return Report(narrative, counts, mentors, tuple(measures), publish)


# Organisation number -> the pilot's three yearly reports, oldest first.
PILOT_REPORTS = {
    "922222223": [  # Asker Renhold AS, Asker
        _report(
            "Vi tok inn seks personer i renholdsteamene, de fleste på "
            "arbeidstrening. Én fikk fast stilling.",
            mentors=2,
            measures=["arbeidstrening", "midlertidig-lonnstilskudd"],
            work_trial=3,
            wage_subsidy=2,
            permanent_job=1,
            young=2,
            disability=2,
            immigrant=2,
            ended_employed=1,
            ended_new_placement=2,
            ended_other=1,
        ),
        _report(
            "Ni personer begynte hos oss i løpet av året. Vi har nå tre faste "
            "veiledere på dagskiftet.",
            mentors=3,
            measures=["arbeidstrening", "midlertidig-lonnstilskudd", "mentor"],
            work_trial=4,
            wage_subsidy=2,
            permanent_job=2,
            temporary_job=1,
            young=3,
            disability=2,
            immigrant=3,
            other_group=1,
            ended_employed=2,
            ended_education=1,
            ended_new_placement=2,
            ended_other=1,
        ),
        _report(
            "Ti personer tatt inn, fire av dem med lønnstilskudd eller fast "
            "stilling etter arbeidstreningen.",
            mentors=3,
            measures=["arbeidstrening", "varig-lonnstilskudd", "mentor"],
            work_trial=3,
            wage_subsidy=3,
            permanent_job=2,
            temporary_job=2,
            young=2,
            disability=3,
            immigrant=4,
            other_group=1,
            ended_employed=3,
            ended_education=1,
            ended_new_placement=2,
            ended_other=1,
        ),
    ],
    "916903588": [  # Hole Gartneri AS, Hole
        _report(
            "Sommerjobb for to ungdommer og arbeidstrening for én i veksthuset.",
            mentors=1,
            measures=["ungdomsinnsatsen", "arbeidstrening"],
            summer_job=2,
            work_trial=1,
            young=2,
            other_group=1,
            ended_employed=1,
            ended_education=2,
        ),
        _report(
            "Tre sommerjobber og én arbeidstrening. Sesongen passer godt for "
            "korte opphold.",
            mentors=1,
            measures=["ungdomsinnsatsen", "arbeidstrening"],
            summer_job=3,
            work_trial=1,
            young=3,
            immigrant=1,
            ended_education=3,
            ended_other=1,
        ),
        _report(
            "To sommerjobber og to på arbeidstrening i vekstsesongen.",
            mentors=2,
            measures=["arbeidstrening"],
            summer_job=2,
            work_trial=2,
            young=2,
            disability=1,
            immigrant=1,
            ended_education=2,
            ended_new_placement=1,
        ),
    ],
    "915298737": [  # Lierbyen Hagesenter AS, Lier
        _report(
            "Vårsesongen ga plass til fem: to på arbeidstrening og tre i sommerjobb.",
            mentors=1,
            measures=["arbeidstrening"],
            work_trial=2,
            summer_job=3,
            young=3,
            immigrant=2,
            ended_employed=1,
            ended_education=3,
        ),
        _report(
            "Fem personer tatt inn, én av dem med lønnstilskudd etter "
            "arbeidstreningen.",
            mentors=2,
            measures=["arbeidstrening", "midlertidig-lonnstilskudd"],
            work_trial=2,
            wage_subsidy=1,
            summer_job=2,
            young=2,
            disability=1,
            immigrant=2,
            ended_education=2,
            ended_new_placement=1,
        ),
        _report(
            "Fire personer tatt inn; én fikk et vikariat gjennom sommeren.",
            mentors=2,
            measures=["arbeidstrening"],
            work_trial=1,
            summer_job=2,
            temporary_job=1,
            young=2,
            immigrant=2,
            ended_employed=1,
            ended_education=2,
        ),
    ],
    "926345192": [  # Sandvika Regnskapskontor AS, Bærum
        _report(
            "Én lærling i kontorfaget.",
            mentors=1,
            measures=["fag-og-yrkesopplaering"],
            apprenticeship=1,
            young=1,
        ),
        _report(
            "Én lærling og én på arbeidstrening.",
            mentors=1,
            measures=["fag-og-yrkesopplaering", "arbeidstrening"],
            apprenticeship=1,
            work_trial=1,
            young=1,
            immigrant=1,
            ended_new_placement=1,
        ),
        _report(
            "Lærlingen fra i fjor fikk fast stilling, og vi tok inn en ny.",
            mentors=1,
            measures=["fag-og-yrkesopplaering"],
            apprenticeship=1,
            permanent_job=1,
            young=1,
            other_group=1,
            ended_employed=1,
        ),
    ],
}

# Organisation number -> the report for the first cohort's certification.
FIRST_COHORT_REPORTS = {
    "922222223": _report(  # Asker Renhold AS, Asker
        "I år tok vi inn ti personer: fire på arbeidstrening, to med "
        "lønnstilskudd, tre fikk fast stilling og én begynte som lærling. Fire "
        "av de ansatte er nå faste veiledere. Det som har virket best, er faste "
        "oppfølgingssamtaler med NAV annenhver uke og en skriftlig "
        "opplæringsplan for de første ukene.",
        mentors=4,
        measures=["arbeidstrening", "midlertidig-lonnstilskudd", "mentor"],
        publish=True,
        work_trial=4,
        wage_subsidy=2,
        permanent_job=3,
        apprenticeship=1,
        young=3,
        disability=3,
        immigrant=3,
        other_group=1,
        ended_employed=3,
        ended_education=1,
        ended_new_placement=2,
    ),
    "916903588": _report(  # Hole Gartneri AS, Hole
        "Tre sommerjobber og én arbeidstrening i veksthuset.",
        mentors=2,
        measures=["ungdomsinnsatsen", "arbeidstrening"],
        summer_job=3,
        work_trial=1,
        young=3,
        immigrant=1,
        ended_employed=1,
        ended_education=3,
    ),
    "915298737": _report(  # Lierbyen Hagesenter AS, Lier
        "Våren er travel hos oss, og det gir gode muligheter: to personer hadde "
        "arbeidstrening, to hadde sommerjobb og én fikk lønnstilskudd. To av de "
        "faste ansatte har tatt veilederopplæring, og vi vil gjerne ta inn "
        "flere neste år.",
        mentors=2,
        measures=["arbeidstrening", "midlertidig-lonnstilskudd", "mentor"],
        publish=True,
        work_trial=2,
        summer_job=2,
        wage_subsidy=1,
        young=3,
        disability=1,
        immigrant=1,
        ended_employed=1,
        ended_education=2,
        ended_new_placement=1,
    ),
    "926345192": _report(  # Sandvika Regnskapskontor AS, Bærum
        "Én lærling og én på arbeidstrening i lønnsavdelingen.",
        mentors=1,
        measures=["fag-og-yrkesopplaering", "arbeidstrening"],
        apprenticeship=1,
        work_trial=1,
        young=1,
        disability=1,
        ended_other=1,
    ),
    "931276042": _report(  # Hurum Trelast AS, Asker
        "To på arbeidstrening på lageret, og én fikk et vikariat etterpå.",
        mentors=1,
        measures=["arbeidstrening"],
        work_trial=2,
        temporary_job=1,
        young=1,
        immigrant=2,
        ended_employed=1,
        ended_new_placement=1,
    ),
    "929518470": _report(  # Røyken Bilverksted AS, Asker
        "Én lærling i bilfaget.",
        mentors=1,
        measures=["fag-og-yrkesopplaering"],
        apprenticeship=1,
        young=1,
    ),
    # Filed shortly before its certification lapsed.
    "920753469": _report(  # Drammen Kantine og Catering AS, Drammen
        "To på arbeidstrening på kjøkkenet og én med lønnstilskudd.",
        mentors=1,
        measures=["arbeidstrening", "midlertidig-lonnstilskudd"],
        work_trial=2,
        wage_subsidy=1,
        disability=1,
        immigrant=2,
        ended_employed=1,
        ended_other=1,
    ),
}
# Reports are filed this many days before the period ends.
FILED_DAYS_BEFORE_END = 30


def _file(*, certification, report: Report, by, measures, today):
    return follow_up_submit(
        certification=certification,
        by=by,
        narrative=report.narrative,
        counts=report.counts,
        mentors=report.mentors,
        measures=[measures[slug] for slug in report.measures if slug in measures],
        publish_account=report.publish,
        today=today,
    )


def _seed_pilot(*, past_run, leader, owner, measures) -> int:
    """The pilot cohort, through the services with the dates of the time."""
    first_session = past_run.sessions.order_by("starts_at").first()
    course = Course.objects.filter(pk=past_run.course_id).first()
    if first_session is None or course is None:
        return 0
    issued = certification_services.add_months(
        timezone.localdate(first_session.starts_at), -PILOT_MONTHS_BEFORE
    )
    run = runs.run_create_from_course(
        course=course,
        title=PILOT_RUN_TITLE,
        municipality="Drammen",
        capacity=8,
        enrolment_deadline=issued - timedelta(days=60),
        first_session_starts_at=timezone.make_aware(
            timezone.datetime.combine(
                issued - timedelta(days=42), timezone.datetime.min.time()
            )
        ).replace(hour=12),
        place="Drammen bibliotek, Grønland 32",
        leaders=[leader],
    )
    # A past run: nobody applies any more, so the run is closed and its
    # enrolments recorded as they were (as the course demo does for its first
    # cohort); no service enrols a firm after the deadline.
    CourseRun.objects.filter(pk=run.pk).update(status=RunStatus.FINISHED)
    firms = Firm.objects.in_bulk(list(PILOT_REPORTS), field_name="org_number")
    filed = 0
    for org_number, reports in PILOT_REPORTS.items():
        firm = firms.get(org_number)
        if firm is None:
            continue
        enrolment = Enrolment.objects.create(
            run=run, firm=firm, status=EnrolmentStatus.ACCEPTED
        )
        certification = certification_services.certification_create(
            enrolment=enrolment, by=leader, override_reason=PILOT_OVERRIDE, today=issued
        )
        for year, report in enumerate(reports, start=1):
            day = certification.valid_until - timedelta(days=FILED_DAYS_BEFORE_END)
            # The firms sent their yearly figures on paper; the programme owner
            # registered them.
            _file(
                certification=certification,
                report=report,
                by=owner,
                measures=measures,
                today=day,
            )
            filed += 1
            if year < PILOT_YEARS:
                certification = certification_services.certification_renew(
                    certification=certification, by=leader, today=day
                )
    return filed


def _seed_first_cohort(*, past_run, owner, measures) -> int:
    """This year's reports of the first cohort (and the lapsed firm's last
    one); only for certifications with no report yet."""
    today = timezone.localdate()
    filed = 0
    certifications = (
        Certification.objects.filter(
            enrolment__run=past_run,
            revoked_at__isnull=True,
            follow_ups__isnull=True,
        )
        .select_related("enrolment__firm")
        .order_by("pk")
    )
    for certification in certifications:
        firm = certification.enrolment.firm
        report = FIRST_COHORT_REPORTS.get(firm.org_number)
        if report is None:
            continue
        day = min(
            today,
            certification.valid_until - timedelta(days=FILED_DAYS_BEFORE_END),
        )
        if day < certification_services.renewal_opens_on(certification):
            continue
        # The firm's contact if it has one, else the programme owner, who
        # registered figures sent by e-mail.
        contact = (
            User.objects.filter(
                memberships__firm=firm, memberships__is_contact=True, is_active=True
            )
            .order_by("pk")
            .first()
        )
        _file(
            certification=certification,
            report=report,
            by=contact or owner,
            measures=measures,
            today=day,
        )
        filed += 1
    return filed


@transaction.atomic
def seed(stdout=None) -> dict[str, int]:
    from cms.models import Measure

    created = {"reports": 0}
    past_run = CourseRun.objects.filter(title=PAST_RUN_TITLE).first()
    leader = User.objects.filter(email=demo_email("kursleder")).first()
    owner = User.objects.filter(email=demo_email("programeier")).first()
    if past_run is not None and leader is not None and owner is not None:
        measures = {m.slug: m for m in Measure.objects.all()}
        if not CourseRun.objects.filter(title=PILOT_RUN_TITLE).exists():
            created["reports"] += _seed_pilot(
                past_run=past_run, leader=leader, owner=owner, measures=measures
            )
        created["reports"] += _seed_first_cohort(
            past_run=past_run, owner=owner, measures=measures
        )
    if stdout is not None:
        stdout.write("results: {reports} new follow-up reports".format(**created))
    return created
