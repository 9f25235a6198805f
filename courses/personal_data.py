"""What the course side holds about a person, for "download my data" and erasure.

Imported from courses/wagtail_hooks.py, which Wagtail loads at start-up.
"""

from lms.accounts import personal_data

from .models import CourseCertificate, LessonProgress, ReflectionNote, SessionReminder


def _iso(value):
    return value.isoformat() if value else None


@personal_data.exporter("lesson_progress")
def _export_lesson_progress(user):
    rows = LessonProgress.objects.filter(user=user).select_related("lesson")
    return [
        {
            "lesson": row.lesson.title,
            "first_opened_at": _iso(row.first_opened_at),
            "completed_at": _iso(row.completed_at),
        }
        for row in rows.order_by("first_opened_at", "pk")
    ]


@personal_data.exporter("reflection_notes")
def _export_reflection_notes(user):
    rows = ReflectionNote.objects.filter(user=user).select_related("lesson")
    return [
        {
            "lesson": row.lesson.title,
            "question": _question(row),
            "answer": row.text,
            "updated_at": _iso(row.updated_at),
        }
        for row in rows.order_by("lesson__path", "pk")
    ]


def _question(note) -> str:
    for child in note.lesson.body:
        if child.id == note.block_id:
            return child.value.get("question", "")
    return ""


@personal_data.exporter("session_reminders")
def _export_session_reminders(user):
    rows = SessionReminder.objects.filter(user=user).select_related("session__run")
    return [
        {"session": str(row.session), "sent_at": _iso(row.sent_at)}
        for row in rows.order_by("sent_at", "pk")
    ]


@personal_data.exporter("course_certificates")
def _export_course_certificates(user):
    rows = CourseCertificate.objects.filter(user=user).select_related("run__course")
    return [
        {
            "course": row.run.course.title,
            "run": row.run.title,
            "name_on_certificate": row.holder_name,
            "verification_code": row.formatted_code,
            "issued_on": _iso(row.issued_on),
            "revoked_at": _iso(row.revoked_at),
        }
        for row in rows.order_by("issued_on", "pk")
    ]


@personal_data.eraser
def _erase_course_certificates(user):
    # The certificate stays verifiable (the paper copy exists), but no longer
    # says whose it is.
    CourseCertificate.objects.filter(user=user).update(holder_name="")


@personal_data.eraser
def _erase_course_study(user):
    # Private answers and study traces go; attendance and enrolments, which the
    # firm's certification rests on, are kept under the anonymised account.
    ReflectionNote.objects.filter(user=user).delete()
    LessonProgress.objects.filter(user=user).delete()
    SessionReminder.objects.filter(user=user).delete()
