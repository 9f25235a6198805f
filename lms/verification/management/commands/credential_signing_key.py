"""`manage.py credential_signing_key`: a new key for signing credentials.

Prints one private Ed25519 JWK on one line, ready to put first in
CREDENTIAL_SIGNING_KEYS (see README, "Signed credentials"). Nothing is stored:
the operator keeps the key where the other secrets are kept.
"""

import json

from django.core.management.base import BaseCommand

from lms.verification.signing import signing_key_generate

PRIVATE_KEY_NOTE = (
    "This is a private key: keep it with the other secrets. Put it first in "
    "CREDENTIAL_SIGNING_KEYS and keep the old keys after it, so that credentials "
    "they signed still verify."
)


class Command(BaseCommand):
    help = "Print a new Ed25519 signing key for credentials, as a private JWK."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kid",
            default="",
            help="The key's id (default: its RFC 7638 thumbprint).",
        )

    def handle(self, *args, kid, **options):
        self.stdout.write(json.dumps(signing_key_generate(kid=kid)))
        self.stderr.write(PRIVATE_KEY_NOTE)
