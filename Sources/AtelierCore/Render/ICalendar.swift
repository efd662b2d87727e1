import Foundation

/// Events as iCalendar (RFC 5545): a kind's agenda, or one event for « Ajouter à mon agenda ».
/// Timed events carry the site's time zone (TZID with its VTIMEZONE); all-day events are plain dates.
struct ICalendar {
    static let agendaFile = "agenda.ics"
    static let eventFile = "evenement.ics"

    let site: SiteConfig

    /// What a subscription to a kind's agenda holds: every event to come or under way on `day`, and the `past` that
    /// ended last, by start. Calendars fetch it again and again: it must not grow with years of past events, which
    /// keep their own files and pages.
    static func subscribed(_ events: [Resource], on day: LocalDate, past: Int) -> [Resource] {
        let ended = events.filter { !$0.isUpcoming(on: day) }.sorted { ($0.startTime!, $0.url) > ($1.startTime!, $1.url) }
        return (events.filter { $0.isUpcoming(on: day) } + ended.prefix(past)).sorted { ($0.startTime!, $0.url) < ($1.startTime!, $1.url) }
    }

    func calendar(_ events: [Resource], name: String) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Atelier//\(escape(site.title))//FR",
                     "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:\(escape(name))",
                     "X-WR-TIMEZONE:\(site.timeZone.identifier)"]
        let timedYears = Set(events.flatMap { [$0.startTime, $0.endTime].compactMap { $0 } }.filter { !$0.isAllDay }.map(\.day.year))
        if !timedYears.isEmpty { lines += timeZone(years: timedYears) }
        for event in events { lines += vevent(event) }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    private func vevent(_ event: Resource) -> [String] {
        guard let start = event.startTime else { return [] }
        let host = URL(string: site.baseURL)?.host ?? "atelier"
        var lines = ["BEGIN:VEVENT", "UID:\(event.kind)-\(event.slug)@\(host)",
                     "DTSTAMP:\(compact(event.platformDay ?? start.day))T000000Z", "DTSTART\(value(start))"]
        if let end = event.endTime {
            // An all-day DTEND is exclusive: the event ends the day after its last day.
            lines.append("DTEND\(end.isAllDay ? ";VALUE=DATE:\(compact(end.day.adding(days: 1)))" : value(end))")
        } else if start.isAllDay {
            lines.append("DTEND;VALUE=DATE:\(compact(start.day.adding(days: 1)))")
        }
        lines.append("SUMMARY:\(escape(event.title))")
        var description = event.summary
        if let organiser = event.organiser { description += "\nOrganisation : \(organiser)" }
        lines.append("DESCRIPTION:\(escape(description))")
        if let place = event.place { lines.append("LOCATION:\(escape(place))") }
        lines.append("URL:\(site.absoluteURL(event.url))")
        lines.append("END:VEVENT")
        return lines
    }

    /// `;VALUE=DATE:20251118` or `;TZID=Europe/Paris:20251113T120000` (wall time in the site's zone).
    private func value(_ time: EventTime) -> String {
        guard !time.isAllDay else { return ";VALUE=DATE:\(compact(time.day))" }
        return ";TZID=\(site.timeZone.identifier):\(wallTime(time.instant))"
    }

    private func wallTime(_ instant: Date) -> String {
        localWall(instant, offset: site.timeZone.secondsFromGMT(for: instant))
    }

    /// The zone's real transitions, as explicit observances, in the years that have timed events (and the years
    /// around them): a file stays small however far apart its events are.
    private func timeZone(years: Set<Int>) -> [String] {
        let zone = site.timeZone
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        var observances = 0
        let covered = Set(years.flatMap { [$0 - 1, $0, $0 + 1] }).filter { $0 >= 1 }.sorted()
        var runs: [ClosedRange<Int>] = []
        for year in covered {
            if let last = runs.last, last.upperBound + 1 == year { runs[runs.count - 1] = last.lowerBound...year } else { runs.append(year...year) }
        }
        for run in runs { lines += observancesOf(zone, from: run.lowerBound, to: run.upperBound, count: &observances) }
        if observances == 0 {
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(LocalDate(year: covered[0], month: 1, day: 1)!.dayNumber * 86_400)))
            lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:\(Self.offset(offset))",
                      "TZOFFSETTO:\(Self.offset(offset))", "END:STANDARD"]
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    private func observancesOf(_ zone: TimeZone, from firstYear: Int, to lastYear: Int, count observances: inout Int) -> [String] {
        let start = Date(timeIntervalSince1970: TimeInterval(LocalDate(year: firstYear, month: 1, day: 1)!.dayNumber * 86_400))
        let end = Date(timeIntervalSince1970: TimeInterval(LocalDate(year: lastYear, month: 12, day: 31)!.dayNumber * 86_400))
        var lines: [String] = []
        var moment = start
        var offset = zone.secondsFromGMT(for: start)
        while let transition = zone.nextDaylightSavingTimeTransition(after: moment), transition < end {
            let newOffset = zone.secondsFromGMT(for: transition)
            let kind = zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
            // DTSTART is the onset in the wall time that was in force until then.
            lines += ["BEGIN:\(kind)", "DTSTART:\(localWall(transition, offset: offset))",
                      "TZOFFSETFROM:\(Self.offset(offset))", "TZOFFSETTO:\(Self.offset(newOffset))",
                      "TZNAME:\(zone.abbreviation(for: transition) ?? zone.identifier)", "END:\(kind)"]
            offset = newOffset
            moment = transition
            observances += 1
        }
        return lines
    }

    private func localWall(_ instant: Date, offset: Int) -> String {
        let local = Int(instant.timeIntervalSince1970) + offset
        let day = LocalDate(dayNumber: Int((Double(local) / 86_400).rounded(.down)))
        let seconds = local - day.dayNumber * 86_400
        return String(format: "%@T%02d%02d%02d", compact(day), seconds / 3600, seconds % 3600 / 60, seconds % 60)
    }

    private static func offset(_ seconds: Int) -> String {
        String(format: "%@%02d%02d", seconds < 0 ? "-" : "+", abs(seconds) / 3600, abs(seconds) % 3600 / 60)
    }

    private func compact(_ day: LocalDate) -> String {
        String(format: "%04d%02d%02d", day.year, day.month, day.day)
    }

    /// TEXT values escape backslashes, semicolons, commas and line breaks (any of them, CRLF counting as one: a raw
    /// one would start a new property); other control characters are not allowed in TEXT and are dropped.
    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case _ where character.isNewline: result += "\\n"
            case _ where character.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }: continue
            default: result.append(character)
            }
        }
        return result
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character.
    private func fold(_ line: String) -> String {
        var result = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.unicodeScalars.append(scalar)
            octets += size
        }
        return result
    }
}
