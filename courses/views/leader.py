"""Pages for course leaders: runs, sessions, applications, attendance, overview."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rules.contrib.views import permission_required

from ..forms.leader import (
    CHOOSE_PARTICIPANT_MESSAGE,
    AttendanceForm,
    RunCreateForm,
    SessionForm,
)
from ..models import AttendanceStatus, CourseRun, Enrolment, Session
from ..selectors import runs as run_selectors
from ..services import attendance as attendance_services
from ..services import enrolment as enrolment_services
from ..services import runs as run_services
from .csv_download import csv_download


def run_from_url(request, pk):
    """The run in the URL, fetched once per request (permission check and view)."""
    run = getattr(request, "_course_run", None)
    if run is None or run.pk != pk:
        run = get_object_or_404(CourseRun.objects.select_related("course"), pk=pk)
        request._course_run = run
    return run


def session_from_url(request, pk):
    """The session in the URL with its run, fetched once per request (permission
    check and view)."""
    session = getattr(request, "_course_session", None)
    if session is None or session.pk != pk:
        session = get_object_or_404(Session.objects.select_related("run"), pk=pk)
        request._course_session = session
    return session


@login_required
def run_list(request):
    if not request.user.has_perm("courses.add_courserun"):
        raise PermissionDenied
    return render(
        request,
        "courses/leader/run_list.html",
        {"runs": run_selectors.runs_for_leader(user=request.user)},
    )


@login_required
def run_create(request):
    if not request.user.has_perm("courses.add_courserun"):
        raise PermissionDenied
    form = RunCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            run = run_services.run_create_from_course(
                **form.cleaned_data, leaders=[request.user]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The course run has been created with %(count)s sessions.")
                % {"count": run.sessions.count()},
            )
            return redirect(run)
    return render(request, "courses/leader/run_create.html", {"form": form})


@login_required
@permission_required("courses.view_run", fn=run_from_url, raise_exception=True)
def run_overview(request, pk):
    run = run_from_url(request, pk)
    return render(
        request,
        "courses/leader/run_overview.html",
        {
            "overview": run_selectors.run_overview(run=run),
            "run": run,
        },
    )


@login_required
@permission_required("courses.view_run", fn=run_from_url, raise_exception=True)
def run_overview_csv(request, pk):
    run = run_from_url(request, pk)
    overview = run_selectors.run_overview(run=run)
    response, writer = csv_download(f"run-{run.pk}-overview.csv")
    writer.writerow(
        [
            _("Firm"),
            _("Organisation number"),
            _("Participants"),
            *[
                _("Session %(number)s present") % {"number": s.position}
                for s in overview.sessions
            ],
            _("Preparation done (%)"),
            *[
                _("Quiz %(title)s passed") % {"title": quiz.title}
                for quiz in overview.quizzes
            ],
            _("Plan status"),
            _("Certification"),
            _("Certification rules that do not hold"),
        ]
    )
    for row in overview.rows:
        writer.writerow(
            [
                row.firm.name,
                row.firm.org_number_display,
                len(row.participants),
                *[f"{cell.present}/{cell.total}" for cell in row.sessions],
                row.preparation_percent,
                *[cell.label for cell in row.quizzes],
                row.plan_status_label,
                row.certification.get_status_display() if row.certification else "",
                " ".join(rule.text for rule in row.check.failing),
            ]
        )
    return response


@login_required
@permission_required(
    "courses.manage_session", fn=session_from_url, raise_exception=True
)
def session_edit(request, pk):
    session = session_from_url(request, pk)
    form = SessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        try:
            run_services.session_update(session=session, **form.cleaned_data)
        except ValidationError as error:
            session.refresh_from_db()
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The session has been saved."))
            return redirect(session.run)
    status = HTTPStatus.BAD_REQUEST if form.errors else HTTPStatus.OK
    return render(
        request,
        "courses/leader/session_edit.html",
        {"form": form, "session": session},
        status=status,
    )


def _enrolment_leader(request, pk) -> Enrolment:
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("run", "firm"), pk=pk
    )
    if not request.user.has_perm("courses.manage_run", enrolment.run):
        raise PermissionDenied
    return enrolment


@require_POST
@login_required
def enrolment_accept(request, pk):
    enrolment = _enrolment_leader(request, pk)
    try:
        enrolment_services.enrolment_accept(enrolment=enrolment, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("%(firm)s has been accepted.") % {"firm": enrolment.firm.name}
        )
    return redirect(enrolment.run)


@require_POST
@login_required
def enrolment_reject(request, pk):
    enrolment = _enrolment_leader(request, pk)
    try:
        enrolment_services.enrolment_decline(enrolment=enrolment, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("The application from %(firm)s has been declined.")
            % {"firm": enrolment.firm.name},
        )
    return redirect(enrolment.run)


def _attendance_url(session, *, confirmed: bool, anchor: str = "") -> str:
    url = reverse("courses:attendance", args=[session.pk])
    return url + ("?confirm=1" if confirmed else "") + anchor


@login_required
@permission_required(
    "courses.take_attendance", fn=session_from_url, raise_exception=True
)
def attendance(request, pk):
    """One tap per person; works without JavaScript, faster with it.

    Before the session starts, the page first asks the leader to confirm (a page
    of its own, `?confirm=1` to go on), and a tap is only saved with that
    confirmation posted along: the rule is kept here, not only in the browser.
    """
    session = session_from_url(request, pk)
    started = attendance_services.session_has_started(session)
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    if request.method == "POST":
        form = AttendanceForm(request.POST)
        valid = form.is_valid()
        confirmed = valid and form.cleaned_data["confirm_early"]
        person = (
            get_user_model().objects.filter(pk=form.cleaned_data["person"]).first()
            if valid
            else None
        )
        try:
            if person is None:
                raise ValidationError(CHOOSE_PARTICIPANT_MESSAGE)
            attendance_services.attendance_check_early(
                session=session, confirmed=confirmed
            )
            record = attendance_services.attendance_record(
                session=session,
                user=person,
                status=form.cleaned_data["status"],
                by=request.user,
            )
        except ValidationError as error:
            if wants_json:
                return JsonResponse(
                    {"ok": False, "message": error.messages[0]},
                    status=HTTPStatus.BAD_REQUEST,
                )
            messages.error(request, error.messages[0])
            return redirect(_attendance_url(session, confirmed=confirmed))
        message = _("Saved: %(person)s – %(status)s") % {
            "person": person,
            "status": record.get_status_display(),
        }
        if wants_json:
            return JsonResponse(
                {"ok": True, "status": record.status, "message": message}
            )
        messages.success(request, message)
        return redirect(
            _attendance_url(session, confirmed=confirmed, anchor=f"#p-{person.pk}")
        )
    confirmed = not started and request.GET.get("confirm") == "1"
    if not started and not confirmed:
        return render(
            request, "courses/leader/attendance_confirm.html", {"session": session}
        )
    return render(
        request,
        "courses/leader/attendance.html",
        {
            "session": session,
            "confirmed_early": confirmed,
            "people": run_selectors.session_attendance(session=session),
            "statuses": AttendanceStatus.choices,
        },
    )


urlpatterns = [
    path("ledelse/", run_list, name="run_list"),
    path("ledelse/ny/", run_create, name="run_create"),
    path("ledelse/<id:pk>/", run_overview, name="run_overview"),
    path("ledelse/<id:pk>/oversikt.csv", run_overview_csv, name="run_overview_csv"),
    path("ledelse/samling/<id:pk>/", session_edit, name="session_edit"),
    path("ledelse/samling/<id:pk>/oppmote/", attendance, name="attendance"),
    path("ledelse/pamelding/<id:pk>/godta/", enrolment_accept, name="enrolment_accept"),
    path("ledelse/pamelding/<id:pk>/avsla/", enrolment_reject, name="enrolment_reject"),
]
