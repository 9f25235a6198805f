"""Signed Open Badges (VC-JOSE, Ed25519): verified offline with nothing but the
published JWKS, tampering and unknown keys refused, rotation, revocation."""

import base64
import json
from datetime import UTC, datetime, time
from http import HTTPStatus

from django.urls import reverse
from django.utils import timezone

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from joserfc import jwt
from joserfc.errors import (
    BadSignatureError,
    ExpiredTokenError,
    InvalidKeyIdError,
    UnsupportedAlgorithmError,
)
from joserfc.jwk import KeySet, OKPKey

from courses.models import CourseCertificate
from lms.verification import signing

from ..courses import certification_factories as cf
from ..courses import factories
from ..courses.test_open_badges import VALIDATOR

pytestmark = [
    pytest.mark.django_db,
    # The verifier's side names EdDSA on purpose (see lms.verification.signing).
    pytest.mark.filterwarnings("ignore:EdDSA is deprecated via RFC 9864"),
]

JWT_CLAIMS = {"iss", "jti", "nbf", "exp", "iat", "sub"}


def key(kid: str) -> dict:
    return signing.signing_key_generate(kid=kid)


def public_only(data: dict) -> dict:
    return {name: value for name, value in data.items() if name != "d"}


def b64url_decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def verify_offline(token: str, jwks_text: str) -> jwt.Token:
    """What a verifier does with a standard library and the JWKS it fetched once."""
    return jwt.decode(
        token, KeySet.import_key_set(json.loads(jwks_text)), algorithms=["EdDSA"]
    )


def jwks_text(client) -> str:
    response = client.get("/.well-known/jwks.json")
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def signed(code: str) -> str:
    return reverse("verify:badge_signed", kwargs={"code": code})


def unsigned(code: str) -> str:
    return reverse("verify:badge", kwargs={"code": code})


def tampered(token: str, change) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(b64url_decode(payload))
    change(claims)
    body = b64url_encode(json.dumps(claims, ensure_ascii=False).encode())
    return f"{header}.{body}.{signature}"


@pytest.fixture
def firm_certification():
    return cf.certification(
        enrolment=factories.enrolment(run_=factories.run(), participants=2)
    )


@pytest.fixture
def kursbevis():
    enrolment = factories.enrolment(run_=factories.run(), participants=2)
    person = enrolment.participants.first()
    return CourseCertificate.objects.create(
        run=enrolment.run,
        user=person,
        holder_name=str(person),
        code=cf.code(),
        issued_on=timezone.localdate(),
    )


def _epoch(day, at) -> int:
    return int(datetime.combine(day, at, tzinfo=UTC).timestamp())


# --- A real badge of each kind, verified offline ------------------------------


def test_a_firm_certification_is_signed_and_verifies_offline(
    client, firm_certification
):
    code = firm_certification.formatted_code
    response = client.get(signed(code))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/vc+jwt"
    assert response["Access-Control-Allow-Origin"] == "*"
    token = verify_offline(response.content.decode(), jwks_text(client))
    assert token.header == {
        "alg": "EdDSA",
        "typ": "vc+jwt",
        "cty": "vc",
        "kid": "development-key-not-secret",
    }
    claims = token.claims
    credential = client.get(unsigned(code)).json()
    # The payload is the credential, the issuer naming the key that signed it.
    issuer = claims["issuer"]
    assert issuer.pop("verificationMethod") == [
        {
            "id": (
                "http://testserver/.well-known/jwks.json#development-key-not-secret"
            ),
            "type": "JsonWebKey",
            "controller": "http://testserver/",
            "publicKeyJwk": json.loads(jwks_text(client))["keys"][0],
        }
    ]
    assert {k: v for k, v in claims.items() if k not in JWT_CLAIMS} == credential
    assert claims["iss"] == "http://testserver/" == credential["issuer"]["id"]
    assert claims["jti"] == f"http://testserver{unsigned(code)}"
    assert claims["nbf"] == _epoch(firm_certification.issued_on, time.min)
    assert claims["exp"] == _epoch(firm_certification.valid_until, time(23, 59, 59))
    assert "vc" not in claims and "sub" not in claims
    assert claims["name"].endswith(firm_certification.enrolment.run.course.title)


def test_a_kursbevis_is_signed_and_verifies_offline(client, kursbevis):
    response = client.get(signed(kursbevis.formatted_code))

    token = verify_offline(response.content.decode(), jwks_text(client))
    subject = token.claims["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == kursbevis.holder_name
    assert token.claims["credentialSubject"]["achievement"]["achievementType"] == (
        "CertificateOfCompletion"
    )
    assert "exp" not in token.claims  # a kursbevis does not expire
    assert token.claims["nbf"] == _epoch(kursbevis.issued_on, time.min)


def test_the_signed_payload_is_still_a_valid_open_badge(client, firm_certification):
    token = client.get(signed(firm_certification.formatted_code)).content.decode()
    claims = json.loads(b64url_decode(token.split(".")[1]))
    credential = {k: v for k, v in claims.items() if k not in JWT_CLAIMS}

    assert sorted(e.message for e in VALIDATOR.iter_errors(credential)) == []


def test_the_signature_is_plain_ed25519_over_the_jws_signing_input(
    client, firm_certification
):
    """No JOSE library at all: the JWKS's x and the bytes of the token suffice."""
    token = client.get(signed(firm_certification.formatted_code)).content.decode()
    header, payload, signature = token.split(".")
    (jwk,) = json.loads(jwks_text(client))["keys"]

    public_key = Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))
    public_key.verify(b64url_decode(signature), f"{header}.{payload}".encode())


def test_a_standard_verifier_sees_an_expired_certification_as_expired(client):
    expired = cf.expired(
        enrolment=factories.enrolment(run_=factories.run(), participants=1)
    )
    response = client.get(signed(expired.formatted_code))

    token = verify_offline(response.content.decode(), jwks_text(client))
    with pytest.raises(ExpiredTokenError):
        jwt.JWTClaimsRegistry().validate(token.claims)


# --- Forgeries -------------------------------------------------------------------


def test_a_changed_name_is_rejected(client, firm_certification):
    token = client.get(signed(firm_certification.formatted_code)).content.decode()
    jwks = jwks_text(client)
    verify_offline(token, jwks)  # the genuine one passes

    def rename(claims):
        claims["name"] = "Certification: A course never taken"

    def other_holder(claims):
        claims["credentialSubject"]["identifier"][0]["identityHash"] = "Forged AS"

    for change in (rename, other_holder):
        with pytest.raises(BadSignatureError):
            verify_offline(tampered(token, change), jwks)


def test_a_token_from_an_unknown_key_is_rejected(client, firm_certification):
    credential = client.get(unsigned(firm_certification.formatted_code)).json()
    jwks = jwks_text(client)
    forger = OKPKey.import_key(key("forger"))

    unknown_kid = jwt.encode(
        {"alg": "EdDSA", "typ": "vc+jwt", "kid": "forger"},
        credential,
        forger,
        algorithms=["EdDSA"],
    )
    with pytest.raises(InvalidKeyIdError):
        verify_offline(unknown_kid, jwks)

    # Claiming the published kid does not help: the signature is checked with
    # the published key.
    borrowed_kid = jwt.encode(
        {"alg": "EdDSA", "typ": "vc+jwt", "kid": "development-key-not-secret"},
        credential,
        forger,
        algorithms=["EdDSA"],
    )
    with pytest.raises(BadSignatureError):
        verify_offline(borrowed_kid, jwks)


def test_a_token_without_a_signature_is_rejected(client, firm_certification):
    token = client.get(signed(firm_certification.formatted_code)).content.decode()
    header, payload, _ = token.split(".")
    unsigned_header = b64url_encode(
        json.dumps({"alg": "none", "kid": "development-key-not-secret"}).encode()
    )

    with pytest.raises(BadSignatureError):
        verify_offline(f"{header}.{payload}.", jwks_text(client))
    with pytest.raises(UnsupportedAlgorithmError):
        verify_offline(f"{unsigned_header}.{payload}.", jwks_text(client))


# --- Keys: rotation and what is published ----------------------------------------


def test_rotation_keeps_old_credentials_verifiable(
    client, settings, firm_certification
):
    code = firm_certification.formatted_code
    first, second = key("2026-a"), key("2027-b")

    settings.CREDENTIAL_SIGNING_KEYS = [first]
    old_token = client.get(signed(code)).content.decode()
    assert verify_offline(old_token, jwks_text(client)).header["kid"] == "2026-a"

    # Rotated: the new key signs; the old one stays, public part only.
    settings.CREDENTIAL_SIGNING_KEYS = [second, public_only(first)]
    new_token = client.get(signed(code)).content.decode()
    jwks = jwks_text(client)

    assert [k["kid"] for k in json.loads(jwks)["keys"]] == ["2027-b", "2026-a"]
    assert verify_offline(new_token, jwks).header["kid"] == "2027-b"
    assert verify_offline(old_token, jwks).claims["jti"].endswith(unsigned(code))
    # The refreshed credential is the same credential, now under the new key.
    old_claims = verify_offline(old_token, jwks).claims
    new_claims = verify_offline(new_token, jwks).claims
    assert old_claims["credentialSubject"] == new_claims["credentialSubject"]

    # Once the old key is dropped from the JWKS, its tokens no longer verify.
    settings.CREDENTIAL_SIGNING_KEYS = [second]
    with pytest.raises(InvalidKeyIdError):
        verify_offline(old_token, jwks_text(client))


def test_the_jwks_never_contains_private_material(client, settings):
    keys = [key("2027-b"), key("2026-a")]
    settings.CREDENTIAL_SIGNING_KEYS = keys

    response = client.get("/.well-known/jwks.json")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/jwk-set+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=300" in response["Cache-Control"]
    published = response.json()["keys"]
    assert published == [
        {
            "kty": "OKP",
            "crv": "Ed25519",
            "x": k["x"],
            "kid": k["kid"],
            "use": "sig",
            "alg": "EdDSA",
        }
        for k in keys
    ]
    for k in keys:
        assert k["d"] not in response.content.decode()
    assert all(not OKPKey.import_key(k).is_private for k in published)


def test_the_verification_method_in_the_payload_is_public_only(
    client, firm_certification
):
    token = client.get(signed(firm_certification.formatted_code)).content.decode()
    payload = b64url_decode(token.split(".")[1]).decode()

    from django.conf import settings

    assert settings.CREDENTIAL_SIGNING_KEYS[0]["d"] not in payload
    assert '"d"' not in payload


def test_signing_is_generic_and_leaves_the_credential_alone():
    """Any credential dict, e.g. a validation certificate's, signs the same way."""
    credential = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "https://example.org/verify/ABCD/badge.json",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "https://example.org/", "type": ["Profile"]},
        "validFrom": "2026-05-01T00:00:00Z",
        "credentialSubject": {"id": "urn:uuid:1234", "type": ["AchievementSubject"]},
    }
    before = json.dumps(credential)

    token = signing.credential_sign(credential=credential)

    assert json.dumps(credential) == before
    claims = verify_offline(token, json.dumps(signing.public_jwks())).claims
    assert claims["sub"] == "urn:uuid:1234"
    assert claims["iss"] == "https://example.org/"
    assert claims["issuer"]["verificationMethod"][0]["id"] == (
        "https://example.org/.well-known/jwks.json#development-key-not-secret"
    )
    assert "exp" not in claims


def test_signing_refuses_a_setting_whose_first_key_is_public(settings):
    settings.CREDENTIAL_SIGNING_KEYS = [public_only(key("retired"))]

    with pytest.raises(ValueError, match="needs its private part"):
        signing.credential_sign(credential={"id": "https://example.org/x"})


# --- Served beside badge.json ------------------------------------------------------


def test_a_revoked_certificate_has_no_signed_badge(client):
    revoked = cf.revoked(
        enrolment=factories.enrolment(run_=factories.run(), participants=1)
    )
    code = revoked.formatted_code

    response = client.get(signed(code))

    assert response.status_code == HTTPStatus.GONE
    assert response.json() == client.get(unsigned(code)).json()
    assert response.json()["status"] == "revoked"
    assert response.json()["revoked_on"] == (
        timezone.localtime(revoked.revoked_at).date().isoformat()
    )
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_unknown_code_has_no_signed_badge_and_counts_as_a_miss(client, settings):
    settings.VERIFY_MISS_RATE = "2/h"
    for _ in range(2):
        assert client.get(signed("ABCD-EFGH-JKMN")).status_code == (
            HTTPStatus.NOT_FOUND
        )
    assert client.get(signed("ABCD-EFGH-JKMN")).status_code == (
        HTTPStatus.TOO_MANY_REQUESTS
    )


def test_the_verify_page_links_the_signed_badge_and_the_keys(
    client, firm_certification
):
    client.cookies["django_language"] = "en"
    code = firm_certification.formatted_code

    page = client.get(reverse("verify:detail", kwargs={"code": code}))

    html = page.content.decode()
    assert f'href="{signed(code)}"' in html
    assert "The Open Badge signed by the issuer (JWT)" in html
    assert 'href="/.well-known/jwks.json"' in html


def test_the_verify_page_of_a_revoked_certificate_links_no_badge(client):
    revoked = cf.revoked(
        enrolment=factories.enrolment(run_=factories.run(), participants=1)
    )
    page = client.get(
        reverse("verify:detail", kwargs={"code": revoked.formatted_code})
    ).content.decode()

    assert signed(revoked.formatted_code) not in page


def test_the_signed_badge_is_never_cached(client, firm_certification):
    response = client.get(signed(firm_certification.formatted_code))
    assert "no-cache" in response["Cache-Control"]
