import Foundation

/// How the cache writes what reading a content file gave (`ReadFile`), and reads it back. A text is kept as its
/// file and first line: it is read again from the file if its page must be rendered again.
extension BinaryWriter {
    mutating func readFile(_ file: ReadFile) {
        array(file.log.items) { $0.diagnostic($1) }
        optional(file.resource) { $0.resource($1) }
        optional(file.page) { $0.page($1) }
        optional(file.editorial) { $0.editorial($1) }
        optional(file.rejected) { $0.source($1) }
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        location(diagnostic.location)
        bool(diagnostic.severity == .error)
        string(diagnostic.code.rawValue)
        string(diagnostic.message)
        optional(diagnostic.hint) { $0.string($1) }
    }

    mutating func location(_ location: SourceLocation) {
        string(location.file)
        int(location.line)
        int(location.column)
    }

    mutating func source(_ source: MarkdownSource) {
        string(source.file)
        int(source.firstLine)
    }

    mutating func date(_ date: LocalDate) { int(date.dayNumber) }

    mutating func resource(_ r: Resource) {
        string(r.source); string(r.kind); string(r.slug); string(r.title)
        optional(r.date) { $0.date($1) }; int(r.datePrecision.rawValue); optional(r.onlineSince) { $0.date($1) }
        string(r.summary)
        strings(r.tags)
        array(r.boussole.sorted { $0.key < $1.key }) { $0.string($1.key); $0.strings($1.value) }
        strings(r.partners)
        array(r.links) { $0.link($1) }
        bool(r.draft)
        strings(r.aliases)
        optional(r.expiration) { $0.date($1) }
        array(r.fields.sorted { $0.key < $1.key }) { writer, field in
            writer.string(field.key)
            switch field.value {
            case let .text(text): writer.int(0); writer.string(text)
            case let .date(date): writer.int(1); writer.date(date)
            case let .dateTime(time):
                writer.int(2); writer.date(time.day); writer.optional(time.minutes) { $0.int($1) }; writer.int(time.utcOffset)
            case let .url(url): writer.int(3); writer.string(url)
            case let .list(items): writer.int(4); writer.strings(items)
            case let .steps(steps): writer.int(5); writer.array(steps) { $0.step($1) }
            case let .selections(selections):
                writer.int(6)
                writer.array(selections) { writer, selection in
                    writer.string(selection.label)
                    writer.array(selection.steps) { $0.int($1) }
                }
            }
        }
        source(r.body)
    }

    mutating func step(_ step: Step) {
        string(step.title)
        string(step.text)
        array(step.resources) { $0.reference($1) }
        array(step.links) { $0.link($1) }
    }

    mutating func reference(_ reference: ResourceReference) {
        string(reference.path)
        location(reference.location)
    }

    mutating func link(_ link: ResourceLink) {
        string(link.label); string(link.url); string(link.type.id); string(link.type.label)
    }

    mutating func page(_ p: Page) {
        string(p.source); string(p.slug); string(p.title); string(p.summary)
        optional(p.menu) { $0.int($1) }
        bool(p.draft)
        strings(p.aliases)
        source(p.body)
    }

    mutating func editorial(_ e: Editorial) {
        string(e.source); date(e.thursday); string(e.title); string(e.summary)
        array(e.featured) { $0.reference($1) }
        source(e.body)
    }
}

extension ReadFile {
    /// The file as the cache writes it: two reads with the same bytes gave the same header, diagnostics and kind.
    var encoded: [UInt8] {
        var writer = BinaryWriter()
        writer.readFile(self)
        return writer.bytes
    }
}

extension BinaryReader {
    mutating func readFile(root: URL) throws -> ReadFile {
        var file = ReadFile()
        for diagnostic in try array({ try $0.diagnostic() }) { file.log.append(diagnostic) }
        file.resource = try optional { try $0.resource(root: root) }
        file.page = try optional { try $0.page(root: root) }
        file.editorial = try optional { try $0.editorial(root: root) }
        file.rejected = try optional { try $0.source(root: root) }
        return file
    }

    mutating func diagnostic() throws -> Diagnostic {
        let location = try location()
        let severity: Diagnostic.Severity = try bool() ? .error : .warning
        guard let code = DiagnosticCode(rawValue: try string()) else { throw Damaged() }
        return Diagnostic(severity, code, try string(), at: location, hint: try optional { try $0.string() })
    }

    mutating func location() throws -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int())
    }

    mutating func source(root: URL) throws -> MarkdownSource {
        MarkdownSource(file: try string(), firstLine: try int(), root: root)
    }

    mutating func date() throws -> LocalDate { LocalDate(dayNumber: try int()) }

    mutating func resource(root: URL) throws -> Resource {
        let source = try string(), kind = try string(), slug = try string(), title = try string(), date = try optional { try $0.date() }
        guard let datePrecision = DatePrecision(rawValue: try int()) else { throw Damaged() }
        let onlineSince = try optional { try $0.date() }
        let summary = try string(), tags = try strings()
        var boussole: [String: [String]] = [:]
        for (axis, values) in try array({ (try $0.string(), try $0.strings()) }) { boussole[axis] = values }
        let partners = try strings()
        let links = try array { try $0.link() }
        let draft = try bool(), aliases = try strings(), expiration = try optional { try $0.date() }
        var fields: [String: FieldValue] = [:]
        for (name, value) in try array({ reader -> (String, FieldValue) in
            let name = try reader.string()
            switch try reader.int() {
            case 0: return (name, .text(try reader.string()))
            case 1: return (name, .date(try reader.date()))
            case 2: return (name, .dateTime(EventTime(day: try reader.date(), minutes: try reader.optional { try $0.int() }, utcOffset: try reader.int())))
            case 3: return (name, .url(try reader.string()))
            case 4: return (name, .list(try reader.strings()))
            case 5: return (name, .steps(try reader.array { try $0.step() }))
            case 6:
                return (name, .selections(try reader.array { reader in
                    StepSelection(label: try reader.string(), steps: try reader.array { try $0.int() })
                }))
            default: throw Damaged()
            }
        }) { fields[name] = value }
        return Resource(source: source, kind: kind, slug: slug, title: title, date: date, datePrecision: datePrecision,
                        onlineSince: onlineSince, summary: summary, tags: tags,
                        boussole: boussole, partners: partners, links: links, draft: draft, aliases: aliases,
                        expiration: expiration, fields: fields, body: try self.source(root: root))
    }

    mutating func step() throws -> Step {
        Step(title: try string(), text: try string(), resources: try array { try $0.reference() }, links: try array { try $0.link() })
    }

    mutating func reference() throws -> ResourceReference {
        ResourceReference(path: try string(), location: try location())
    }

    mutating func link() throws -> ResourceLink {
        ResourceLink(label: try string(), url: try string(), type: LinkType(id: try string(), label: try string()))
    }

    mutating func page(root: URL) throws -> Page {
        Page(source: try string(), slug: try string(), title: try string(), summary: try string(), menu: try optional { try $0.int() },
             draft: try bool(), aliases: try strings(), body: try source(root: root))
    }

    mutating func editorial(root: URL) throws -> Editorial {
        Editorial(source: try string(), thursday: try date(), title: try string(), summary: try string(),
                  featured: try array { try $0.reference() }, body: try source(root: root))
    }
}
