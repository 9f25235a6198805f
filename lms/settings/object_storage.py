"""Files on S3-compatible object storage, when the environment names a bucket.

`object_storage_settings(os.environ)` returns None without `AWS_STORAGE_BUCKET_NAME`
(files stay in the local folders of base.py); otherwise the `STORAGES` entries for
public media ("default": Wagtail's images and documents) and private files
("evidence"), and the origin public images are loaded from (for the content
security policy). Pure: reads only the mapping it is given, so tests build their
storages with the same code production runs.

Public media: Wagtail's renditions (`images/`, what pages show) are public-read
with plain, unsigned URLs, which cached pages and a CDN can keep; everything
else (originals, which may carry a photo's GPS position, and documents, which
Wagtail serves through its own view after checking collection privacy) is
private. Private files are private objects under their own prefix (or bucket),
reached only by URLs signed for `S3_SIGNED_URL_SECONDS`.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

SIGNED_URL_SECONDS_DEFAULT = 120
SIGNED_URL_SECONDS_MAX = 15 * 60
PUBLIC_LOCATION = "media"
PRIVATE_LOCATION = "evidence"
# Under the public bucket when private files share it.
SHARED_BUCKET_PRIVATE_PREFIX = "private"
ADDRESSING_STYLES = ("path", "virtual", "auto")


def _signed_url_seconds(environ) -> int:
    text = environ.get("S3_SIGNED_URL_SECONDS", "").strip()
    if not text:
        return SIGNED_URL_SECONDS_DEFAULT
    try:
        seconds = int(text)
    except ValueError:
        seconds = 0
    if not 1 <= seconds <= SIGNED_URL_SECONDS_MAX:
        raise ImproperlyConfigured(
            f"S3_SIGNED_URL_SECONDS must be a whole number of seconds from 1 to "
            f"{SIGNED_URL_SECONDS_MAX}, not {text!r}: a signed link works for "
            f"anyone who has it until it expires."
        )
    return seconds


def _endpoint(environ) -> str | None:
    endpoint = environ.get("S3_ENDPOINT_URL", "").strip().rstrip("/")
    if not endpoint:
        return None
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ImproperlyConfigured(
            f"S3_ENDPOINT_URL must be an http(s) address, e.g. "
            f"https://s3.example.com, not {endpoint!r}."
        )
    return endpoint


def _public_base(*, bucket, endpoint, region, addressing_style, environ):
    """(url_protocol, custom_domain): where public objects are read from."""
    domain = environ.get("S3_PUBLIC_CUSTOM_DOMAIN", "").strip().strip("/")
    if domain:
        return "https:", domain
    if endpoint:
        parts = urlsplit(endpoint)
        if addressing_style == "virtual":
            return f"{parts.scheme}:", f"{bucket}.{parts.netloc}"
        return f"{parts.scheme}:", f"{parts.netloc}{parts.path}/{bucket}"
    if not region:
        raise ImproperlyConfigured(
            "S3_REGION must be set for Amazon S3 (or S3_ENDPOINT_URL for another "
            "S3-compatible service, or S3_PUBLIC_CUSTOM_DOMAIN for a CDN)."
        )
    return "https:", f"{bucket}.s3.{region}.amazonaws.com"


def object_storage_settings(environ) -> tuple[dict, str] | None:
    """(STORAGES entries for "default" and "evidence", public origin), or None."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return None
    endpoint = _endpoint(environ)
    region = environ.get("S3_REGION", "").strip() or None
    addressing_style = environ.get("S3_ADDRESSING_STYLE", "").strip().lower()
    if not addressing_style:
        # Most S3-compatible services (MinIO, Ceph, Garage) answer path-style
        # requests; Amazon's own endpoints are left to botocore.
        addressing_style = "path" if endpoint else "auto"
    if addressing_style not in ADDRESSING_STYLES:
        raise ImproperlyConfigured(
            f"S3_ADDRESSING_STYLE must be one of {', '.join(ADDRESSING_STYLES)}."
        )
    access_key = environ.get("AWS_ACCESS_KEY_ID", "").strip()
    secret_key = environ.get("AWS_SECRET_ACCESS_KEY", "").strip()
    if bool(access_key) != bool(secret_key):
        raise ImproperlyConfigured(
            "Set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither "
            "(then boto3 finds credentials itself, e.g. the machine's role)."
        )
    # ACLs on each object, unless the bucket refuses them (Amazon's default for
    # new buckets): then a bucket policy must allow public reads of images/ only.
    acls = environ.get("S3_OBJECT_ACLS", "1").strip() != "0"

    connection = {
        "endpoint_url": endpoint,
        "region_name": region,
        "addressing_style": addressing_style,
        "signature_version": "s3v4",
        "file_overwrite": False,
    }
    if access_key:
        connection["access_key"] = access_key
        connection["secret_key"] = secret_key

    url_protocol, custom_domain = _public_base(
        bucket=bucket,
        endpoint=endpoint,
        region=region,
        addressing_style=addressing_style,
        environ=environ,
    )
    private_bucket = environ.get("S3_PRIVATE_BUCKET_NAME", "").strip() or bucket
    private_location = PRIVATE_LOCATION
    if private_bucket == bucket:
        private_location = f"{SHARED_BUCKET_PRIVATE_PREFIX}/{PRIVATE_LOCATION}"

    storages = {
        "default": {
            "BACKEND": "lms.storage.PublicMediaStorage",
            "OPTIONS": {
                **connection,
                "bucket_name": bucket,
                "location": PUBLIC_LOCATION,
                "default_acl": "private" if acls else None,
                "public_acl": "public-read" if acls else None,
                "querystring_auth": False,
                "url_protocol": url_protocol,
                "custom_domain": custom_domain,
            },
        },
        "evidence": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **connection,
                "bucket_name": private_bucket,
                "location": private_location,
                "default_acl": "private" if acls else None,
                "querystring_auth": True,
                "querystring_expire": _signed_url_seconds(environ),
                # Should a link ever lack the download's own headers.
                "object_parameters": {
                    "ContentDisposition": "attachment",
                    "CacheControl": "no-store, private",
                },
            },
        },
    }
    origin = f"{url_protocol}//{custom_domain.split('/', 1)[0]}"
    return storages, origin
