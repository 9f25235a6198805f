"""The label of the reset in Wagtail's log (imported by AccountsConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .services import RESET_LOG_ACTION


@hooks.register("register_log_actions")
def register_two_factor_actions(actions):
    actions.register_action(
        RESET_LOG_ACTION,
        _("Reset two-step sign-in"),
        _("Two-step sign-in reset by an administrator"),
    )
