"""The headers of every response that hands over a file.

Whatever is in a file (an uploaded document, a CSV with a firm's name, a JSON
export of what a person typed), the browser must never run it as a page of our
origin: no type sniffing, and a content security policy under which nothing in
it may load or run. Downloads also get `sandbox`, which gives the document an
origin of its own should a browser show it anyway.
"""

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
