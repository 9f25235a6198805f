"""What the validation side holds about a person, for "download my data" and
erasure. Imported from validation/apps.py at start-up (see
lms/accounts/personal_data.py, which checks that no relation is forgotten)."""

from lms.accounts import personal_data

from .models import Unit


@personal_data.exporter(
    "validation_units_approved", covers=["validation.Unit.approved_by"]
)
def units_approved(user) -> list[dict]:
    return [
        {
            "unit": unit.code,
            "version": unit.version,
            "approved_at": unit.approved_at.isoformat() if unit.approved_at else None,
            "note": unit.approval_note,
        }
        for unit in Unit.objects.filter(approved_by=user).order_by("code", "version")
    ]


personal_data.keep(
    "validation.Unit.approved_by",
    reason=(
        "A unit's approval is the panel's decision that every case of that version "
        "rests on; it stays under the anonymised account."
    ),
)
