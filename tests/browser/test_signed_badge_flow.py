"""A visitor on the verify page takes the signed badge and the issuer's keys it
links, and checks the signature in the browser itself (WebCrypto Ed25519), with
no help from the site. The page passes axe-core."""

import json
import re

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from ..courses import certification_factories as cf
from ..courses import factories
from .conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # joserfc warns about the name "EdDSA" (RFC 9864); see lms/verification/signing.py.
    pytest.mark.filterwarnings("ignore:EdDSA is deprecated via RFC 9864"),
]

# The JWS check a verifier's own page could run: Ed25519 over "header.payload".
VERIFY_IN_BROWSER = """
async ([token, jwks]) => {
    const [header, payload, signature] = token.split(".");
    const decode = (part) => Uint8Array.from(
        atob(part.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    const kid = JSON.parse(new TextDecoder().decode(decode(header))).kid;
    const jwk = jwks.keys.find((key) => key.kid === kid);
    if (!jwk) return {valid: false, reason: "unknown kid"};
    const key = await crypto.subtle.importKey(
        "jwk", {kty: jwk.kty, crv: jwk.crv, x: jwk.x}, {name: "Ed25519"}, false,
        ["verify"]);
    const valid = await crypto.subtle.verify(
        {name: "Ed25519"}, key, decode(signature),
        new TextEncoder().encode(header + "." + payload));
    const claims = JSON.parse(new TextDecoder().decode(decode(payload)));
    return {valid, name: claims.name};
}
"""


def test_a_visitor_checks_the_signed_badge_with_the_published_keys(page, live_server):
    certification = cf.certification(
        enrolment=factories.enrolment(run_=factories.run(), participants=1)
    )
    code = certification.formatted_code

    page.goto(live_server.url + reverse("verify:detail", kwargs={"code": code}))
    expect(page.locator("#verification-status")).to_have_text(
        re.compile("Gyldig|Valid")
    )
    assert_accessible(page)

    signed_href = page.locator("#signed-badge-link").get_attribute("href")
    keys_href = page.locator("a[href='/.well-known/jwks.json']").get_attribute("href")
    badge = page.request.get(live_server.url + signed_href)
    keys = page.request.get(live_server.url + keys_href)
    assert badge.status == 200
    assert badge.headers["content-type"] == "application/vc+jwt"
    token = badge.text()
    jwks = json.loads(keys.text())

    genuine = page.evaluate(VERIFY_IN_BROWSER, [token, jwks])
    assert genuine["valid"] is True
    assert genuine["name"].endswith(certification.enrolment.run.course.title)

    # The same token with another course name in it: the signature fails.
    header, payload, signature = token.split(".")
    forged_payload = page.evaluate(
        """(payload) => {
            const text = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
            const claims = JSON.parse(decodeURIComponent(escape(text)));
            claims.name = "Forged course";
            return btoa(unescape(encodeURIComponent(JSON.stringify(claims))))
                .replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
        }""",
        payload,
    )
    forged = page.evaluate(
        VERIFY_IN_BROWSER, [f"{header}.{forged_payload}.{signature}", jwks]
    )
    assert forged == {"valid": False, "name": "Forged course"}
