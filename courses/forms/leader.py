from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.converters import MAX_ID

from ..models import Course, Session

DEADLINE_IN_PAST_MESSAGE = _("The enrolment deadline cannot be in the past.")
FIRST_SESSION_IN_PAST_MESSAGE = _("The first session cannot be in the past.")
CHOOSE_PARTICIPANT_MESSAGE = _("Choose a participant from the list.")


class DateInput(forms.DateInput):
    input_type = "date"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class NewRunDatesMixin:
    """A new run starts in the future: the leader's form and the admin's share it."""

    def clean_enrolment_deadline(self):
        value = self.cleaned_data["enrolment_deadline"]
        if value < timezone.localdate():
            raise forms.ValidationError(DEADLINE_IN_PAST_MESSAGE)
        return value

    def clean_first_session_starts_at(self):
        value = self.cleaned_data["first_session_starts_at"]
        if value < timezone.now():
            raise forms.ValidationError(FIRST_SESSION_IN_PAST_MESSAGE)
        return value


class RunCreateForm(NewRunDatesMixin, forms.Form):
    course = forms.ModelChoiceField(label=_("Course"), queryset=Course.objects.all())
    title = forms.CharField(label=_("Title"), max_length=200)
    municipality = forms.CharField(label=_("Municipality"), max_length=80)
    capacity = forms.IntegerField(
        label=_("Capacity (firms)"), min_value=1, max_value=200, initial=12
    )
    enrolment_deadline = forms.DateField(
        label=_("Enrolment deadline"), widget=DateInput()
    )
    first_session_starts_at = forms.DateTimeField(
        label=_("First session starts"), widget=DateTimeInput()
    )
    place = forms.CharField(label=_("Place"), max_length=200)


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["title", "starts_at", "ends_at", "place", "agenda"]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "agenda": forms.Textarea(attrs={"rows": 5}),
        }

    def _post_clean(self):
        # The service validates times against the other sessions; skip the
        # model's own full_clean here so the messages come from one place.
        pass


class AttendanceForm(forms.Form):
    """One tap on the attendance page: who, and how they attended.

    A status outside the choices is left to the service, which says why.
    """

    person = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ID)
    status = forms.CharField(required=False)
    # Set by the page once the leader confirmed taking attendance before the
    # session starts (see attendance_check_early).
    confirm_early = forms.BooleanField(required=False, widget=forms.HiddenInput)
