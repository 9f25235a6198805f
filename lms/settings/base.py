"""Settings shared by every environment. Secrets and hosts come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "lms"

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "lms.accounts",
    "lms.verification",
    "lms.notifications",
    "cms",
    "courses",
    "validation",
    "results",
    "placements",
    "wagtail.contrib.forms",
    # Purges public pages from a CDN or reverse proxy (configured in production).
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "crispy_forms",
    "crispy_bootstrap5",
    "rules.apps.AutodiscoverRulesConfig",
    # The task queue's table (production runs tasks from it: `make worker`).
    "django_tasks_db",
    "axes",
    "csp",
    # Two-step sign-in (lms.accounts.two_factor): codes from a phone app, and
    # one-time backup codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Django's admin, for superusers only (Wagtail's admin is everyone else's).
    "lms.admin.SuperuserAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Each request reads a shared-cache entry once (cms.cache).
    "cms.cache.RequestMemoMiddleware",
    # Says who may keep each answer: a CDN the public pages, nobody the rest
    # (cms.page_cache; before sessions, CSRF and messages, so it sees their cookies).
    "cms.page_cache.FrontendCacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # `request.user.is_verified()`: the code of two-step sign-in was given.
    "django_otp.middleware.OTPMiddleware",
    "lms.middleware.LanguageMiddleware",
    # Personal responses are never stored by a shared cache (after auth).
    "lms.middleware.PrivateResponseMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Idle or too old sessions are logged out (after messages, before two-step
    # sign-in: an ended session is sent to log in, not to the code step).
    "lms.accounts.sessions.timeouts.SessionTimeoutMiddleware",
    # Unverified sessions to the code step; with REQUIRE_2FA, the roles that
    # need it to setup (after messages, so the pages it sends to show them).
    "lms.accounts.two_factor.middleware.TwoFactorMiddleware",
    "lms.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Axes must be last: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "lms.context_processors.navigation_roles",
            ],
        },
    },
]

WSGI_APPLICATION = "lms.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# SQLite (the demo, small installs): writers queue for the lock instead of
# failing with "database is locked". A transaction takes the write lock when it
# begins (not halfway, when it could no longer wait for it) and waits up to 20 s
# for it; WAL lets readers go on while one writes.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        **SQLITE_OPTIONS,
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first, so a locked-out login never reaches the password check.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Django's PBKDF2 at full strength, but at most PASSWORD_HASH_SLOTS hashes at
# once across all app servers (lms.accounts.hashers): a burst of logins waits its
# turn instead of taking every core. It answers for every "pbkdf2_sha256" hash
# (Django picks the last hasher of an algorithm, so Django's own is not listed);
# the other hashers read older hashes.
PASSWORD_HASHERS = [
    "lms.accounts.hashers.SlotLimitedPBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
PASSWORD_HASH_SLOTS = int(
    os.environ.get("PASSWORD_HASH_SLOTS", max(1, (os.cpu_count() or 2) // 2))
)
PASSWORD_HASH_WAIT_SECONDS = float(os.environ.get("PASSWORD_HASH_WAIT_SECONDS", "20"))

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
# Two-step sign-in (lms.accounts.two_factor). On: administrators, assessors and
# internal verifiers cannot use the site until they have set it up. Off (dev,
# demo): nobody is forced; everyone may still turn it on in their profile.
REQUIRE_2FA = os.environ.get("REQUIRE_2FA", "0") == "1"
# How long the code step waits after the password before asking for it again.
TWO_FACTOR_LOGIN_SECONDS = 10 * 60
OTP_TOTP_ISSUER = "Sosial Profil"
# Not even a superuser reads the secrets in Django's admin.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Each person lands on their home, built from their roles (lms.home).
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "/"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day

# Caches. `default` holds content that may be rebuilt at any time; in one process
# (`make run`, tests) it is local memory, in production the shared Redis
# (lms.settings.production). Rate limits have their own store, a database table
# (`manage.py createcachetable`), so that content and anonymous traffic can never
# evict a live counter, and every app server sees the same count.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "ratelimit_cache",
        # Culling (which first drops expired rows) must never reach live
        # counters: one per client, and per address asked for a reset, per
        # window. Far more than that fit.
        "OPTIONS": {"MAX_ENTRIES": 200_000},
    },
}

# The client's address. Behind a load balancer or reverse proxy every request
# comes from the proxy: set TRUSTED_PROXY_COUNT to the number of proxies in
# front of the app servers that append to X-Forwarded-For (1 for one load
# balancer), and the address is read from that header, counted from the right
# so that a client cannot forge it. 0 (the default): REMOTE_ADDR as is.
# Used by login throttling (django-axes) and every rate limit (lms.client_ip).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Login throttling: 5 failures for one e-mail from one address locks it for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_CALLABLE = "lms.accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
# Keep a log of failures (exported and erased with the person's data).
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_ACCESS_FAILURE_LOG_PER_USER_LIMIT = 100
# Failures are counted in the database, which every app server shares (never a
# cache a process owns or content could evict).
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
# The e-mail is counted as login reads it: case does not make a new identity.
AXES_USERNAME_CALLABLE = "lms.accounts.throttling.login_identity"
AXES_CLIENT_IP_CALLABLE = "lms.client_ip.client_ip"

# Rate limits (django-ratelimit) count in their own store (CACHES["ratelimit"]).
RATELIMIT_USE_CACHE = "ratelimit"
RATELIMIT_IP_META_KEY = "lms.client_ip.client_ip"
# /verify/: unknown codes tried per client before misses are refused for a
# while (lms/verification/views.py); a correct code is always answered.
VERIFY_MISS_RATE = os.environ.get("VERIFY_MISS_RATE", "20/h")
# Open Badges are signed (lms.verification.signing) with the first of these
# Ed25519 keys, as JWKs each with a "kid"; the rest only verify, and stay in the
# published JWKS so credentials signed before a rotation still verify. A key
# without "d" is a retired public key. Production reads them from the
# environment (lms.settings.production); dev and test use the key below.
CREDENTIAL_SIGNING_KEYS: list[dict] = []
# NOT SECRET: this key is in the repository, so a credential it signs proves
# nothing. Dev and test share it (every process must sign with the same key);
# production refuses it.
DEVELOPMENT_CREDENTIAL_SIGNING_KEY = {
    "kty": "OKP",
    "crv": "Ed25519",
    "kid": "development-key-not-secret",
    "x": "vr3LB8wQYR-fuDWQIp4IsivRI7DdARSBPfunvbwjuzE",
    "d": "POqsorGRxbDJQGAQhjSvWObE3gDCoJJ66as3SY4B4Hk",
}
# Password reset requests, per e-mail address and per client.
PASSWORD_RESET_EMAIL_RATE = os.environ.get("PASSWORD_RESET_EMAIL_RATE", "3/h")
PASSWORD_RESET_CLIENT_RATE = os.environ.get("PASSWORD_RESET_CLIENT_RATE", "10/h")

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian Bokmål")), ("en", _("English"))]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Evidence files of validation cases: a folder outside MEDIA_ROOT with no URL,
# so they are only ever served by the view that checks who may see the case.
PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media")
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "evidence": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT / "evidence", "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# No inline script anywhere on the public site; styles only from our own files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
# Wagtail's admin still needs inline script and style; it gets a looser policy
# (see lms.middleware) while the public site keeps the strict one above.
CSP_ADMIN_PREFIXES = ("/admin/", "/django-admin/")

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Sent with top-level navigation from other sites (a link in an e-mail opens the
# page logged in), never with their forms, frames or scripts. Django's default,
# written down so that it is checked (tests/security/test_settings_headers.py).
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A session ends after SESSION_IDLE_TIMEOUT seconds without a request, and
# SESSION_ABSOLUTE_LIFETIME seconds after the login however active it is
# (lms.accounts.sessions.timeouts). Two hours idle: a course leader's phone lies
# in a meeting between two attendance rounds, and a lunch break fits; a borrowed
# or shared computer left open is closed the same morning. Twelve hours: one
# login per working day, and a stolen cookie is worth half a day at most (NIST
# SP 800-63B asks this of two-step sign-in). The cookie and the database row
# expire with the lifetime (SESSION_COOKIE_AGE), so `clearsessions` drops them.
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", 2 * 60 * 60))
SESSION_ABSOLUTE_LIFETIME = int(
    os.environ.get("SESSION_ABSOLUTE_LIFETIME", 12 * 60 * 60)
)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_LIFETIME
# Sessions live in the database, which every app server shares: logging out,
# a password change or an erased account ends the session everywhere at once.
# Each row knows its person (lms.accounts.sessions), so all of a person's
# sessions can be ended together. Production reads them through the shared
# Redis cache (lms.settings.production).
SESSION_ENGINE = "lms.accounts.sessions.db"

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Sosial Profil <post@sosialprofil.no>"
)
INVITATION_VALID_DAYS = 7
# Firm sign-up (lms/accounts/signup.py): how long the confirmation link works,
# and how many sign-ups one client and one e-mail address may send.
SIGNUP_VALID_HOURS = 48
SIGNUP_CLIENT_RATE = os.environ.get("SIGNUP_CLIENT_RATE", "10/h")
SIGNUP_EMAIL_RATE = os.environ.get("SIGNUP_EMAIL_RATE", "3/h")

WAGTAIL_SITE_NAME = "Sosial Profil"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# No avatars from Gravatar: the admin would send a hash of every user's e-mail
# address to a third party (and the CSP blocks it anyway).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No release check either: the dashboard would ask releases.wagtail.io from the
# editor's browser, which the admin's security policy (rightly) blocks.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nb", "Norsk bokmål"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's own full-text search, with Norwegian stemming and stop words.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "norwegian"
WAGTAILIMAGES_IMAGE_MODEL = "cms.CustomImage"
# Uploads that cannot be read or stored fail with a message, not a 500.
WAGTAILIMAGES_IMAGE_FORM_BASE = "lms.uploads.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "lms.uploads.DocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Uploaded documents are always a download, never shown by the browser on our
# own origin (also PDFs: they can carry scripts); programs and web pages are
# refused whatever their name (lms.uploads), other types by extension.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "xlsx",
    "pptx",
    "odt",
    "ods",
    "odp",
    "txt",
    "csv",
]
# Pixels checked in the header before decoding (Wagtail's default is 128 MP,
# ~400 MB decoded for each rendition): the same limit as evidence photos.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
# Request size. The largest form is Wagtail's page editor: the longest demo lesson
# posts ~130 fields (9 KB), a plan with the most commitments ~360; 2,000 leaves room
# for lessons many times longer while one forged post cannot make the server
# parse tens of thousands of fields. Over either limit: 400 (templates/400.html).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # 2.5 MB, Django's default, on purpose

# Evidence uploads of validation cases (validation/files/). Bytes per kind; the
# proxy in front (nginx client_max_body_size) must let the largest through.
# A minute of phone video at 1080p is 40–60 MB.
EVIDENCE_MAX_BYTES = {
    "pdf": int(os.environ.get("EVIDENCE_MAX_PDF_MB", "20")) * 1024 * 1024,
    "image": int(os.environ.get("EVIDENCE_MAX_IMAGE_MB", "20")) * 1024 * 1024,
    "office": int(os.environ.get("EVIDENCE_MAX_OFFICE_MB", "20")) * 1024 * 1024,
    "video": int(os.environ.get("EVIDENCE_MAX_VIDEO_MB", "100")) * 1024 * 1024,
}
EVIDENCE_ALLOWED_KINDS = ("pdf", "image", "office", "video")
# Checked in the image's header before anything is decoded (decompression bombs).
# 50 megapixels takes a 48 MP phone photo; decoding one needs ~150 MB of memory.
EVIDENCE_MAX_IMAGE_PIXELS = 50_000_000
# Stored photos are scaled down to this many pixels on the long edge (0: never):
# enough to read a whiteboard, a fraction of the bytes of a 48 MP original.
EVIDENCE_IMAGE_MAX_EDGE = 4096
# Office documents are ZIP files: limits on what they unpack to (zip bombs).
EVIDENCE_OFFICE_MAX_UNPACKED_BYTES = 200 * 1024 * 1024
EVIDENCE_OFFICE_MAX_MEMBERS = 5_000
EVIDENCE_OFFICE_MAX_RATIO = 200  # unpacked bytes per byte of the file (bombs: 1000+)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "wagtail": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django_tasks": {
            "handlers": ["console"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}
CONTENT_CACHE_SECONDS = int(os.environ.get("CONTENT_CACHE_SECONDS", "300"))
# How long a CDN or reverse proxy may keep a public page (`s-maxage`, cms.page_cache);
# publishing and every other change purge it sooner (cms.frontend_cache).
FRONTEND_CACHE_SECONDS = int(
    os.environ.get("FRONTEND_CACHE_SECONDS") or CONTENT_CACHE_SECONDS
)

# Validation (OCN). Internal verification samples every case of an assessor
# with fewer verified cases than this, and this share of the rest.
VALIDATION_IV_NEW_ASSESSOR_CASES = int(
    os.environ.get("VALIDATION_IV_NEW_ASSESSOR_CASES", "5")
)
VALIDATION_IV_SHARE = float(os.environ.get("VALIDATION_IV_SHARE", "0.25"))
# External moderation draws this share of each verifier's verified cases.
VALIDATION_MODERATION_SHARE = float(
    os.environ.get("VALIDATION_MODERATION_SHARE", "0.2")
)

# Results. Published figures show any count from 1 up to (not including) this
# as "*", the way NAV publishes its statistics, and hide a second cell where a
# total would give a hidden one away (results.suppression).
RESULTS_SUPPRESS_BELOW = int(os.environ.get("RESULTS_SUPPRESS_BELOW", "4"))
