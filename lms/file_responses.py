"""The headers of every response that hands over a file.

Whatever is in a file (an uploaded document, a CSV with a firm's name, a JSON
export of what a person typed), the browser must never run it as a page of our
origin: no type sniffing, and a content security policy under which nothing in
it may load or run. Downloads also get `sandbox`, which gives the document an
origin of its own should a browser show it anyway.

Stored private files (validation evidence) go out through
`private_file_response`, the one place that decides how: streamed from a local
folder, or, from object storage that signs its links, a redirect to a link
signed for a few seconds that makes the store itself send the download headers.
"""

from django.http import FileResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header

# Downloads (`Content-Disposition: attachment`).
ATTACHMENT_CSP = "default-src 'none'; sandbox"
# The PDFs the platform writes itself and shows in the browser (certificates,
# transcripts). Browsers refuse to run their PDF viewer in a sandboxed document,
# so no `sandbox` here; still nothing may load, and the PDFs hold no script.
INLINE_PDF_CSP = "default-src 'none'"


def file_response_protect(response, *, inline_pdf: bool = False):
    """`response`, with `nosniff` and the file's content security policy."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = (
        INLINE_PDF_CSP if inline_pdf else ATTACHMENT_CSP
    )
    return response


PRIVATE_CACHE_CONTROL = "no-store, private"


def signs_urls(storage) -> bool:
    """Whether `storage` hands out links signed for a short time (object storage
    with query-string authentication), rather than files from a local folder."""
    # Duck-typed so that boto3 is not imported by every process that serves files;
    # a custom domain without a CloudFront signer would give unsigned links.
    return getattr(storage, "querystring_auth", False) is True and not getattr(
        storage, "custom_domain", None
    )


def private_file_response(file, *, filename: str, content_type: str):
    """A download of the stored private `file` (a FieldFile), as `filename`.

    Call it only after the permission check: from object storage the answer is a
    302 to a link signed for the storage's `querystring_expire` seconds, made
    for this request and never stored; the store answers it with
    `Content-Disposition: attachment`, `content_type` and no caching. From a
    local folder the file is streamed with the same headers.
    """
    storage = file.storage
    if signs_urls(storage):
        url = storage.url(
            file.name,
            parameters={
                "ResponseContentDisposition": content_disposition_header(
                    as_attachment=True, filename=filename
                ),
                "ResponseContentType": content_type,
                "ResponseCacheControl": PRIVATE_CACHE_CONTROL,
            },
            expire=storage.querystring_expire,
        )
        response = HttpResponseRedirect(url)
    else:
        response = FileResponse(
            file.open("rb"),
            as_attachment=True,
            filename=filename,
            content_type=content_type,
        )
    response["Cache-Control"] = PRIVATE_CACHE_CONTROL
    return file_response_protect(response)
