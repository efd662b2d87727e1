/// Each resource's card with the fingerprint of what it shows, made once for the lists that show it: every card at
/// once, on every core, when most lists are worked out; otherwise each card as a list asks for it.
struct CardShelf: Sendable {
    private let shelved: [ObjectIdentifier: Printed<Card>]
    private let make: @Sendable (Entry) -> Card

    init(_ entries: [Entry], make: @escaping @Sendable (Entry) -> Card) {
        self.make = make
        let cards = ParallelMap.map(entries) { (entry: ObjectIdentifier($0), card: Self.shelve(make($0))) }
        shelved = Dictionary(cards.map { ($0.entry, $0.card) }, uniquingKeysWith: { first, _ in first })
    }

    func card(_ entry: Entry) -> Printed<Card> { shelved[ObjectIdentifier(entry)] ?? Self.shelve(make(entry)) }

    private static func shelve(_ card: Card) -> Printed<Card> { Printed(card, template: SharedParts.cardTemplate) }
}
