import Foundation
import Testing
@testable import AtelierCore

/// A rebuild that reuses the cache must give, byte for byte, what a build from nothing gives, and touch only the
/// files whose bytes change.
@Suite struct IncrementalTests {
    static let fiches = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    static let events = ["atelier", "forum", "salon", "webinaire"]
    static let tags = ["Co-construction", "ODD 17", "Territoires", "Mécénat", "Gouvernance"]
    static let footer = "templates/partials/footer.mustache"

    static func fiche(_ name: String, title: String? = nil, date: String = "2025-11-03", tags: [String] = ["ODD 17"],
                      maturity: String = "accompagner", extra: String = "", body: String? = nil) -> String {
        Fixture.resource(title: title ?? name.capitalized, date: date, tags: "[\(tags.joined(separator: ", "))]",
                         boussole: "{ maturite: \(maturity), profils: [acteurs-publics] }", extra: extra,
                         body: body ?? "## Partie \(name)\n\nLe texte de \(name).\n")
    }

    /// A path whose steps name fiches: each resource it names links back to it.
    static func parcours(title: String = "Chemin", steps: [[String]], short: [Int] = [1]) -> String {
        let lines = steps.enumerated().map { index, fiches in
            "  - titre: \"Étape \(index + 1)\"\n    texte: \"Lire.\"\n    ressources: [\(fiches.map { "fiches/" + $0 }.joined(separator: ", "))]"
        }
        return Fixture.resource(title: title, date: "2025-11-04", tags: "[Territoires, Gouvernance]",
                                extra: "etapes:\n" + lines.joined(separator: "\n")
                                    + "\ndurees:\n  - { label: \"Court\", etapes: [\(short.map(String.init).joined(separator: ", "))] }")
    }

    static var startingFiles: [String: String] {
        var files: [String: String] = [:]
        for (index, name) in fiches.enumerated() {
            let next = fiches[(index + 1) % fiches.count]
            files["content/fiches/\(name).md"] = fiche(name, date: "2025-11-0\(index % 9 + 1)", tags: [tags[index % tags.count], tags[(index + 2) % tags.count]],
                                                       body: "## Partie \(name)\n\nVoir [la suite](\(next).md#partie-\(next)).\n")
        }
        for (index, name) in events.enumerated() {
            files["content/evenements/\(name).md"] = JeudisTests.event(name.capitalized, start: "2025-11-\(15 + index * 4) 10:00")
        }
        files["content/jeudis/2025-11-20.md"] = "---\ntitle: \"Le numéro\"\nsummary: \"Un numéro.\"\na_la_une: [fiches/alpha]\n---\n\nLire [beta](../fiches/beta.md).\n"
        files["content/pages/a-propos.md"] = "---\ntitle: \"À propos\"\nsummary: \"Le site.\"\nmenu: 2\n---\n\nUne page.\n"
        files["content/fiches/annexe.pdf"] = "%PDF-1.4 annexe"
        files["content/parcours/chemin.md"] = parcours(steps: [["alpha", "beta"], ["gamma"]])
        files["content/grille.yml"] = grid(resources: ["evenements/atelier"], tags: ["Co-construction"])
        return files
    }

    static func grid(resources: [String], tags: [String]) -> String {
        """
        title: Grille
        axes:
          - label: Gestion
            situations:
              - label: Financer
                pratiques:
                  - label: Financer les projets
                    ressources: [\(resources.joined(separator: ", "))]
                    tags: [\(tags.joined(separator: ", "))]
        """
    }

    /// The options the project is built with, which some steps change too.
    struct Options: Equatable {
        var date = LocalDate(iso: "2025-11-20")!
        var drafts = false
    }

    @Test(arguments: [17, 29, 43] as [UInt64])
    func aRebuildAfterAnyChangeEqualsABuildFromNothing(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        let site = try Fixture(files: Self.startingFiles)
        defer { site.remove() }
        var options = Options()
        var live = try build(site, options, cold: false)
        #expect(live.report.succeeded, "\(live.report.diagnostics)")
        for number in 1...40 {
            let saved = Fixture.tree(site.root.appendingPathComponent("content"))
            let footer = try String(contentsOf: site.root.appendingPathComponent(Self.footer), encoding: .utf8)
            let savedOptions = options
            let step = randomStep(&random, site: site, options: &options)
            let rebuilt = try build(site, options, cold: false)
            let cold = try build(site, options, cold: true)
            let context = "seed \(seed), step \(number): \(step)"
            #expect(rebuilt.report.succeeded == cold.report.succeeded, "\(context)")
            #expect(rebuilt.report.diagnostics.map(\.description) == cold.report.diagnostics.map(\.description), "\(context)")
            guard cold.report.succeeded else {
                // A failed build leaves the site as it was; the change is then undone.
                #expect(rebuilt.files == live.files, "\(context)")
                try restore(site, saved)
                try site.write(Self.footer, footer)
                options = savedOptions
                continue
            }
            #expect(rebuilt.files.keys.sorted() == cold.files.keys.sorted(), "\(context)")
            let differing = rebuilt.files.keys.filter { rebuilt.files[$0]?.bytes != cold.files[$0]?.bytes }
            #expect(differing.isEmpty, "\(context): \(differing.sorted().prefix(5))")
            // Files whose bytes did not change kept their modification time; the report counts the others.
            let files = rebuilt.files.filter { $0.key != OutputMarker.fileName }
            let kept = files.filter { live.files[$0.key]?.bytes == $0.value.bytes }
            let touched = kept.filter { live.files[$0.key]?.modified != $0.value.modified }.keys
            #expect(touched.isEmpty, "\(context): \(touched.sorted().prefix(5))")
            #expect(rebuilt.report.filesChanged == files.count - kept.count, "\(context)")
            live = rebuilt
        }
    }

    @Test func anEditToOneTextRemakesOnlyWhatItReaches() throws {
        let site = try Fixture(files: Self.startingFiles)
        defer { site.remove() }
        let first = site.build()
        #expect(first.succeeded && first.filesCarried == 0)
        try site.write("content/fiches/gamma.md", Self.fiche("gamma", date: "2025-11-03", tags: ["Territoires", "Gouvernance"],
                                                             body: "## Partie gamma\n\nUn mot nouveau : hélianthe.\n"))
        let second = site.build()
        #expect(second.succeeded, "\(second.diagnostics)")
        // Its page, the feeds that hold its text, the search shards of its words and the search summary, which names
        // them; lists, the boussole's data and the sitemap show only its card, address or date, which did not change.
        #expect(second.filesWritten - second.filesCarried <= 11, "\(second.filesWritten - second.filesCarried) files made")
        #expect(second.filesWritten > 100)
        #expect(site.read("fiches/gamma/index.html")?.contains("hélianthe") == true)

        let third = site.build()
        #expect(third.model == nil && third.succeeded, "nothing changed: nothing to do")
        #expect(third.filesWritten == 0)
    }

    @Test func aBuildAskedNotToStopWhenNothingChangedCarriesEverythingAndGivesItsModel() throws {
        let site = try Fixture(files: Self.startingFiles)
        defer { site.remove() }
        let first = site.build()
        #expect(first.succeeded)
        let stopped = site.build()
        #expect(stopped.succeeded && stopped.model == nil && stopped.filesWritten == 0)
        var options = BuildOptions(root: site.root, date: LocalDate(iso: "2025-11-20")!)
        options.stopIfUnchanged = false
        let report = Build.run(options)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.model?.entries.count == first.model?.entries.count)
        #expect(report.filesChanged == 0 && report.filesCarried > 100, "\(report.filesChanged) changed, \(report.filesCarried) carried")
        #expect(report.editedPages != nil)
    }

    @Test func aPageFollowsWhatItsLinksFindWhenOnlyTheirTargetChanges() throws {
        let target = { (date: String, extra: String) in
            Fixture.resource(title: "Cible", date: date, tags: "[Mécénat]", boussole: "{ maturite: consolider, profils: [academiques] }",
                             extra: extra)
        }
        let site = try Fixture(files: [
            "content/fiches/source.md": Fixture.resource(title: "Source", tags: "[Gouvernance]", body: "Lire [la cible](cible.md)."),
            "content/fiches/cible.md": target("2025-11-01", ""),
        ])
        defer { site.remove() }
        #expect(site.build().succeeded)
        #expect(site.read("fiches/source/index.html")?.contains("href=\"/fiches/cible/\"") == true)
        // A draft, published again, then dated after the build: a link to an unpublished resource keeps its text only.
        for (date, extra, linked) in [("2025-11-01", "draft: true", false), ("2025-11-01", "", true), ("2025-12-01", "", false)] {
            try site.write("content/fiches/cible.md", target(date, extra))
            let report = site.build()
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(site.read("fiches/source/index.html")?.contains("href=\"/fiches/cible/\"") == linked, "\(date) \(extra)")
        }
    }

    @Test func aTemplateOrSettingChangeRemakesEveryPageItReaches() throws {
        let site = try Fixture(files: Self.startingFiles)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let footer = try String(contentsOf: site.root.appendingPathComponent("templates/partials/footer.mustache"), encoding: .utf8)
        try site.write("templates/partials/footer.mustache", footer + "<p>Pied modifié</p>\n")
        let report = site.build()
        #expect(report.succeeded && report.filesCarried < report.filesWritten / 2)
        #expect(site.read("fiches/alpha/index.html")?.contains("Pied modifié") == true)
        #expect(site.read("themes/index.html")?.contains("Pied modifié") == true)
    }

    @Test func aTemplateEditCarriesTheSearchShardsWhichReadNoTemplate() throws {
        let site = try Fixture(files: Self.startingFiles)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let shards = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("recherche/index/t").path)
        #expect(shards.count > 5)
        let footer = try String(contentsOf: site.root.appendingPathComponent(Self.footer), encoding: .utf8)
        try site.write(Self.footer, footer + "<p>Pied modifié</p>\n")
        let report = site.build()
        #expect(report.succeeded)
        // Only the shards and what the site copies as it is are carried; every page is made again.
        #expect(report.filesCarried >= shards.count, "\(report.filesCarried) carried, \(shards.count) shards")
        #expect(report.filesCarried < report.filesWritten / 2)
        let cold = try build(site, Options(), cold: true)
        for shard in shards {
            let path = "recherche/index/t/" + shard
            #expect(try Data(contentsOf: site.output.appendingPathComponent(path)) == cold.files[path]?.bytes, "\(path)")
        }
    }

    @Test func anEditToAPathRemakesThePagesOfTheResourcesItNames() throws {
        let site = try Fixture(files: Self.startingFiles)
        defer { site.remove() }
        #expect(site.build().succeeded)
        #expect(site.read("fiches/gamma/index.html")?.contains("<a href=\"/parcours/chemin/#etape-2\">Chemin</a>") == true)
        let edits = [("title", Self.parcours(title: "Chemin revu", steps: [["alpha", "beta"], ["gamma"]])),
                     ("a resource left out", Self.parcours(title: "Chemin revu", steps: [["alpha", "beta"], ["delta"]])),
                     ("steps moved", Self.parcours(title: "Chemin revu", steps: [["delta"], ["beta", "alpha"]], short: [2])),
                     ("the title of a named resource", nil)]
        for (label, text) in edits {
            if let text {
                try site.write("content/parcours/chemin.md", text)
            } else {
                try site.write("content/fiches/delta.md", Self.fiche("delta", title: "Delta renommée"))
            }
            let rebuilt = try build(site, Options(), cold: false)
            let cold = try build(site, Options(), cold: true)
            #expect(rebuilt.report.succeeded, "\(label): \(rebuilt.report.diagnostics)")
            let differing = rebuilt.files.keys.filter { rebuilt.files[$0]?.bytes != cold.files[$0]?.bytes }
            #expect(differing.isEmpty, "\(label): \(differing.sorted())")
        }
        #expect(site.read("fiches/gamma/index.html")?.contains("parcours-lien") == false)
        #expect(site.read("fiches/alpha/index.html")?.contains("<a href=\"/parcours/chemin/#etape-2\">Chemin revu</a>") == true)
        #expect(site.read("parcours/chemin/index.html")?.contains(">Delta renommée</a>") == true)
    }

    /// Every file of the cache: the state, the bases of the three chains and their first links.
    static let cacheFiles = ["etat.bin", "lectures.bin", "pages.bin", "recherche.bin", "lectures.1.bin", "pages.1.bin", "recherche.1.bin"]

    @Test(arguments: cacheFiles)
    func aDamagedCacheIsSetAsideAndTheBuildStartsAfresh(name: String) throws {
        let site = try Fixture(files: Self.startingFiles)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let folder = site.root.appendingPathComponent(".atelier/cache")
        let file = folder.appendingPathComponent(name)
        // The same part as the first build wrote it: its checksum holds, but the state names another file.
        let first = try Data(contentsOf: folder.appendingPathComponent(name.prefix { $0 != "." } + ".bin"))
        /// The bytes with a new checksum, as if written so: only the checks inside the file can set them aside.
        func resealed(_ contents: Data) -> Data {
            var writer = BinaryWriter()
            writer.fingerprint(Fingerprint.of(contents))
            return contents + Data(writer.bytes)
        }
        let variants: [(String, (Data) -> Data)] = [
            ("tronqué", { $0.prefix($0.count / 2) }),
            ("vide", { _ in Data() }),
            ("octets au hasard", { _ in Data((0..<4_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }) }),
            ("un octet changé", { bytes in
                var flipped = bytes
                flipped[bytes.count / 3] ^= 0x10
                return flipped
            }),
            ("autre version d'Atelier", { bytes in
                var otherVersion = Data(bytes.dropLast(16))
                otherVersion[otherVersion.startIndex + "Atelier cache".utf8.count + 2] &+= 1  // a byte of the tool's identity
                return resealed(otherVersion)
            }),
            ("autre projet", { bytes in
                var otherProject = Data(bytes.dropLast(16))
                if let at = otherProject.range(of: Data("projet".utf8)) { otherProject.replaceSubrange(at, with: Data("projeT".utf8)) }
                return resealed(otherProject)
            }),
            ("d'une construction précédente", { _ in first }),
        ]
        for (label, damage) in variants where label != "autre projet" || name == "etat.bin" {
            // A rebuild after one edit gives each chain its first link over the base the last build wrote.
            try site.write("content/fiches/zeta.md", Self.fiche("zeta", title: "Zeta \(label)"))
            #expect(site.build().succeeded)
            #expect(["lectures", "pages", "recherche"].allSatisfy {
                FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0).1.bin").path)
            }, "\(name) \(label)")
            try damage(try Data(contentsOf: file)).write(to: file)
            try site.write("content/fiches/alpha.md", Self.fiche("alpha", title: "Alpha \(label)", date: "2025-11-01",
                                                                 tags: ["Co-construction", "Territoires"],
                                                                 body: "## Partie alpha\n\nVoir [la suite](beta.md#partie-beta).\n"))
            let report = site.build()
            #expect(report.succeeded, "\(label): \(report.diagnostics)")
            #expect(report.filesCarried == 0, "\(name) \(label): the damaged cache was trusted")
            let rebuilt = try build(site, Options(), cold: false)
            let cold = try build(site, Options(), cold: true)
            #expect(rebuilt.files.mapValues(\.bytes) == cold.files.mapValues(\.bytes), "\(name) \(label)")
            #expect(site.read("fiches/alpha/index.html")?.contains(FrenchTypography.apply("Alpha \(label)")) == true, "\(label)")
        }
    }

    @Test func aRebuildWritesWhatChangedAsOneMoreLinkThenTheBaseWholeAgain() throws {
        let site = try Fixture(files: Self.startingFiles)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let folder = site.root.appendingPathComponent(".atelier/cache")
        func cacheFiles() -> [String: Data] {
            Dictionary(uniqueKeysWithValues: ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).map {
                ($0, FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) ?? Data())
            })
        }
        let bases = cacheFiles()
        let zeta = try #require(Self.startingFiles["content/fiches/zeta.md"])
        for number in 1..<BuildCache.maxLinks {
            try site.write("content/fiches/zeta.md", zeta + "\nRevu \(number) fois.\n")
            let rebuilt = try build(site, Options(), cold: false)
            #expect(rebuilt.report.filesCarried > 0, "\(number): the chain read back")
            #expect(rebuilt.files.mapValues(\.bytes) == (try build(site, Options(), cold: true)).files.mapValues(\.bytes), "\(number)")
            let files = cacheFiles()
            for chain in ["lectures", "pages", "recherche"] {
                #expect(files["\(chain).bin"] == bases["\(chain).bin"], "\(number) \(chain)")
                let link = try #require(files["\(chain).\(number).bin"], "\(number) \(chain)")
                #expect(link.count < bases["\(chain).bin"]!.count / 8, "\(number) \(chain): \(link.count) bytes")
            }
        }
        // One link more than a chain holds: the bases are written again, and the links they replace removed.
        try site.write("content/fiches/zeta.md", zeta + "\nRevu une dernière fois.\n")
        #expect(try build(site, Options(), cold: false).report.filesCarried > 0)
        #expect(cacheFiles().keys.sorted() == [BuildCache.tagName, "etat.bin", "lectures.bin", "pages.bin", "recherche.bin"])
        #expect(cacheFiles()["pages.bin"] != bases["pages.bin"])
        try site.write("content/fiches/zeta.md", zeta + "\nRevu après la base.\n")
        let rebuilt = try build(site, Options(), cold: false)
        #expect(rebuilt.report.filesCarried > 0)
        #expect(rebuilt.files.mapValues(\.bytes) == (try build(site, Options(), cold: true)).files.mapValues(\.bytes))
    }

    @Test func aFileChangedBehindAteliersBackInTheSiteIsMadeAgain() throws {
        let site = try Fixture(files: Self.startingFiles)
        defer { site.remove() }
        #expect(site.build().succeeded)
        // A page, a shard of the search (when no term of its letter changed, it is laid out again for its file alone), a
        // list and the sitemap, which an edit to a text alone carries over without working out their keys.
        let shards = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("recherche/index/t").path)
        for path in ["fiches/beta/index.html", "recherche/index/t/" + (try #require(shards.sorted().first)), "fiches/index.html", "sitemap.xml"] {
            let file = site.output.appendingPathComponent(path)
            try Data("abîmé".utf8).write(to: file)
            try site.write("content/fiches/zeta.md", Self.fiche("zeta", date: "2025-11-06", body: "## Partie zeta\n\nRevu pour \(path).\n"))
            #expect(site.build().succeeded)
            #expect(try Data(contentsOf: file) == build(site, Options(), cold: true).files[path]?.bytes, "\(path)")
            // Even when nothing else changed.
            try Data("abîmé".utf8).write(to: file)
            #expect(site.build().succeeded)
            #expect(try Data(contentsOf: file) == build(site, Options(), cold: true).files[path]?.bytes, "\(path)")
        }
    }

    @Test func aFolderRemovedFromTheSecondFolderOfTheSiteIsMadeAgain() throws {
        let site = try Fixture(files: Self.startingFiles)
        defer { site.remove() }
        #expect(site.build().succeeded)
        try site.write("content/fiches/zeta.md", Self.fiche("zeta", date: "2025-11-06", body: "## Partie zeta\n\nRevu.\n"))
        #expect(site.build().succeeded)  // the twin now holds the first site, and its manifest is in the cache
        let twin = OutputFolder(site.output).twin
        try FileManager.default.removeItem(at: twin.appendingPathComponent("fiches"))
        try site.write("content/fiches/zeta.md", Self.fiche("zeta", date: "2025-11-06", body: "## Partie zeta\n\nRevu encore.\n"))
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(try build(site, Options(), cold: false).files.mapValues(\.bytes) == build(site, Options(), cold: true).files.mapValues(\.bytes))
    }

    @Test func aSecondFolderWhoseFilesTheCacheDoesNotKnowKeepsItsFoldersAndNoneOfItsFiles() throws {
        let site = try Fixture(files: Self.startingFiles)
        defer { site.remove() }
        #expect(site.build().succeeded)
        try site.write("content/fiches/zeta.md", Self.fiche("zeta", date: "2025-11-06", body: "## Partie zeta\n\nRevu.\n"))
        #expect(site.build().succeeded)  // the twin now holds the first site
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".atelier/cache"))
        let twin = OutputFolder(site.output).twin
        let fm = FileManager.default
        // A file changed in place (the live site's too: they are one file), a stray file, a link, an empty folder.
        let alpha = twin.appendingPathComponent("fiches/alpha/index.html")
        let handle = try FileHandle(forWritingTo: alpha)
        try handle.truncate(atOffset: 10)
        try handle.close()
        try "intrus".write(to: twin.appendingPathComponent("fiches/intrus.html"), atomically: false, encoding: .utf8)
        try fm.createSymbolicLink(atPath: twin.appendingPathComponent("lien").path, withDestinationPath: "/etc/hostname")
        try fm.createDirectory(at: twin.appendingPathComponent("vide/dedans"), withIntermediateDirectories: true)
        let folder = { (url: URL) in (try fm.attributesOfItem(atPath: url.path))[.systemFileNumber] as? Int }
        let kept = try folder(twin.appendingPathComponent("fiches/beta"))

        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(try folder(site.output.appendingPathComponent("fiches/beta")) == kept, "the twin's folders are kept, not made again")
        for stray in ["fiches/intrus.html", "lien", "vide"] {
            #expect(!fm.fileExists(atPath: site.output.appendingPathComponent(stray).path), "\(stray)")
        }
        #expect(Fixture.tree(site.output) == Fixture.tree(try coldOutput(site)))
    }

    @Test func aSecondFolderOfHardLinksToTheLiveSiteIsKeptWhenTheCacheKnowsTheLiveSite() throws {
        let site = try Fixture(files: Self.startingFiles)
        defer { site.remove() }
        #expect(site.build().succeeded)
        try site.write("content/fiches/zeta.md", Self.fiche("zeta", title: "Zeta revue", date: "2025-11-06"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".atelier/cache"))
        // Built again without a cache, the site's files are linked from the live ones where their bytes are the same:
        // the second folder, a site the cache does not know, now shares most of its files with the live one.
        #expect(site.build().succeeded)
        let page = site.output.appendingPathComponent("a-propos/index.html").path
        let changed = { () -> timespec in
            var status = stat()
            stat(page, &status)
            return status.st_ctim
        }
        let before = changed()
        try site.write("content/fiches/zeta.md", Self.fiche("zeta", date: "2025-11-06", body: "## Partie zeta\n\nRevu.\n"))
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        // Linking it again (unlink, link) would change its status time.
        let after = changed()
        #expect(after.tv_sec == before.tv_sec && after.tv_nsec == before.tv_nsec, "a file of both folders is kept, not linked again")
        #expect(Fixture.tree(site.output) == Fixture.tree(try coldOutput(site)))
    }

    /// The site built from nothing, in a copy of the project, as its folder tree.
    private func coldOutput(_ site: Fixture) throws -> URL {
        let root = site.root.deletingLastPathComponent().appendingPathComponent("froid-\(UUID().uuidString)")
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(at: site.root.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        #expect(Build.run(BuildOptions(root: root, date: LocalDate(iso: "2025-11-20")!)).succeeded)
        return root.appendingPathComponent("public")
    }

    @Test func theCacheIsNeverWrittenIntoAFolderAtelierDidNotMake() throws {
        let site = try Fixture(files: Self.startingFiles)
        defer { site.remove() }
        try site.write(".atelier/cache/notes.txt", "mes notes")
        let report = site.build()
        #expect(report.succeeded)
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.message.contains("contient des fichiers qu'Atelier n'a pas écrits") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent(".atelier/cache").path) == ["notes.txt"])
    }

    // MARK: Steps

    private func randomStep(_ random: inout SplitMix, site: Fixture, options: inout Options) -> String {
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        let fiche = pick(Self.fiches)
        let other = pick(Self.fiches)
        let path = "content/fiches/\(fiche).md"
        let exists = FileManager.default.fileExists(atPath: site.root.appendingPathComponent(path).path)
        do {
            switch random.next() % 18 {
            case 0:
                try site.write(path, Self.fiche(fiche, title: "\(fiche.capitalized) \(random.next() % 100)"))
                return "title of \(fiche)"
            case 1:
                try site.write(path, Self.fiche(fiche, body: "## Partie \(fiche)\n\nMot \(random.next() % 1000) et [lien](\(other).md#partie-\(other)).\n"))
                return "body of \(fiche), link to \(other)"
            case 2:
                try site.write(path, Self.fiche(fiche, tags: [pick(Self.tags), pick(Self.tags)]))
                return "themes of \(fiche)"
            case 3:
                try site.write(path, Self.fiche(fiche, maturity: pick(["accompagner", "consolider"])))
                return "boussole of \(fiche)"
            case 4:
                try site.write(path, Self.fiche(fiche, date: pick(["2025-10-30", "2025-11-19", "2025-11-21", "2025-11-28", "2025-11", "2025"])))
                return "date of \(fiche)"
            case 5:
                try site.write(path, Self.fiche(fiche, extra: pick(["draft: true", "expiration: 2025-11-22", "aliases: [/ancien/\(fiche)/]"])))
                return "front matter of \(fiche)"
            case 6 where exists:
                try FileManager.default.removeItem(at: site.root.appendingPathComponent(path))
                return "removal of \(fiche)"
            case 7 where exists:
                let renamed = "content/fiches/\(fiche)-\(random.next() % 10).md"
                try FileManager.default.moveItem(at: site.root.appendingPathComponent(path), to: site.root.appendingPathComponent(renamed))
                return "rename of \(fiche)"
            case 8:
                let name = pick(Self.events)
                try site.write("content/evenements/\(name).md",
                               JeudisTests.event(name.capitalized, start: "2025-\(pick(["11-10", "11-21", "11-24", "12-15"])) \(pick(["09:30", "18:00"]))"))
                return "event \(name)"
            case 9:
                try site.write("content/jeudis/2025-11-20.md",
                               "---\ntitle: \"Numéro \(random.next() % 10)\"\nsummary: \"Un numéro.\"\na_la_une: [fiches/\(other)]\n---\n\nLire [ceci](../fiches/\(fiche).md).\n")
                return "editorial"
            case 10:
                let footer = site.root.appendingPathComponent(Self.footer)
                try (String(contentsOf: footer, encoding: .utf8) + "<!-- \(random.next() % 10) -->\n").write(to: footer, atomically: false, encoding: .utf8)
                return "template"
            case 11:
                try site.write("content/site.yml", Fixture.siteYAML.replacingOccurrences(of: "page_size: 2", with: "page_size: \(pick([2, 3, 5]))")
                               + pick(["", "\nsitemap_size: 4\n", "\nsitemap_size: 9\n"]) + pick(["", "\nfeed_size: 2\n"]))
                return "site.yml"
            case 12:
                try site.write("content/boussole.yml", Fixture.boussoleYAML.replacingOccurrences(of: "label: Consolider", with: "label: \(pick(["Consolider", "Renforcer"]))"))
                return "boussole.yml"
            case 13:
                options.date = options.date.adding(days: Int(random.next() % 9))
                return "date \(options.date)"
            case 14:
                options.drafts.toggle()
                return "drafts \(options.drafts)"
            case 15:
                let named = Self.fiches.filter { FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/fiches/\($0).md").path) }
                let steps = (0..<Int(1 + random.next() % 3)).map { _ in named.isEmpty ? [] : [pick(named), pick(named)] }
                try site.write("content/parcours/chemin.md", Self.parcours(title: "Chemin \(random.next() % 10)", steps: steps,
                                                                           short: [Int(1 + random.next() % UInt64(steps.count))]))
                return "path naming \(steps)"
            case 16 where random.next() % 4 == 0 && FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/grille.yml").path):
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/grille.yml"))
                return "grille.yml removed"
            case 16:
                try site.write("content/grille.yml", Self.grid(resources: ["evenements/atelier", "fiches/\(fiche)"], tags: [pick(Self.tags)]))
                return "grille.yml with \(fiche)"
            default:
                let annexe = site.root.appendingPathComponent("content/fiches/annexe.pdf")
                switch random.next() % 3 {
                case 0:
                    try Data("%PDF-1.4 \(random.next())".utf8).write(to: annexe)
                    return "static file"
                case 1:
                    // Only a text: its header as it was.
                    let texts = Self.fiches.map { "content/fiches/\($0).md" } + Self.events.map { "content/evenements/\($0).md" }
                    let text = pick(texts.filter { FileManager.default.fileExists(atPath: site.root.appendingPathComponent($0).path) })
                    let file = site.root.appendingPathComponent(text)
                    try (String(contentsOf: file, encoding: .utf8) + "\nUn ajout, mot \(random.next() % 1000).\n")
                        .write(to: file, atomically: false, encoding: .utf8)
                    return "text of \(text)"
                default: break
                }
                let now = Date()
                try FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: site.root.appendingPathComponent(path).path)
                return "touch \(fiche)"
            }
        } catch {
            return "step failed: \(error)"
        }
    }

    private func restore(_ site: Fixture, _ saved: [String: String]) throws {
        let content = site.root.appendingPathComponent("content")
        try FileManager.default.removeItem(at: content)
        for (path, text) in saved where text != "dossier" {
            try site.write("content/" + path, text)
        }
    }

    // MARK: Building

    struct OutputFile: Equatable {
        let bytes: Data
        let modified: Date?
    }

    struct Built {
        let report: BuildReport
        let files: [String: OutputFile]
    }

    /// Builds the project as it is (`cold`: a copy of its content and templates, without any cache) and reads back
    /// every file of its site.
    private func build(_ site: Fixture, _ options: Options, cold: Bool) throws -> Built {
        var root = site.root
        if cold {
            root = site.root.deletingLastPathComponent().appendingPathComponent("froid-\(UUID().uuidString)")
            for folder in ["content", "templates"] {
                try FileManager.default.copyItem(at: site.root.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
            }
        }
        defer { if cold { try? FileManager.default.removeItem(at: root) } }
        let report = Build.run(BuildOptions(root: root, date: options.date, includeDrafts: options.drafts))
        let output = root.appendingPathComponent("public")
        var files: [String: OutputFile] = [:]
        for path in FileTree.files(in: output) + [OutputMarker.fileName] {
            let url = output.appendingPathComponent(path)
            guard let bytes = FileManager.default.contents(atPath: url.path) else { continue }
            let modified = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
            files[path] = OutputFile(bytes: bytes, modified: modified)
        }
        return Built(report: report, files: files)
    }
}
