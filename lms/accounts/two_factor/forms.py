from django import forms
from django.utils.translation import gettext_lazy as _

from ..forms import WRONG_PASSWORD_MESSAGE

_APP_CODE_ATTRS = {
    "autocomplete": "one-time-code",
    "inputmode": "numeric",
    "pattern": "[0-9 ]*",
    "autofocus": True,
    "size": 8,
}


class AppCodeForm(forms.Form):
    """The 6 digits the app on the phone shows."""

    code = forms.CharField(
        label=_("Code from the app on your phone"),
        max_length=12,
        help_text=_("6 digits. A new code comes every 30 seconds."),
        widget=forms.TextInput(attrs=_APP_CODE_ATTRS),
    )


class BackupCodeForm(forms.Form):
    """One of the ten backup codes (letters and digits)."""

    backup_code = forms.CharField(
        label=_("Backup code"),
        max_length=20,
        help_text=_("8 letters and digits. Each backup code works once."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "none", "size": 10}
        ),
    )


class DisableForm(AppCodeForm):
    """Turning two-step sign-in off takes the password and a code."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    field_order = ["password", "code"]

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.pop("autofocus", None)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(WRONG_PASSWORD_MESSAGE, code="wrong_password")
        return password
