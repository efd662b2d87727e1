"""The fixture's agenda exported as iCalendar, read back by a real iCalendar library."""
import datetime
import zoneinfo
from urllib.parse import urlparse

import yaml
from icalendar import Calendar

from conftest import FIXTURE

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
HOST = urlparse(yaml.safe_load((FIXTURE / "site.yml").read_text(encoding="utf8"))["base_url"]).hostname


def events(path):
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_agenda_holds_every_event_with_unique_identifiers(fixture_site):
    agenda = events(fixture_site / "evenements" / "agenda.ics")
    pages = [p for p in (fixture_site / "evenements").iterdir() if (p / "index.html").exists()]
    assert len(agenda) == len(pages) == 8
    for event in agenda.values():
        assert event.get("SUMMARY") and event.get("URL") and event.get("DTSTAMP")
        assert str(event["URL"]).startswith(f"https://{HOST}/evenements/")


def test_timed_events_carry_the_paris_time_zone(fixture_site):
    agenda = events(fixture_site / "evenements" / "agenda.ics")
    webinar = agenda[f"evenements-webinaire-essai-2025@{HOST}"]
    start = webinar["DTSTART"].dt
    assert start.tzinfo is not None
    assert start == datetime.datetime(2025, 11, 20, 13, 0, tzinfo=PARIS)
    assert start.astimezone(datetime.timezone.utc).hour == 12
    assert str(webinar["LOCATION"]) == "En ligne"
    summer = agenda[f"evenements-rencontre-essai-2025@{HOST}"]["DTSTART"].dt
    assert summer == datetime.date(2025, 7, 1)


def test_all_day_events_end_the_day_after_their_last_day(fixture_site):
    salon = events(fixture_site / "evenements" / "agenda.ics")[f"evenements-salon-essai-2025@{HOST}"]
    assert salon["DTSTART"].dt == datetime.date(2025, 11, 18)
    assert salon["DTEND"].dt == datetime.date(2025, 11, 21)


def test_each_event_page_offers_its_own_calendar_file(fixture_site):
    for page in (fixture_site / "evenements").iterdir():
        if not (page / "index.html").exists():
            continue
        single = events(page / "evenement.ics")
        assert len(single) == 1
        assert 'href="/evenements/%s/evenement.ics"' % page.name in (page / "index.html").read_text()
