import Foundation

/// One Thursday run at a time for a project, from before the journal is read to after it is written: two runs at
/// once would both find the issue unsent. A second run waits, after saying which process it waits for.
public final class RunLock: @unchecked Sendable {
    private let descriptor: Int32

    public init(root: URL, waiting: (String) -> Void) throws {
        let folder = BuildOptions(root: root).cacheFolder.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("jeudi.verrou").path
        guard let descriptor = try BuildLock.holdFile(file, waiting: waiting, saying: {
            "une autre publication des Jeudis de ce projet est en cours (\($0)) : celle-ci attend qu'elle se termine"
        }) else { throw OutputError("verrou impossible (\(file)) : \(SystemReason.current)") }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}
