"""`make load`'s set-up commands only (seed_demo, bench/load/prepare.py): the
production settings with the e-mail kept in memory.

Placement invitations are mailed at once, and the load machine has no mail
server; gunicorn serves the load on `lms.settings.production` itself.
"""

from lms.settings.production import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
