import Foundation

/// A program Atelier hands a protocol to (rsync, ssh), run to its end with its output kept.
struct ExternalCommand {
    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs `program` (looked up on the PATH) with `arguments`, `input` on its standard input; throws only when it
    /// cannot be started. `stopWhen` is shown what the program has written on its error output so far, and stops it
    /// when it returns true (a program that would go on retrying what cannot succeed). `watch` is given the standard
    /// output piece by piece as it comes (a progress line).
    static func run(_ program: String, _ arguments: [String], input: Data? = nil, environment: [String: String]? = nil,
                    stopWhen: (@Sendable (String) -> Bool)? = nil, watch: ((String) -> Void)? = nil) throws -> Result {
        guard let executable = locate(program) else {
            throw OutputError("\(program) est introuvable : installez-le (paquet Debian \(program == "ssh" ? "openssh-client" : program))")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let feed = input.map { _ in Pipe() }
        process.standardInput = feed ?? FileHandle.nullDevice
        try process.run()
        if let feed, let input {
            signal(SIGPIPE, SIG_IGN)  // a program that stops reading makes the write fail, not Atelier die
            // Written from another thread: a program that answers before reading all of it must not block Atelier.
            _ = Eventual {
                try? feed.fileHandleForWriting.write(contentsOf: input)
                try? feed.fileHandleForWriting.close()
                return true
            }
        }
        // Both pipes are read at once: a program that fills one while Atelier waits on the other would block.
        let errorText = Eventual { [process] in
            guard let stopWhen else { return String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
            var said = Data()
            while case let chunk = errors.fileHandleForReading.availableData, !chunk.isEmpty {
                said.append(chunk)
                if process.isRunning && stopWhen(String(decoding: said, as: UTF8.self)) { process.terminate() }
            }
            return String(decoding: said, as: UTF8.self)
        }
        var outputData = Data()
        while case let chunk = output.fileHandleForReading.availableData, !chunk.isEmpty {
            outputData.append(chunk)
            watch?(String(decoding: chunk, as: UTF8.self))
        }
        let outputText = String(decoding: outputData, as: UTF8.self)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: outputText, errors: errorText.value)
    }

    private static func locate(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// What a program said on its error output: the French sentence of the first `known` phrase found in it, or its
    /// last line, quoted as `speaker`'s words.
    static func reason(_ errors: String, known: [(phrase: String, french: String)], speaker: String) -> String {
        if let match = known.first(where: { errors.localizedCaseInsensitiveContains($0.phrase) }) { return match.french }
        let said = errors.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return said.last.map { "\(speaker) répond « \($0) »" } ?? "pas d'autre explication"
    }

    /// A word for a POSIX shell, quoted: what `ssh` hands the server's shell is one command line.
    static func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
