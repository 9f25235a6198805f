"""Which storages the environment gives production (lms/settings/object_storage.py)."""

import json

from django.core.exceptions import ImproperlyConfigured

import pytest

from lms.settings import base as base_settings
from lms.settings.object_storage import (
    SIGNED_URL_SECONDS_DEFAULT,
    SIGNED_URL_SECONDS_MAX,
    object_storage_settings,
)

from ..lms.test_settings import PRODUCTION_ENV, run_manage
from .conftest import PRIVATE_BUCKET, PUBLIC_BUCKET, environment

ENDPOINT = "http://127.0.0.1:9000"


def test_without_a_bucket_nothing_changes():
    assert object_storage_settings({}) is None
    assert object_storage_settings({"AWS_STORAGE_BUCKET_NAME": " "}) is None
    # The local folders of base.py, as before.
    assert {
        name: entry["BACKEND"] for name, entry in base_settings.STORAGES.items()
    } == {
        "default": "django.core.files.storage.FileSystemStorage",
        "evidence": "django.core.files.storage.FileSystemStorage",
        "staticfiles": "django.contrib.staticfiles.storage.StaticFilesStorage",
    }


def test_public_media_and_private_files_with_their_own_buckets():
    storages, origin = object_storage_settings(environment(ENDPOINT))
    public, private = storages["default"], storages["evidence"]
    assert public["BACKEND"] == "lms.storage.PublicMediaStorage"
    assert private["BACKEND"] == "storages.backends.s3.S3Storage"
    assert public["OPTIONS"]["bucket_name"] == PUBLIC_BUCKET
    assert public["OPTIONS"]["querystring_auth"] is False
    assert public["OPTIONS"]["public_acl"] == "public-read"
    assert public["OPTIONS"]["default_acl"] == "private"
    assert (private["OPTIONS"]["bucket_name"], private["OPTIONS"]["location"]) == (
        PRIVATE_BUCKET,
        "evidence",
    )
    for options in (public["OPTIONS"], private["OPTIONS"]):
        assert options["endpoint_url"] == ENDPOINT
        assert options["file_overwrite"] is False
        assert options["addressing_style"] == "path"
    assert private["OPTIONS"]["default_acl"] == "private"
    assert private["OPTIONS"]["querystring_auth"] is True
    assert private["OPTIONS"]["querystring_expire"] == 60
    assert origin == ENDPOINT


def test_private_files_share_the_bucket_under_their_own_prefix():
    storages, _origin = object_storage_settings(
        environment(ENDPOINT, S3_PRIVATE_BUCKET_NAME="", S3_SIGNED_URL_SECONDS="")
    )
    private = storages["evidence"]["OPTIONS"]
    assert (private["bucket_name"], private["location"]) == (
        PUBLIC_BUCKET,
        "private/evidence",
    )
    assert storages["default"]["OPTIONS"]["location"] == "media"
    assert private["querystring_expire"] == SIGNED_URL_SECONDS_DEFAULT


def test_amazon_s3_and_a_cdn_give_the_images_origin():
    amazon = {"AWS_STORAGE_BUCKET_NAME": "bilder", "S3_REGION": "eu-north-1"}
    _storages, origin = object_storage_settings(amazon)
    assert origin == "https://bilder.s3.eu-north-1.amazonaws.com"
    storages, origin = object_storage_settings(
        {**amazon, "S3_PUBLIC_CUSTOM_DOMAIN": "media.example.no"}
    )
    assert origin == "https://media.example.no"
    assert storages["default"]["OPTIONS"]["custom_domain"] == "media.example.no"
    # Private links are never on the CDN: they are signed by the store.
    assert "custom_domain" not in storages["evidence"]["OPTIONS"]


def test_without_acls_the_bucket_policy_decides():
    storages, _origin = object_storage_settings(
        environment(ENDPOINT, S3_OBJECT_ACLS="0")
    )
    assert storages["default"]["OPTIONS"]["public_acl"] is None
    assert storages["default"]["OPTIONS"]["default_acl"] is None
    assert storages["evidence"]["OPTIONS"]["default_acl"] is None


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"S3_SIGNED_URL_SECONDS": "0"}, "S3_SIGNED_URL_SECONDS"),
        (
            {"S3_SIGNED_URL_SECONDS": str(SIGNED_URL_SECONDS_MAX + 1)},
            "S3_SIGNED_URL_SECONDS",
        ),
        ({"S3_SIGNED_URL_SECONDS": "a minute"}, "S3_SIGNED_URL_SECONDS"),
        ({"AWS_SECRET_ACCESS_KEY": ""}, "AWS_SECRET_ACCESS_KEY"),
        ({"S3_ENDPOINT_URL": "ftp://store"}, "S3_ENDPOINT_URL"),
        ({"S3_ADDRESSING_STYLE": "sideways"}, "S3_ADDRESSING_STYLE"),
        ({"S3_ENDPOINT_URL": "", "S3_REGION": ""}, "S3_REGION"),
    ],
)
def test_a_wrong_setting_stops_the_start_with_its_name(overrides, named):
    with pytest.raises(ImproperlyConfigured, match=named):
        object_storage_settings(environment(ENDPOINT, **overrides))


SHOW_STORAGES = """
import json
from django.conf import settings
from django.core.management import call_command
call_command("check", deploy=True, fail_level="WARNING")
print(json.dumps({
    "storages": {name: entry["BACKEND"] for name, entry in settings.STORAGES.items()},
    "img-src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
}))
"""


def test_production_settings_use_the_buckets_and_pass_check_deploy():
    result = run_manage(
        "shell",
        "--settings=lms.settings.production",
        "-c",
        SHOW_STORAGES,
        env_overrides={**PRODUCTION_ENV, **environment(ENDPOINT)},
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["storages"] == {
        "default": "lms.storage.PublicMediaStorage",
        "evidence": "storages.backends.s3.S3Storage",
        "staticfiles": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    }
    # Pages may show images from the bucket, and from nowhere else new.
    assert shown["img-src"] == ["'self'", "data:", ENDPOINT]
