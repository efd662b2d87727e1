import Foundation

/// A program Atelier hands a protocol to (rsync, ssh), run to its end with its output kept.
struct ExternalCommand {
    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs `program` (looked up on the PATH) with `arguments`; throws only when it cannot be started.
    static func run(_ program: String, _ arguments: [String]) throws -> Result {
        guard let executable = locate(program) else {
            throw OutputError("\(program) est introuvable : installez-le (paquet Debian \(program == "ssh" ? "openssh-client" : program))")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Both pipes are read at once: a program that fills one while Atelier waits on the other would block.
        let errorText = Eventual { String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        let outputText = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: outputText, errors: errorText.value)
    }

    private static func locate(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A word for a POSIX shell, quoted: what `ssh` hands the server's shell is one command line.
    static func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
