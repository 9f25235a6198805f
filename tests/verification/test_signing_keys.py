"""CREDENTIAL_SIGNING_KEYS: checked when read, required and never the public
development key in production, and made by a management command."""

import json
from io import StringIO

from django.conf import settings
from django.core.management import call_command

import pytest
from joserfc.jwk import OKPKey

from lms.verification import signing

from ..lms.test_settings import PRODUCTION_ENV, run_manage


def key(kid: str = "k1") -> dict:
    return signing.signing_key_generate(kid=kid)


def public_only(data: dict) -> dict:
    return {name: value for name, value in data.items() if name != "d"}


def test_a_private_key_then_retired_keys_are_accepted():
    first, private_old, public_old = key("new"), key("old"), public_only(key("gone"))
    keys = [first, private_old, public_old]

    assert signing.signing_keys_parse(json.dumps(keys)) == keys
    assert signing.signing_keys_parse(keys) == keys


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("{not json", "is not valid JSON"),
        ('{"kty": "OKP"}', signing.NOT_A_LIST_MESSAGE),
        ('["a string"]', signing.NOT_A_LIST_MESSAGE),
        ("[]", signing.NO_KEYS_MESSAGE),
        (
            [{**key(), "crv": "X25519"}],
            signing.NOT_ED25519_MESSAGE % {"number": 1},
        ),
        (
            [key(), {"kty": "RSA", "kid": "rsa", "n": "AQAB", "e": "AQAB"}],
            signing.NOT_ED25519_MESSAGE % {"number": 2},
        ),
        ([public_only(key()) | {"kid": ""}], signing.NO_KID_MESSAGE % {"number": 1}),
        (
            [{k: v for k, v in key().items() if k != "kid"}],
            signing.NO_KID_MESSAGE % {"number": 1},
        ),
        ([key("same"), key("same")], signing.DUPLICATE_KID_MESSAGE % {"kid": "same"}),
        ([public_only(key()), key("k2")], signing.FIRST_NOT_PRIVATE_MESSAGE),
        (
            [{**key(), "x": key()["x"]}],
            signing.MISMATCHED_KEY_MESSAGE % {"number": 1},
        ),
        ([public_only(key()) | {"x": "short"}], "key 1 cannot be read: Error."),
    ],
)
def test_bad_keys_are_refused_with_a_message_naming_the_fault(value, message):
    with pytest.raises(ValueError) as excinfo:
        signing.signing_keys_parse(value)

    assert message in str(excinfo.value)


def test_dev_and_test_share_the_fixed_development_key():
    assert settings.CREDENTIAL_SIGNING_KEYS == [
        settings.DEVELOPMENT_CREDENTIAL_SIGNING_KEY
    ]
    assert settings.DEVELOPMENT_CREDENTIAL_SIGNING_KEY["kid"] == (
        "development-key-not-secret"
    )
    signing.signing_keys_parse(settings.CREDENTIAL_SIGNING_KEYS)


def test_the_command_prints_a_new_private_key_on_one_line():
    out, err = StringIO(), StringIO()

    call_command("credential_signing_key", stdout=out, stderr=err)
    call_command("credential_signing_key", "--kid", "2027-b", stdout=out, stderr=err)

    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert signing.signing_keys_parse([first, second]) == [first, second]
    assert first["kid"] == OKPKey.import_key(first).thumbprint()
    assert second["kid"] == "2027-b"
    assert first["d"] != second["d"]
    assert "private key" in err.getvalue()


# --- Production -------------------------------------------------------------------


def production_check(**env):
    return run_manage(
        "check",
        "--settings=lms.settings.production",
        env_overrides={**PRODUCTION_ENV, **env},
    )


def test_production_refuses_to_start_without_signing_keys():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "CREDENTIAL_SIGNING_KEYS"}
    result = run_manage(
        "check", "--settings=lms.settings.production", env_overrides=env
    )

    assert result.returncode != 0
    assert (
        "ImproperlyConfigured: CREDENTIAL_SIGNING_KEYS must be set in the environment"
        in result.stderr
    )


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ("  ", "CREDENTIAL_SIGNING_KEYS must be set in the environment"),
        ("not json", "CREDENTIAL_SIGNING_KEYS: is not valid JSON"),
        (
            json.dumps([public_only(key())]),
            "CREDENTIAL_SIGNING_KEYS: " + signing.FIRST_NOT_PRIVATE_MESSAGE,
        ),
        (
            json.dumps([key(), settings.DEVELOPMENT_CREDENTIAL_SIGNING_KEY]),
            "CREDENTIAL_SIGNING_KEYS holds the development key, which is public",
        ),
    ],
)
def test_production_refuses_bad_or_public_signing_keys(keys, message):
    result = production_check(CREDENTIAL_SIGNING_KEYS=keys)

    assert result.returncode != 0
    assert f"ImproperlyConfigured: {message}" in result.stderr


def test_production_reads_the_keys_from_a_file(tmp_path):
    keys = [key("from-file")]
    path = tmp_path / "keys.json"
    path.write_text(json.dumps(keys))
    show = (
        "from django.conf import settings; "
        "print(settings.CREDENTIAL_SIGNING_KEYS[0]['kid'])"
    )

    result = run_manage(
        "shell",
        "--settings=lms.settings.production",
        "-c",
        show,
        env_overrides={
            **PRODUCTION_ENV,
            "CREDENTIAL_SIGNING_KEYS": "",
            "CREDENTIAL_SIGNING_KEYS_FILE": str(path),
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "from-file"

    missing = production_check(CREDENTIAL_SIGNING_KEYS_FILE=str(tmp_path / "none"))
    assert missing.returncode != 0
    assert "CREDENTIAL_SIGNING_KEYS_FILE cannot be read" in missing.stderr
