import Foundation
import Testing
@testable import AtelierCore

@Suite struct DateTests {
    let paris = TimeZone(identifier: "Europe/Paris")!

    @Test func isoDatesAreParsedStrictly() {
        #expect(LocalDate(iso: "2025-11-20") == LocalDate(year: 2025, month: 11, day: 20))
        #expect(LocalDate(iso: "2024-02-29") != nil)
        #expect(LocalDate(iso: "2025-02-29") == nil)
        #expect(LocalDate(iso: "2025-13-01") == nil)
        #expect(LocalDate(iso: "2025-11-31") == nil)
        #expect(LocalDate(iso: "20/11/2025") == nil)
        #expect(LocalDate(iso: "2025-1-5") == nil)
    }

    @Test func aDateMayBeAMonthOrAYearWhenTheSourceGivesNoMore() throws {
        let month = try #require(LocalDate.period(iso: "2020-11"))
        #expect(month.first == LocalDate(iso: "2020-11-01") && month.precision == .month)
        let year = try #require(LocalDate.period(iso: "2020"))
        #expect(year.first == LocalDate(iso: "2020-01-01") && year.precision == .year)
        #expect(LocalDate.period(iso: "2020-11-12")?.precision == .day)
        for wrong in ["2020-13", "2020-1", "20", "0000", "2020-11-31", "2020-", "-11", "２０２０"] {
            #expect(LocalDate.period(iso: wrong) == nil, "\(wrong)")
        }
        #expect((month.first.iso(.month), year.first.iso(.year), month.first.iso(.day)) == ("2020-11", "2020", "2020-11-01"))
        #expect(FrenchDates.long(month.first, .month) == "novembre 2020")
        #expect(FrenchDates.long(year.first, .year) == "2020")
        #expect(FrenchDates.long(LocalDate(iso: "2025-07-01")!, .day) == "1er juillet 2025")
    }

    @Test func dayArithmeticAndWeekdays() {
        let thursday = LocalDate(iso: "2025-11-20")!
        #expect(thursday.weekday == 4)
        #expect(LocalDate(iso: "2020-03-02")!.weekday == 1)
        #expect(thursday.adding(days: 7) == LocalDate(iso: "2025-11-27"))
        #expect(thursday.adding(days: 12) == LocalDate(iso: "2025-12-02"))
        #expect(LocalDate(iso: "2024-03-01")!.adding(days: -1) == LocalDate(iso: "2024-02-29"))
        #expect(LocalDate(dayNumber: thursday.dayNumber) == thursday)
        #expect(LocalDate(iso: "1970-01-01")!.dayNumber == 0)
    }

    @Test func localTimesTakeTheSiteTimeZoneOffsetOfThatDay() throws {
        let winter = try #require(EventTime(parsing: "2025-11-13 12:00", timeZone: paris))
        #expect(winter.utcOffset == 3600)
        #expect(winter.minutes == 720)
        #expect(ISO8601DateFormatter().string(from: winter.instant) == "2025-11-13T11:00:00Z")
        let summer = try #require(EventTime(parsing: "2025-07-01T09:30", timeZone: paris))
        #expect(summer.utcOffset == 7200)
        let explicit = try #require(EventTime(parsing: "2025-11-13T12:00:00+00:00", timeZone: paris))
        #expect(explicit.utcOffset == 0)
        #expect(EventTime(parsing: "2025-11-13T12:00:00Z", timeZone: paris)?.utcOffset == 0)
        let allDay = try #require(EventTime(parsing: "2025-11-18", timeZone: paris))
        #expect(allDay.isAllDay)
    }

    @Test(arguments: ["2025-11-13 25:00", "2025-11-13 12h", "2025-11-31 10:00", "2025-11-13T12:00+99:00", "demain"])
    func impossibleTimesAreRejected(text: String) {
        #expect(EventTime(parsing: text, timeZone: paris) == nil)
    }

    @Test func frenchFormatting() throws {
        #expect(FrenchDates.long(LocalDate(iso: "2025-11-20")!) == "20 novembre 2025")
        #expect(FrenchDates.long(LocalDate(iso: "2025-07-01")!) == "1er juillet 2025")
        #expect(FrenchDates.withWeekday(LocalDate(iso: "2025-11-20")!) == "jeudi 20 novembre 2025")
        let start = try #require(EventTime(parsing: "2025-11-20 13:00", timeZone: paris))
        #expect(FrenchDates.moment(start) == "jeudi 20 novembre 2025 à 13 h")
        let end = try #require(EventTime(parsing: "2025-11-20 14:30", timeZone: paris))
        #expect(FrenchDates.span(from: start, to: end) == "jeudi 20 novembre 2025 de 13 h à 14 h 30")
        let salon = try #require(EventTime(parsing: "2025-11-18", timeZone: paris))
        let salonEnd = try #require(EventTime(parsing: "2025-11-20", timeZone: paris))
        #expect(FrenchDates.span(from: salon, to: salonEnd) == "du mardi 18 au jeudi 20 novembre 2025")
        #expect(FrenchDates.clock(minutes: 9 * 60 + 5) == "9 h 05")
    }
}
