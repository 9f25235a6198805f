"""A local S3 endpoint for the object-storage tests: moto's server, in this process.

moto 5 answers S3 calls but neither checks the signature of a presigned link nor
its expiry, and lets anyone read any object. `SignedLinkGate`, a WSGI layer in
front of it, does what Amazon S3 does with links: a request carrying
`X-Amz-Signature` is refused once `X-Amz-Date` + `X-Amz-Expires` has passed
("Request has expired") or when the signature is not the SigV4 signature of the
request under the test's secret key ("SignatureDoesNotMatch"); a request to the
private bucket with neither a signed link nor an `Authorization` header is
refused ("AccessDenied"). Everything else goes to moto unchanged.
"""

import hmac
import os
import time
from calendar import timegm
from urllib.error import HTTPError
from urllib.parse import parse_qs
from urllib.request import ProxyHandler, build_opener

from django.apps import apps
from django.db.models import FileField

import boto3
import pytest
from botocore.auth import S3SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from moto.moto_server.threaded_moto_server import ThreadedMotoServer
from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import make_server

from lms.settings.object_storage import object_storage_settings

PUBLIC_BUCKET = "sosialprofil-public"
PRIVATE_BUCKET = "sosialprofil-private"
ACCESS_KEY = "test-access-key"
SECRET_KEY = "test-secret-key"
REGION = "eu-north-1"
SIGNED_URL_SECONDS = 60
AUTH_PARAMS = frozenset(
    {
        "X-Amz-Algorithm",
        "X-Amz-Credential",
        "X-Amz-Date",
        "X-Amz-Expires",
        "X-Amz-SignedHeaders",
        "X-Amz-Signature",
        "X-Amz-Security-Token",
    }
)


def s3_error(start_response, code: str, message: str):
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code>'
        f"<Message>{message}</Message></Error>"
    ).encode()
    start_response(
        "403 Forbidden",
        [("Content-Type", "application/xml"), ("Content-Length", str(len(body)))],
    )
    return [body]


class SignedLinkGate:
    """What S3 checks on a presigned link, in front of moto (which does not)."""

    def __init__(self, app, *, private_buckets):
        self.app = app
        self.private_buckets = frozenset(private_buckets)
        self.refused = []  # (code, path) of every refusal, for the tests

    def __call__(self, environ, start_response):
        params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        path = environ.get("PATH_INFO", "")
        bucket = path.lstrip("/").split("/", 1)[0]
        refusal = None
        if "X-Amz-Signature" in params:
            refusal = self.link_refusal(environ, params)
        elif bucket in self.private_buckets and not environ.get("HTTP_AUTHORIZATION"):
            refusal = ("AccessDenied", "Access Denied")
        if refusal:
            self.refused.append((refusal[0], path))
            return s3_error(start_response, *refusal)
        return self.app(environ, start_response)

    def link_refusal(self, environ, params):
        first = {name: values[0] for name, values in params.items()}
        access_key, date, region, service, _ = first["X-Amz-Credential"].split("/")
        if access_key != ACCESS_KEY:
            return ("InvalidAccessKeyId", "The access key does not exist.")
        signed_at = timegm(time.strptime(first["X-Amz-Date"], "%Y%m%dT%H%M%SZ"))
        if time.time() > signed_at + int(first["X-Amz-Expires"]):
            return ("AccessDenied", "Request has expired")
        raw_path = (environ.get("RAW_URI") or environ["PATH_INFO"]).split("?", 1)[0]
        request = AWSRequest(
            method=environ["REQUEST_METHOD"],
            url=f"http://{environ['HTTP_HOST']}{raw_path}",
            params={k: v for k, v in first.items() if k not in AUTH_PARAMS},
        )
        request.context["timestamp"] = first["X-Amz-Date"]
        auth = S3SigV4QueryAuth(
            Credentials(ACCESS_KEY, SECRET_KEY),
            service,
            region,
            expires=int(first["X-Amz-Expires"]),
        )
        auth._modify_request_before_signing(request)
        string_to_sign = auth.string_to_sign(request, auth.canonical_request(request))
        expected = auth.signature(string_to_sign, request)
        if not hmac.compare_digest(expected, first["X-Amz-Signature"]):
            return ("SignatureDoesNotMatch", "The signature does not match.")
        return None


class GatedMotoServer(ThreadedMotoServer):
    """moto's threaded server, with `SignedLinkGate` in front."""

    def __init__(self, *, private_buckets):
        super().__init__(ip_address="127.0.0.1", port=0, verbose=False)
        self.gate = SignedLinkGate(
            DomainDispatcherApplication(create_backend_app),
            private_buckets=private_buckets,
        )

    def _server_entry(self):
        self._server = make_server(
            self._ip_address,
            self._port,  # 0: a free port, chosen by the system
            self.gate,
            True,
            request_handler=MotoRequestHandler,
        )
        self._server_ready_event.set()
        self._server.serve_forever()


@pytest.fixture(scope="session")
def s3_server():
    """moto on 127.0.0.1 (a free port) with both buckets, for the whole session."""
    with pytest.MonkeyPatch.context() as patch:
        # boto3 and urllib must reach the loopback endpoint directly, never
        # through a proxy the environment may name.
        no_proxy = ",".join(filter(None, [os.environ.get("NO_PROXY"), "127.0.0.1"]))
        patch.setenv("NO_PROXY", no_proxy)
        patch.setenv("no_proxy", no_proxy)
        server = GatedMotoServer(private_buckets=[PRIVATE_BUCKET])
        server.start()
        try:
            host, port = server.get_host_and_port()
            server.endpoint = f"http://{host}:{port}"
            client = s3_client(server.endpoint)
            for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
                client.create_bucket(
                    Bucket=bucket,
                    CreateBucketConfiguration={"LocationConstraint": REGION},
                )
            yield server
        finally:
            server.stop()


def s3_client(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )


def environment(endpoint, **overrides) -> dict:
    """The environment production would be given for this endpoint."""
    return {
        "AWS_STORAGE_BUCKET_NAME": PUBLIC_BUCKET,
        "S3_PRIVATE_BUCKET_NAME": PRIVATE_BUCKET,
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION": REGION,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "S3_SIGNED_URL_SECONDS": str(SIGNED_URL_SECONDS),
        **overrides,
    }


def use_object_storage(settings, monkeypatch, endpoint, **overrides):
    """STORAGES as production builds them for `endpoint`, for the rest of the test."""
    object_storages, _origin = object_storage_settings(
        environment(endpoint, **overrides)
    )
    settings.STORAGES = {**settings.STORAGES, **object_storages}
    # A FileField calls its storage callable once, when the model is defined
    # (evidence, certificate archives): give each the storage it names now.
    for model in apps.get_models():
        for field in model._meta.get_fields():
            storage_callable = getattr(field, "_storage_callable", None)
            if isinstance(field, FileField) and storage_callable:
                monkeypatch.setattr(field, "storage", storage_callable())


@pytest.fixture
def s3(s3_server, settings, monkeypatch, tmp_path):
    """Files on the local S3 endpoint; the local media folders empty and watched."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"
    use_object_storage(settings, monkeypatch, s3_server.endpoint)
    s3_server.gate.refused.clear()
    s3_server.client = s3_client(s3_server.endpoint)
    return s3_server


def fetch(url: str):
    """GET `url` as a browser would follow a redirect: (status, headers, body)."""
    opener = build_opener(ProxyHandler({}))
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except HTTPError as error:
        return error.code, error.headers, error.read()
