"""The agenda exported as iCalendar, read back by a real iCalendar library."""
import datetime
import zoneinfo

from icalendar import Calendar

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
HOST = "innovationterritoriale.plateformecapitalisation.org"  # base_url of content/site.yml


def events(path):
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_agenda_holds_every_event_with_unique_identifiers(corpus_site):
    agenda = events(corpus_site / "evenements" / "agenda.ics")
    pages = [p for p in (corpus_site / "evenements").iterdir() if (p / "index.html").exists()]
    assert len(agenda) == len(pages) == 20
    for event in agenda.values():
        assert event.get("SUMMARY") and event.get("URL") and event.get("DTSTAMP")
        assert str(event["URL"]).startswith(f"https://{HOST}/evenements/")


def test_timed_events_carry_the_paris_time_zone(corpus_site):
    agenda = events(corpus_site / "evenements" / "agenda.ics")
    webinar = agenda[f"evenements-webinaire-economies-et-territoires-2025@{HOST}"]
    start = webinar["DTSTART"].dt
    assert start.tzinfo is not None
    assert start == datetime.datetime(2025, 11, 20, 13, 0, tzinfo=PARIS)
    assert start.astimezone(datetime.timezone.utc).hour == 12
    assert str(webinar["LOCATION"]) == "En ligne"
    summer = agenda[f"evenements-rencontre-pionniers-alliances-territoire-2025@{HOST}"]["DTSTART"].dt
    assert summer == datetime.date(2025, 7, 1)


def test_all_day_events_end_the_day_after_their_last_day(corpus_site):
    salon = events(corpus_site / "evenements" / "agenda.ics")[f"evenements-salon-des-maires-2025@{HOST}"]
    assert salon["DTSTART"].dt == datetime.date(2025, 11, 18)
    assert salon["DTEND"].dt == datetime.date(2025, 11, 21)


def test_each_event_page_offers_its_own_calendar_file(corpus_site):
    for page in (corpus_site / "evenements").iterdir():
        if not (page / "index.html").exists():
            continue
        single = events(page / "evenement.ics")
        assert len(single) == 1
        assert 'href="/evenements/%s/evenement.ics"' % page.name in (page / "index.html").read_text()
