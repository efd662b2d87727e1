/// Dates as a French reader expects them: « 20 novembre 2025 », « jeudi 20 novembre 2025 à 13 h ».
public enum FrenchDates {
    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                         "août", "septembre", "octobre", "novembre", "décembre"]
    static let weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

    /// « 1er juillet 2025 », « 20 novembre 2025 ».
    public static func long(_ date: LocalDate) -> String {
        "\(dayNumber(date)) \(months[date.month - 1]) \(date.year)"
    }

    /// « 20 novembre 2025 », « novembre 2020 » or « 2020 »: no more than the source gives.
    public static func long(_ date: LocalDate, _ precision: DatePrecision) -> String {
        switch precision {
        case .day: return long(date)
        case .month: return "\(months[date.month - 1]) \(date.year)"
        case .year: return String(date.year)
        }
    }

    /// « jeudi 20 novembre 2025 ».
    public static func withWeekday(_ date: LocalDate) -> String {
        "\(weekdays[date.weekday - 1]) \(long(date))"
    }

    /// « 13 h », « 12 h 30 ».
    public static func clock(minutes: Int) -> String {
        let m = minutes % 60
        return m == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(m < 10 ? "0" : "")\(m)"
    }

    /// « jeudi 20 novembre 2025 à 13 h », or the day alone for all-day events.
    public static func moment(_ time: EventTime) -> String {
        guard let minutes = time.minutes else { return withWeekday(time.day) }
        return "\(withWeekday(time.day)) à \(clock(minutes: minutes))"
    }

    /// An event's span: « jeudi 13 novembre 2025 de 12 h à 13 h », « du mardi 18 au jeudi 20 novembre 2025 ».
    public static func span(from start: EventTime, to end: EventTime?) -> String {
        guard let end, end != start else { return moment(start) }
        if start.day == end.day, let a = start.minutes, let b = end.minutes {
            return "\(withWeekday(start.day)) de \(clock(minutes: a)) à \(clock(minutes: b))"
        }
        if start.isAllDay, end.isAllDay {
            let sameMonth = start.day.year == end.day.year && start.day.month == end.day.month
            let first = sameMonth ? "\(weekdays[start.day.weekday - 1]) \(dayNumber(start.day))" : withWeekday(start.day)
            return "du \(first) au \(withWeekday(end.day))"
        }
        return "du \(moment(start)) au \(moment(end))"
    }

    private static func dayNumber(_ date: LocalDate) -> String {
        date.day == 1 ? "1er" : "\(date.day)"
    }
}
