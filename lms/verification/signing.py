"""Signed credentials: any Open Badge, secured as a VC-JOSE JWT with Ed25519.

One function signs every kind of certificate, because it only reads the
credential dict (W3C VC Data Model 2.0): the payload is the credential itself,
plus the JWT claims VC-JOSE-COSE lets an issuer repeat (``iss`` = issuer id,
``jti`` = credential id, ``nbf``/``exp`` = ``validFrom``/``validUntil``, ``sub``
= subject id when there is one). The header names the key (``kid``); the
public keys are published at ``/.well-known/jwks.json``, so anyone can verify a
credential offline with a standard JOSE library once they hold that JWKS.

Keys come from the ``CREDENTIAL_SIGNING_KEYS`` setting: Ed25519 JWKs, each with
a ``kid``. The first (which must have its private part, ``d``) signs; the
others only verify. Rotation puts a new key first and keeps the old one after
it (its ``d`` may be dropped), so what the old key signed still verifies.
Revocation stays online: the credential's refresh service (badge.json, and
badge.jwt beside it) answers 410 Gone once a certificate is revoked.

``alg`` is ``EdDSA`` (RFC 8037), which every JOSE library and VC verifier
understands; RFC 9864 deprecates that name for the fully specified ``Ed25519``,
so joserfc warns about it. Verifiers rarely accept the new name yet.
"""

import json
import warnings
from datetime import UTC, datetime
from urllib.parse import urljoin

from django.conf import settings

from joserfc import jwt
from joserfc.errors import SecurityWarning
from joserfc.jwk import OKPKey

ALGORITHM = "EdDSA"
CURVE = "Ed25519"
HEADER_TYPE = "vc+jwt"
CONTENT_TYPE = "vc"
MEDIA_TYPE = "application/vc+jwt"
JWKS_PATH = "/.well-known/jwks.json"
# A Controlled Identifier verification method that holds a JWK.
VERIFICATION_METHOD_TYPE = "JsonWebKey"

# Deliberate (see the module's docstring); filtered once, at import, by message.
warnings.filterwarnings(
    "ignore", message="EdDSA is deprecated via RFC 9864", category=SecurityWarning
)

NO_KEYS_MESSAGE = "no signing key: give a list with at least one key."
NOT_A_LIST_MESSAGE = "must be a JSON list of JWKs (objects)."
NOT_JSON_MESSAGE = "is not valid JSON: %(error)s."
NOT_ED25519_MESSAGE = (
    'key %(number)d is not an Ed25519 JWK ("kty": "OKP", "crv": "Ed25519").'
)
NO_KID_MESSAGE = 'key %(number)d has no "kid".'
DUPLICATE_KID_MESSAGE = 'two keys have the kid "%(kid)s".'
FIRST_NOT_PRIVATE_MESSAGE = (
    'the first key signs, so it needs its private part ("d"); keep retired '
    "public keys after it."
)
MISMATCHED_KEY_MESSAGE = 'key %(number)d: its "x" is not the public part of its "d".'
UNREADABLE_KEY_MESSAGE = "key %(number)d cannot be read: %(error)s."


def signing_keys_parse(value: str | list) -> list[dict]:
    """The signing keys, checked: from JSON text (as the environment gives them)
    or a list of JWK dicts. Raises ValueError with a message naming the fault."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as error:
            raise ValueError(NOT_JSON_MESSAGE % {"error": error}) from None
    if not isinstance(value, list) or not all(isinstance(k, dict) for k in value):
        raise ValueError(NOT_A_LIST_MESSAGE)
    if not value:
        raise ValueError(NO_KEYS_MESSAGE)
    kids = set()
    for number, data in enumerate(value, start=1):
        if data.get("kty") != "OKP" or data.get("crv") != CURVE:
            raise ValueError(NOT_ED25519_MESSAGE % {"number": number})
        kid = data.get("kid")
        if not isinstance(kid, str) or not kid.strip():
            raise ValueError(NO_KID_MESSAGE % {"number": number})
        if kid in kids:
            raise ValueError(DUPLICATE_KID_MESSAGE % {"kid": kid})
        kids.add(kid)
        try:
            key = OKPKey.import_key(data)
        except Exception as error:  # joserfc raises several kinds for bad values
            raise ValueError(
                UNREADABLE_KEY_MESSAGE
                % {"number": number, "error": str(error) or type(error).__name__}
            ) from None
        if key.is_private and _public_x(key) != data["x"]:
            raise ValueError(MISMATCHED_KEY_MESSAGE % {"number": number})
    if "d" not in value[0]:
        raise ValueError(FIRST_NOT_PRIVATE_MESSAGE)
    return value


def _public_x(key: OKPKey) -> str:
    return OKPKey.import_key(key.public_key).as_dict()["x"]


def _keys() -> list[OKPKey]:
    # Read from the setting on every call: a few keys parse in microseconds, and
    # no process keeps a copy that could disagree with the others'.
    return [
        OKPKey.import_key(data)
        for data in signing_keys_parse(settings.CREDENTIAL_SIGNING_KEYS)
    ]


def public_jwk(key: OKPKey) -> dict:
    """The public part of one key, as published: never ``d``."""
    return {
        "kty": "OKP",
        "crv": CURVE,
        "x": _public_x(key),
        "kid": key.kid,
        "use": "sig",
        "alg": ALGORITHM,
    }


def public_jwks() -> dict:
    """Every key's public part (the signing key first), as a JWK Set."""
    return {"keys": [public_jwk(key) for key in _keys()]}


def jwks_url(*, issuer_id: str) -> str:
    """Where the issuer at ``issuer_id`` publishes its JWKS (on its own host)."""
    return urljoin(issuer_id, JWKS_PATH)


def credential_sign(*, credential: dict) -> str:
    """The credential as a compact JWS (``application/vc+jwt``), signed now with
    the first signing key; the credential dict itself is left unchanged."""
    key = _keys()[0]
    payload = _with_verification_method(credential, key=key)
    header = {"alg": ALGORITHM, "typ": HEADER_TYPE, "cty": CONTENT_TYPE, "kid": key.kid}
    return jwt.encode(
        header, {**payload, **_claims(credential)}, key, algorithms=[ALGORITHM]
    )


def _claims(credential: dict) -> dict:
    claims = {"iat": int(datetime.now(UTC).timestamp())}
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer_id:
        claims["iss"] = issuer_id
    if credential.get("id"):
        claims["jti"] = credential["id"]
    subject = credential.get("credentialSubject")
    if isinstance(subject, dict) and subject.get("id"):
        claims["sub"] = subject["id"]
    if credential.get("validFrom"):
        claims["nbf"] = _epoch(credential["validFrom"])
    if credential.get("validUntil"):
        claims["exp"] = _epoch(credential["validUntil"])
    return claims


def _with_verification_method(credential: dict, *, key: OKPKey) -> dict:
    """The credential with the signing key named in its issuer profile: a
    verification method whose id is the key's place in the issuer's JWKS. What
    a verifier trusts is that JWKS on the issuer's host, not this copy."""
    issuer = credential.get("issuer")
    if not isinstance(issuer, dict) or not issuer.get("id"):
        return credential
    method = {
        "id": f"{jwks_url(issuer_id=issuer['id'])}#{key.kid}",
        "type": VERIFICATION_METHOD_TYPE,
        "controller": issuer["id"],
        "publicKeyJwk": public_jwk(key),
    }
    return {**credential, "issuer": {**issuer, "verificationMethod": [method]}}


def _epoch(timestamp: str) -> int:
    return int(datetime.fromisoformat(timestamp.replace("Z", "+00:00")).timestamp())


def signing_key_generate(*, kid: str = "") -> dict:
    """A new private Ed25519 JWK; its kid is its RFC 7638 thumbprint unless given."""
    key = OKPKey.generate_key(CURVE, private=True)
    data = key.as_dict(private=True)
    data["kid"] = kid or key.thumbprint()
    return {k: data[k] for k in ("kty", "crv", "kid", "x", "d")}
