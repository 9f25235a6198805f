"""What results holds about a person, for "download my data" and erasure:
only who last changed a firm's follow-up figures (the figures are counts,
never about a person). Imported from results/apps.py at start-up."""

from lms.accounts import personal_data

from .models import FollowUpFigures


@personal_data.exporter(
    "follow_up_figures_changed", covers=["results.FollowUpFigures.updated_by"]
)
def _export_figures_changed(user) -> list[dict]:
    rows = FollowUpFigures.objects.filter(updated_by=user).select_related(
        "report__certification__enrolment__firm"
    )
    return [
        {
            "firm": row.report.certification.enrolment.firm.name,
            "year": row.year,
            "changed_at": row.updated_at.isoformat(),
        }
        for row in rows.order_by("updated_at", "pk")
    ]


personal_data.keep(
    "results.FollowUpFigures.updated_by",
    reason=(
        "The firm's yearly figures belong to the firm and the programme's "
        "results; the account that last changed them is anonymised."
    ),
)
