"""A firm's contact files the yearly follow-up; the programme owner sees the
people taken in for the year rise by what was filed, on the dashboard and in the
XLSX download; an anonymous visitor sees "*" for a count below 4 on the public
figures. Every page passes axe-core."""

import io
import re
from datetime import timedelta
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

import openpyxl
import pytest
from playwright.sync_api import expect

from lms.accounts import services as accounts
from lms.accounts.roles import Role
from results.services import follow_up_submit, reporting_year

from ..accounts.factories import FirmFactory, UserFactory
from ..courses import factories
from ..courses.certification_factories import certification
from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What the contact types: 3 on work trial and 2 in summer jobs, 2 of them young.
FILED = {"work_trial": 3, "summer_job": 2, "young": 2, "mentors": 1}
FILED_TOTAL = 5


def _due_certification(firm):
    """A certification in its follow-up window (60 days left), no report yet."""
    today = timezone.localdate()
    run = factories.run(starts_in_days=-330)
    enrolment = factories.enrolment(run_=run, firm=firm)
    made = certification(
        enrolment=enrolment,
        issued_on=today - timedelta(days=305),
        valid_until=today + timedelta(days=60),
    )
    return made, enrolment.contact


def _years_row(page, year):
    """The page's 'Results by year' table: its header and the year's row."""
    table = page.locator("#table-years")
    header = [text.strip() for text in table.locator("thead th").all_inner_texts()]
    row = table.locator("tbody tr").filter(
        has=page.locator("th", has_text=re.compile(rf"^\s*{year}\s*$"))
    )
    cells = [text.strip() for text in row.locator("th, td").all_inner_texts()]
    return header, cells


def _people_taken_in(page, year) -> int:
    # "People taken in" is the table's last column (see
    # results.selectors.dashboard._years_table).
    _header, cells = _years_row(page, year)
    return int(cells[-1]) if cells else 0


def test_contact_files_owner_sees_the_figure_move_and_visitor_sees_stars(
    page, browser, live_server
):
    ours = FirmFactory(name="Vestby Verksted AS", municipality="Lier")
    due, contact = _due_certification(ours)
    year = reporting_year(due.valid_until)
    # Another firm in another municipality filed 2 people the same year: a count
    # the public figures hide.
    theirs, their_contact = _due_certification(
        FirmFactory(name="Hole Hagesenter AS", municipality="Hole")
    )
    follow_up_submit(
        certification=theirs,
        by=their_contact,
        narrative="To på arbeidstrening.",
        counts={"work_trial": 2, "young": 1},
        mentors=1,
    )
    owner = UserFactory()
    accounts.role_grant(user=owner, role=Role.PROGRAMME_OWNER)

    # The programme owner, in a tab of their own, reads the year's figure.
    owner_context = browser.new_context(base_url=live_server.url, locale="nb-NO")
    owner_tab = owner_context.new_page()
    try:
        log_in(owner_tab, owner.email)
        owner_tab.goto(reverse("results:dashboard"))
        before = _people_taken_in(owner_tab, year)
        assert before == 2

        # The firm's contact files the follow-up from the certification page.
        log_in(page, contact.email)
        page.goto(
            reverse(
                "courses:certification_firm",
                kwargs={"enrolment_pk": due.enrolment_id},
            )
        )
        page.locator("#follow-up-file").click()
        expect(page.locator("#follow-up-form")).to_be_visible()
        assert_accessible(page)
        for name, value in FILED.items():
            page.locator(f"#id_{name}").fill(str(value))
        page.locator("#id_narrative").fill(
            "Tre på arbeidstrening og to i sommerjobb i verkstedet."
        )
        page.locator("#follow-up-save").click()
        success = page.locator(".alert-success")
        expect(success).to_contain_text(str(FILED_TOTAL))
        assert_accessible(page)

        # The owner reloads: the year's people taken in rose by what was filed.
        owner_tab.reload()
        assert _people_taken_in(owner_tab, year) == before + FILED_TOTAL
        assert_accessible(owner_tab)
        header, cells = _years_row(owner_tab, year)

        # The workbook holds the same row as the page.
        with owner_tab.expect_download() as download_info:
            owner_tab.locator("#dashboard-workbook").click()
        download = download_info.value
        assert download.suggested_filename.endswith(".xlsx")
        # openpyxl goes by the file name's extension; the download has none.
        workbook = openpyxl.load_workbook(
            io.BytesIO(Path(download.path()).read_bytes())
        )
        sheets = [
            sheet
            for sheet in workbook.worksheets
            if [str(c.value) for c in sheet[1]] == header
        ]
        assert len(sheets) == 1, workbook.sheetnames
        rows = [
            [str(value) for value in row]
            for row in sheets[0].iter_rows(values_only=True)
            if str(row[0]) == str(year)
        ]
        assert rows == [cells]
        assert rows[0][-1] == str(before + FILED_TOTAL)
    finally:
        owner_context.close()

    # An anonymous visitor: Hole's 2 is hidden as "*" (and Lier's 5 too, if
    # the total would give Hole's away).
    page.context.clear_cookies()
    page.goto(reverse("results:public"))
    assert_accessible(page)
    hole = page.locator("tr").filter(
        has=page.locator("th", has_text=re.compile(r"^\s*Hole\s*$"))
    )
    expect(hole.first).to_be_visible()
    expect(
        hole.first.locator("td", has_text=re.compile(r"^\s*\*\s*$")).first
    ).to_be_visible()
    assert page.locator("td", has_text=re.compile(r"^\s*\*\s*$")).count() >= 1
