import Foundation

/// What `atelier build` is asked to do.
public struct BuildOptions: Sendable {
    public var root: URL
    public var output: URL
    /// How messages name the output folder: as the editor wrote it.
    public var outputLabel: String
    /// "Today" for the build; nil means `SOURCE_DATE_EPOCH`, else the clock, in the site's time zone.
    public var date: LocalDate?
    public var includeDrafts: Bool
    public var strict: Bool
    /// False to check content and templates only, without rendering or writing anything.
    public var write: Bool
    /// Take over an output folder holding files that Atelier did not write.
    public var force: Bool

    /// Atelier's own working files, beside content/.
    public var cache: URL { root.appendingPathComponent(".atelier/cache") }

    public init(root: URL, output: URL? = nil, outputLabel: String? = nil, date: LocalDate? = nil,
                includeDrafts: Bool = false, strict: Bool = false, write: Bool = true, force: Bool = false) {
        self.root = root
        self.output = output ?? root.appendingPathComponent("public")
        self.outputLabel = outputLabel ?? output?.path ?? "public"
        self.force = force
        self.date = date
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.write = write
    }
}

public struct BuildReport: Sendable {
    public let diagnostics: [Diagnostic]
    /// Nil when the build failed and nothing was written.
    public let model: SiteModel?
    public let filesWritten: Int
    public let pagesWritten: Int
    /// How long each step took, in order.
    public let timings: [StepTiming]

    public var succeeded: Bool { model != nil }
}

public struct StepTiming: Sendable {
    public let step: String
    public let seconds: Double
}

/// The build, top to bottom: configuration and content → checks → model → pages → output.
public enum Build {
    public static func run(_ options: BuildOptions) -> BuildReport {
        var log = DiagnosticLog()
        var clock = StepClock()
        let folder = OutputFolder(options.output)
        if options.write {
            let refusals = OutputGuard(root: options.root, label: options.outputLabel, force: options.force, cache: options.cache)
                .check(folder)
            guard refusals.isEmpty else {
                return BuildReport(diagnostics: refusals, model: nil, filesWritten: 0, pagesWritten: 0, timings: [])
            }
        }
        let content = ContentLoader.load(root: options.root, log: &log)
        let templates = TemplateSet.load(root: options.root, log: &log)
        clock.lap("lecture")
        guard let content else { return failed(log, clock) }

        // The model is built even when the templates have mistakes: its checks report the content's own.
        let today = options.date ?? defaultDate(environment: ProcessInfo.processInfo.environment, timeZone: content.site.timeZone)
        let model = SiteModelBuilder(content: content, buildDate: today, includeDrafts: options.includeDrafts,
                                     templateAnchors: templates?.staticIDs ?? [])
            .build(log: &log)
        clock.lap("modèle")
        let blocking = { log.hasErrors || (options.strict && !log.items.isEmpty) }

        // Pages are written only when the build can succeed; the texts are checked in any case.
        var writer: OutputWriter?
        if options.write, !blocking(), let templates {
            do {
                writer = try OutputWriter(folder: folder)
            } catch {
                log.error("\(error)", at: .option(options.outputLabel))
                return failed(log, clock)
            }
        }
        let renderer = templates.map { SiteRenderer(model: model, templates: $0, root: options.root) }
        let facts = writer.flatMap { writer in renderer.map { $0.renderResources(into: writer) } } ?? TextFacts.of(model)
        log.append(contentsOf: TextFacts.diagnostics(facts, model: model))
        guard !blocking() else { return failed(log, clock) }
        guard let writer, let renderer else {
            return BuildReport(diagnostics: log.sorted, model: model, filesWritten: 0, pagesWritten: 0, timings: clock.laps)
        }
        renderer.renderSite(into: writer)
        clock.lap("rendu")
        do {
            try writer.commit()
        } catch {
            log.error("\(error)", at: .option(options.outputLabel))
            return failed(log, clock)
        }
        clock.lap("écriture")
        return BuildReport(diagnostics: log.sorted, model: model, filesWritten: writer.filesWritten,
                           pagesWritten: writer.pagesWritten, timings: clock.laps)
    }

    private static func failed(_ log: DiagnosticLog, _ clock: StepClock) -> BuildReport {
        BuildReport(diagnostics: log.sorted, model: nil, filesWritten: 0, pagesWritten: 0, timings: clock.laps)
    }

    public static func defaultDate(environment: [String: String], timeZone: TimeZone) -> LocalDate {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            return LocalDate(Date(timeIntervalSince1970: epoch), in: timeZone)
        }
        return LocalDate(Date(), in: timeZone)
    }
}

/// Times the steps of a build, one lap per step.
private struct StepClock {
    private var last = Date()
    private(set) var laps: [StepTiming] = []

    mutating func lap(_ step: String) {
        let now = Date()
        laps.append(StepTiming(step: step, seconds: now.timeIntervalSince(last)))
        last = now
    }
}
