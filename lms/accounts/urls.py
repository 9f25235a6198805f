from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from lms import converters  # noqa: F401  (registers <id:…>)

from . import views
from .forms import LoginForm
from .two_factor import views as two_factor_views

app_name = "accounts"

urlpatterns = [
    path(
        "login/",
        views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/reset/",
        views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            email_template_name="accounts/email/password_reset_body.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="accounts/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path(
        "password/change/",
        views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path("profile/", views.profile, name="profile"),
    path("login/code/", two_factor_views.login_code, name="two_factor_login"),
    path("two-step/setup/", two_factor_views.setup, name="two_factor_setup"),
    path(
        "two-step/backup-codes/",
        two_factor_views.backup_codes,
        name="two_factor_backup_codes",
    ),
    path(
        "two-step/backup-codes/new/",
        two_factor_views.backup_codes_regenerate,
        name="two_factor_backup_codes_new",
    ),
    path("two-step/off/", two_factor_views.disable, name="two_factor_disable"),
    path("profile/my-data.json", views.data_export, name="data_export"),
    path("profile/delete/", views.account_delete, name="account_delete"),
    path("language/", views.language_switch, name="language"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("signup/", views.signup, name="signup"),
    path("signup/sent/", views.signup_sent, name="signup_sent"),
    path("signup/confirm/<str:token>/", views.signup_confirm, name="signup_confirm"),
    path("firms/<str:org_number>/", views.firm_detail, name="firm_detail"),
    path("firms/<str:org_number>/edit/", views.firm_edit, name="firm_edit"),
    path(
        "firms/<str:org_number>/invitations/",
        views.invitation_create,
        name="invitation_create",
    ),
    path(
        "firms/<str:org_number>/invitations/<id:pk>/withdraw/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "firms/<str:org_number>/requests/<id:pk>/decide/",
        views.claim_decide,
        name="claim_decide",
    ),
]
