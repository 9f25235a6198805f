"""Forms for certification: certify (with an optional override), revoke. The
yearly follow-up's form is results.forms.FollowUpFiguresForm."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..services.certification import REVOKE_REASON_REQUIRED_MESSAGE


class CertifyForm(forms.Form):
    override_reason = forms.CharField(
        label=_("Reason for certifying although the rules do not hold"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Only when you certify a firm that does not meet every rule. The "
            "reason is recorded with the certification."
        ),
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revocation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": REVOKE_REASON_REQUIRED_MESSAGE},
        help_text=_("Recorded and kept; not shown on the public verification page."),
    )


class DocumentLanguageForm(forms.Form):
    lang = forms.ChoiceField(
        choices=[("nb", "Norsk bokmål"), ("en", "English")], required=False
    )

    def language(self) -> str:
        if self.is_valid():
            return self.cleaned_data["lang"] or "nb"
        return "nb"
