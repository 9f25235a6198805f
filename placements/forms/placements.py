"""Forms for a placement's life cycle: create (invite the trainee), the
trainee's account on the invitation page, the end."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lms.accounts.forms import NewPasswordMixin

from ..models import PLACEMENT_ARRANGEMENTS, Outcome
from ..services.placements import ENDED_ON_REQUIRED_MESSAGE, OUTCOME_REQUIRED_MESSAGE

NO_HEALTH_HELP = _(
    "Do not write anything about diagnosis, health or where the person comes from."
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class PlacementForm(forms.Form):
    """What the firm writes to start a placement and invite the trainee."""

    invited_name = forms.CharField(
        label=_("Trainee's first name"),
        max_length=150,
        help_text=_("Only the first name. The trainee adds the rest."),
    )
    invited_email = forms.EmailField(
        label=_("Trainee's e-mail address"),
        help_text=_("We send the invitation here. It must be the trainee's own."),
    )
    mentor = forms.ModelChoiceField(
        label=_("Workplace mentor"), queryset=None, empty_label=None
    )
    mentor_in_training = forms.BooleanField(
        label=_("Mentor in training"),
        required=False,
        help_text=_(
            "Tick this when the mentor has not yet completed a validated mentor unit."
        ),
    )
    arrangement = forms.ChoiceField(
        label=_("Arrangement"),
        choices=[(a.value, a.label) for a in PLACEMENT_ARRANGEMENTS],
    )
    starts_on = forms.DateField(label=_("Start"), widget=DateInput())
    planned_end_on = forms.DateField(label=_("Planned end"), widget=DateInput())
    supporting_organisation = forms.CharField(
        label=_("Supporting organisation"),
        max_length=200,
        required=False,
        help_text=_(
            "The NAV office or work-inclusion enterprise that follows up, if "
            "any. Only its name."
        ),
    )
    evaluation_interval_weeks = forms.IntegerField(
        label=_("Weeks between evaluations"),
        min_value=1,
        max_value=26,
        initial=4,
    )

    def __init__(self, *args, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = mentors
        self.fields["mentor"].label_from_instance = lambda user: (
            f"{user.get_full_name() or user.email} ({user.email})"
        )

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {name: data[name] for name in self.fields}


class InvitationSignupForm(NewPasswordMixin):
    """The trainee's own account, made on the invitation page."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )
    field_order = ["first_name", "last_name", "language", "password1", "password2"]


class PlacementEndForm(forms.Form):
    ended_on = forms.DateField(
        label=_("Last day of the placement"),
        widget=DateInput(),
        error_messages={"required": ENDED_ON_REQUIRED_MESSAGE},
    )
    outcome = forms.ChoiceField(
        label=_("Where did the trainee go?"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": OUTCOME_REQUIRED_MESSAGE},
    )
