"""The run overview: each firm's certification page is one visible link in its
row, outside the folded-away list of rules."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from . import certification_factories, factories

pytestmark = pytest.mark.django_db


def test_each_row_has_one_visible_link_to_the_certification_page(client):
    run = factories.run()
    waiting = factories.enrolment(run_=run)
    certified = certification_factories.certification(
        enrolment=factories.enrolment(run_=run)
    ).enrolment
    client.force_login(run.leaders.get())
    client.cookies["django_language"] = "en"
    soup = BeautifulSoup(
        client.get(reverse("courses:run_overview", args=[run.pk])).content.decode(),
        "html.parser",
    )
    rows = soup.find("caption", id="overview-caption").find_parent("table")
    rows = rows.find("tbody").find_all("tr")
    assert len(rows) == 2
    for enrolment in (waiting, certified):
        url = reverse("courses:certification_firm", args=[enrolment.pk])
        row = next(r for r in rows if r.find("th").get_text() == enrolment.firm.name)
        links = row.find_all("a", href=url)
        assert len(links) == 1
        assert links[0].find_parent("details") is None
        assert enrolment.firm.name in links[0].get_text()
    waiting_row = next(r for r in rows if r.find("th").get_text() == waiting.firm.name)
    assert waiting_row.find("details").find("ul").find_all("li")
