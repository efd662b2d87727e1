/// What a field of a kind does for an event, declared in site.yml (`role: debut`): the code asks the kind which field
/// plays a role, and never names a field.
public enum EventRole: String, Sendable, CaseIterable {
    /// Makes the kind an agenda: its list, its calendar and each event's « Ajouter à mon agenda ».
    case start = "debut"
    /// Read with the start as one span (« du 18 au 20 novembre »).
    case end = "fin"
    case place = "lieu"
    case organiser = "organisateur"
    /// Where one registers: the offer of the event's schema.org description.
    case registration = "inscription"

    /// The one type of field that can play the role.
    public var fieldType: FieldSpec.FieldType {
        switch self {
        case .start, .end: .dateTime
        case .place, .organiser: .text
        case .registration: .url
        }
    }

    /// Where a resource keeps the value of the field that plays the role (`Resource.fields`), so that it answers for
    /// its start or its place by itself, read from its file or from the cache. A YAML key written plainly cannot start
    /// with « @ »: no field's name is taken.
    var key: String { "@" + rawValue }
}
