"""Production's task backend: the mail waits in the database for the worker."""

from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

import pytest
from django_tasks_db.models import DBTaskResult

from lms.notifications.kinds import Kind
from lms.notifications.services import notify

from ..accounts.factories import UserFactory
from .samples import CONTEXTS

# The worker opens its own transactions, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}


@override_settings(TASKS=DATABASE_TASKS)
def test_the_mail_is_queued_with_only_the_notifications_id_and_the_worker_sends_it():
    person = UserFactory(language="en")
    with transaction.atomic():
        notification = notify(
            recipient=person,
            kind=Kind.PLAN_APPROVED,
            context=CONTEXTS[Kind.PLAN_APPROVED],
            url="/kurs/",
        )
    assert mail.outbox == []
    queued = DBTaskResult.objects.get()
    assert queued.args_kwargs == {
        "args": [],
        "kwargs": {"notification_id": notification.pk},
    }
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO()
    )
    assert [m.to for m in mail.outbox] == [[person.email]]
    notification.refresh_from_db()
    assert notification.emailed_at is not None
