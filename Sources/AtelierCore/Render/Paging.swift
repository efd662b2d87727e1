/// A long list split into pages: `/fiches/`, `/fiches/page/2/`… Each page links to the first and the last, and to
/// two pages on each side of itself: neither the pages nor their links grow with the corpus.
struct Paging<Item: Sendable>: Sendable {
    let items: [Item]
    let size: Int
    /// The first page's URL, ending with `/`.
    let base: String

    var count: Int { max(1, (items.count + size - 1) / size) }

    func url(_ number: Int) -> String { number == 1 ? base : "\(base)page/\(number)/" }

    func items(on number: Int) -> ArraySlice<Item> { items.dropFirst((number - 1) * size).prefix(size) }

    /// Nil when everything fits on one page.
    func pagination(on number: Int) -> Pagination? {
        guard count > 1 else { return nil }
        return Pagination(pages: window(around: number).map { shown in
                              shown.map { PageNumber(number: $0, url: url($0), isCurrent: $0 == number, isGap: false) }
                                  ?? PageNumber(number: 0, url: "", isCurrent: false, isGap: true)
                          },
                          previousURL: number > 1 ? url(number - 1) : nil, nextURL: number < count ? url(number + 1) : nil,
                          label: "Page \(number) sur \(count)")
    }

    /// Page numbers to link, nil standing for a gap: 1 … 4 5 6 7 8 … 40.
    private func window(around number: Int) -> [Int?] {
        guard count > 9 else { return Array(1...count) }
        let low = max(2, min(number - 2, count - 5)), high = min(count - 1, max(number + 2, 6))
        return [1] + (low > 2 ? [nil] : []) + Array(low...high) + (high < count - 1 ? [nil] : []) + [count]
    }

    /// A page's title: the list's own on the first page, « …, page 3 » after.
    func title(_ base: String, on number: Int) -> String { number == 1 ? base : "\(base), page \(number)" }
}

/// A list of entries in pages, and how to make the view of any one page: each page is made (and keyed) on its own.
struct PagedList<View: Encodable & Sendable>: Sendable {
    let paging: Paging<Entry>
    /// The template its pages are rendered with.
    let template: String
    let view: @Sendable (Int) -> View

    var numbers: ClosedRange<Int> { 1...paging.count }
}
