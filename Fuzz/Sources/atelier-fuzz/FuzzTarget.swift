import AtelierCore
import Foundation

/// libFuzzer calls this with each input it makes up; `ATELIER_FUZZ_TARGET` names the reader under test
/// (contentFile, markdown, siteConfig, boussole, grid). An input that breaks the rule stops the run, and libFuzzer keeps it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let outcome = InputCheck.run(target, bytes: Array(UnsafeBufferPointer(start: data, count: count)))
    if !outcome.keepsTheRule {
        fatalError("règle enfreinte : rien de lu et aucune erreur dans \(outcome.file), ou un diagnostic hors du fichier : \(outcome.diagnostics)")
    }
    return 0
}

private let target: InputCheck.Target = {
    let name = ProcessInfo.processInfo.environment["ATELIER_FUZZ_TARGET"] ?? ""
    guard let target = InputCheck.Target.allCases.first(where: { "\($0)" == name }) else {
        fatalError("ATELIER_FUZZ_TARGET doit valoir \(InputCheck.Target.allCases.map { "\($0)" }.joined(separator: ", "))")
    }
    return target
}()

/// SwiftPM links an executable with its own entry point name; it hands over to libFuzzer's driver.
@_cdecl("atelier_fuzz_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                                 _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt
