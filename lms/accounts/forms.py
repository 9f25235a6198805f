from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .models import Firm, Industry, SizeBand, User
from .services import FIRM_EDITABLE_FIELDS
from .validators import (
    normalise_org_number,
    validate_org_number,
    validate_single_line,
)

PASSWORD_MISMATCH_MESSAGE = _("The two passwords do not match.")
WRONG_PASSWORD_MESSAGE = _("The password is not correct.")


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The e-mail address or the password is not correct. After "
            "%(limit)s failed attempts, logging in is blocked for %(minutes)s minutes."
        ),
    }

    def get_invalid_login_error(self):
        return forms.ValidationError(
            self.error_messages["invalid_login"],
            code="invalid_login",
            params=lockout_params(),
        )


def lockout_params() -> dict[str, int]:
    """How many failures lock an account, and for how long, as the settings say."""
    return {
        "limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "language"]


class FirmForm(forms.ModelForm):
    website = forms.URLField(
        label=_("Website"), required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = Firm
        fields = list(FIRM_EDITABLE_FIELDS)
        widgets = {"public_description": forms.Textarea(attrs={"rows": 5})}


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Colleague's e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class NewPasswordMixin(forms.Form):
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", PASSWORD_MISMATCH_MESSAGE)
        elif p1:
            try:
                password_validation.validate_password(
                    p1,
                    User(
                        first_name=cleaned.get("first_name", ""),
                        last_name=cleaned.get("last_name", ""),
                        email=cleaned.get("email", ""),
                    ),
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class InvitationSignupForm(NewPasswordMixin):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )
    field_order = ["first_name", "last_name", "language", "password1", "password2"]


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that this cannot be undone."), required=True
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(WRONG_PASSWORD_MESSAGE, code="wrong_password")
        return password


FIRM_SIGNUP_FIRM_FIELDS = (
    "org_number",
    "firm_name",
    "municipality",
    "industry",
    "size_band",
)
FIRM_SIGNUP_PERSON_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "language",
    "password1",
    "password2",
)


class FirmRegisterForm(forms.Form):
    """The firm, as a logged-in person registers it (or asks to join it)."""

    org_number = forms.CharField(
        label=_("Organisation number"),
        max_length=30,
        help_text=_("Nine digits, e.g. 914 035 171. Spaces are fine."),
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}
        ),
    )
    firm_name = forms.CharField(
        label=_("The firm's name"),
        max_length=200,
        validators=[validate_single_line],
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    municipality = forms.CharField(label=_("Municipality"), max_length=80)
    industry = forms.ChoiceField(
        label=_("Industry"), choices=[("", "---------"), *Industry.choices]
    )
    size_band = forms.ChoiceField(
        label=_("Number of employees"), choices=[("", "---------"), *SizeBand.choices]
    )
    run = forms.TypedChoiceField(
        label=_("Apply for a course run"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("You can also apply later, from the course page."),
    )
    message = forms.CharField(
        label=_("Message to the firm's contact (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Only used if the firm is already registered here: then its contact "
            "decides whether you may join, and reads this."
        ),
    )

    def __init__(self, *args, runs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["run"].choices = [
            ("", _("Not now")),
            *[(run.pk, _run_label(run)) for run in runs],
        ]

    def clean_org_number(self):
        number = normalise_org_number(self.cleaned_data["org_number"])
        validate_org_number(number)
        return number

    def fieldsets(self):
        """The fields in groups, each shown as a fieldset with a legend."""
        groups = [(_("Your firm"), FIRM_SIGNUP_FIRM_FIELDS)]
        if "email" in self.fields:
            groups.append((_("You, as the firm's contact"), FIRM_SIGNUP_PERSON_FIELDS))
        groups.append((_("Course run"), ("run", "message")))
        return [(legend, [self[name] for name in names]) for legend, names in groups]


def _run_label(run) -> str:
    deadline = date_format(run.enrolment_deadline, "SHORT_DATE_FORMAT")
    return _("%(title)s (%(municipality)s, apply by %(deadline)s)") % {
        "title": run.title,
        "municipality": run.municipality,
        "deadline": deadline,
    }


class FirmSignupForm(NewPasswordMixin, FirmRegisterForm):
    """The firm and its contact, as a visitor registers both in one go."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a link to this address; open it to confirm."),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )
    field_order = [
        *FIRM_SIGNUP_FIRM_FIELDS,
        *FIRM_SIGNUP_PERSON_FIELDS,
        "run",
        "message",
    ]
