"""Two-step sign-in: after the password, a code from an app on the person's
phone (TOTP, django-otp), or one of ten one-time backup codes.

Available to everyone from the profile. With the setting REQUIRE_2FA on,
administrators, assessors and internal verifiers must have it
(`middleware.TwoFactorMiddleware`). A person who has it is logged in only once
the code is right: until then the session holds only "password given"
(`views.login_code`).
"""
