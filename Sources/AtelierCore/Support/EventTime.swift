import Foundation

/// When an event starts or ends: a day, and an hour unless the event lasts the whole day.
/// Editors write local time (`2025-11-13 12:00`); an explicit offset (`+01:00`, `Z`) is accepted too.
public struct EventTime: Sendable, Hashable, Comparable {
    public let day: LocalDate
    /// Minutes after midnight, local time; nil for an all-day date.
    public let minutes: Int?
    /// Offset from UTC in seconds at that moment.
    public let utcOffset: Int

    public var isAllDay: Bool { minutes == nil }

    /// The instant, or the start of the day (local) for all-day dates.
    public var instant: Date {
        let seconds = (day.dayNumber * 86_400) + (minutes ?? 0) * 60 - utcOffset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    public static func < (a: EventTime, b: EventTime) -> Bool {
        (a.instant, a.minutes ?? -1) < (b.instant, b.minutes ?? -1)
    }

    public enum Problem: Error {
        case malformed
        /// A local time that the clock skips when it moves forward (`2025-03-30 02:30` in Paris).
        case skippedByClockChange
    }

    public init?(parsing text: String, timeZone: TimeZone) {
        guard case let .success(time) = EventTime.parse(text, timeZone: timeZone) else { return nil }
        self = time
    }

    /// Parses `AAAA-MM-JJ`, `AAAA-MM-JJ HH:MM` or `AAAA-MM-JJTHH:MM[:SS][±HH:MM|Z]`.
    public static func parse(_ text: String, timeZone: TimeZone) -> Result<EventTime, Problem> {
        guard let time = EventTime(text, timeZone: timeZone) else { return .failure(.malformed) }
        let offsetIsWritten = text.trimmingCharacters(in: .whitespaces).dropFirst(10).contains { "Z+-".contains($0) }
        return offsetIsWritten || time.wallTimeExists(in: timeZone) ? .success(time) : .failure(.skippedByClockChange)
    }

    /// In the zone's own time, the instant reads as the day and hour written.
    private func wallTimeExists(in timeZone: TimeZone) -> Bool {
        guard let minutes else { return true }
        let wall = Int(instant.timeIntervalSince1970) + timeZone.secondsFromGMT(for: instant)
        return wall == day.dayNumber * 86_400 + minutes * 60
    }

    /// A time as the cache kept it.
    init(day: LocalDate, minutes: Int?, utcOffset: Int) {
        self.day = day
        self.minutes = minutes
        self.utcOffset = utcOffset
    }

    private init?(_ text: String, timeZone: TimeZone) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 10, let day = LocalDate(iso: String(trimmed.prefix(10))) else { return nil }
        var rest = Substring(trimmed.dropFirst(10))
        guard !rest.isEmpty else {
            self.day = day
            minutes = nil
            utcOffset = timeZone.secondsFromGMT(for: EventTime.noon(of: day))
            return
        }
        guard rest.first == "T" || rest.first == " " else { return nil }
        rest = rest.dropFirst()
        var explicitOffset: Int?
        if rest.hasSuffix("Z") {
            explicitOffset = 0
            rest = rest.dropLast()
        } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let offsetText = rest[rest.index(after: sign)...].split(separator: ":")
            guard offsetText.count == 2, let h = Int(offsetText[0]), let m = Int(offsetText[1]), h <= 14, m < 60 else { return nil }
            explicitOffset = (rest[sign] == "-" ? -1 : 1) * (h * 3600 + m * 60)
            rest = rest[..<sign]
        }
        let clock = rest.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0.count == 2 }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), hour < 24, minute < 60,
              clock.count == 2 || Int(clock[2]).map({ $0 < 60 }) == true else { return nil }
        self.day = day
        minutes = hour * 60 + minute
        if let explicitOffset {
            utcOffset = explicitOffset
        } else {
            let guess = Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + hour * 3600 + minute * 60))
            utcOffset = timeZone.secondsFromGMT(for: guess.addingTimeInterval(-TimeInterval(timeZone.secondsFromGMT(for: guess))))
        }
    }

    private static func noon(of day: LocalDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + 12 * 3600))
    }
}
