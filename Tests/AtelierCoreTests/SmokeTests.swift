import Testing
@testable import AtelierCore

@Test func smoke() throws {
    let fixture = try Fixture(files: [
        "content/fiches/une.md": Fixture.resource(title: "Une fiche"),
        "content/fiches/deux.md": Fixture.resource(title: "Deux"),
    ])
    let report = fixture.build()
    for d in report.diagnostics { print(d) }
    #expect(report.succeeded)
    print(fixture.root.path)
}
