"""JSON for procurement systems: is this firm certified, and since when?

`name` is the firm's name now; each certification's `issued_to` is the name it
was certified under, which stays as issued when the firm is renamed.

Public data only (the same as the verification page shows), so any origin may
read it. Answers are cached for five minutes, in the browser and proxies
(`Cache-Control`) and on the server per organisation number; saving a
certification of the firm drops the server's copy (cms.signals).
"""

from http import HTTPStatus

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from lms.accounts.validators import normalise_org_number, validate_org_number

from ..selectors import registry as selectors

NOT_FOUND = "not_found"
INVALID_ORG_NUMBER = "invalid_org_number"


def _json(data: dict, *, status: int = HTTPStatus.OK) -> JsonResponse:
    response = JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False}
    )
    response["Cache-Control"] = f"public, max-age={selectors.API_CACHE_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _certification_json(request, row: dict) -> dict:
    return {
        "code": row["code"],
        "issued_to": row["issued_to"],
        "status": row["status"],
        "issued_on": row["issued_on"].isoformat(),
        "valid_until": row["valid_until"].isoformat(),
        "revoked_on": row["revoked_on"].isoformat() if row["revoked_on"] else None,
        "course": row["course"],
        "run": row["run"],
        "verify_url": request.build_absolute_uri(row["verify_path"]),
    }


@require_GET
def firm_certifications(request, org_number):
    """The firm's certifications, most recent first; 404 if it never had one."""
    org_number = normalise_org_number(org_number)
    try:
        validate_org_number(org_number)
    except ValidationError as error:
        return _json(
            {"error": INVALID_ORG_NUMBER, "message": str(error.messages[0])},
            status=HTTPStatus.BAD_REQUEST,
        )
    data = selectors.firm_certifications_cached(org_number=org_number)
    if data is None:
        return _json({"error": NOT_FOUND}, status=HTTPStatus.NOT_FOUND)
    return _json(
        {
            "org_number": data["org_number"],
            "name": data["name"],
            "certified": data["certified"],
            "certifications": [
                _certification_json(request, row) for row in data["certifications"]
            ],
        },
    )
