import Foundation

/// The system's reason for refusing a file operation, in French: an editor reads « permission refusée », not the
/// system's English (« Permission denied ») nor Foundation's `NSCocoaErrorDomain Code=513`.
public enum SystemReason {
    public static func of(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission refusée"
        case ENOSPC: "plus de place sur le disque"
        case EDQUOT: "quota de disque dépassé"
        case ENAMETOOLONG: "nom trop long pour le système de fichiers"
        case EEXIST: "un fichier de ce nom existe déjà"
        case ENOENT: "fichier ou dossier introuvable"
        case ENOTDIR: "un élément du chemin n'est pas un dossier"
        case EISDIR: "c'est un dossier, pas un fichier"
        case ENOTEMPTY: "le dossier n'est pas vide"
        case EROFS: "le disque est en lecture seule"
        case EIO: "erreur de lecture ou d'écriture du disque"
        case EMFILE, ENFILE: "trop de fichiers ouverts à la fois"
        case EBUSY, ETXTBSY: "fichier occupé par un autre programme"
        case ELOOP: "trop de liens symboliques à suivre"
        case EXDEV: "les deux dossiers ne sont pas sur le même disque"
        case EFBIG: "fichier trop grand"
        case ENOMEM: "mémoire insuffisante"
        default: "erreur du système n° \(code)"
        }
    }

    /// The reason `errno` holds now.
    public static var current: String { of(errno: errno) }

    /// An error Foundation or Atelier threw, in French: the POSIX code under a Cocoa error when there is one.
    public static func of(_ error: Error) -> String {
        if let posix = error as? POSIXError { return of(errno: posix.code.rawValue) }
        if let cocoa = error as? CocoaError { return of(cocoa: cocoa.code, underlying: cocoa.userInfo[NSUnderlyingErrorKey]) }
        if let described = error as? CustomStringConvertible, !(type(of: error) is NSError.Type) { return described.description }
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return of(errno: Int32(error.code)) }
        guard error.domain == NSCocoaErrorDomain else { return "erreur du système (\(error.domain) \(error.code))" }
        return of(cocoa: CocoaError.Code(rawValue: error.code), underlying: error.userInfo[NSUnderlyingErrorKey])
    }

    private static func of(cocoa code: CocoaError.Code, underlying: Any?) -> String {
        if let underlying = underlying as? POSIXError { return of(errno: underlying.code.rawValue) }
        if let underlying = underlying as? NSError, underlying.domain == NSPOSIXErrorDomain { return of(errno: Int32(underlying.code)) }
        switch code {
        case .fileNoSuchFile, .fileReadNoSuchFile: return of(errno: ENOENT)
        case .fileReadNoPermission, .fileWriteNoPermission: return of(errno: EACCES)
        case .fileWriteOutOfSpace: return of(errno: ENOSPC)
        case .fileWriteFileExists: return of(errno: EEXIST)
        case .fileWriteVolumeReadOnly: return of(errno: EROFS)
        case .fileWriteInvalidFileName: return "nom de fichier refusé par le système"
        case .fileReadCorruptFile: return "fichier endommagé"
        case .fileReadTooLarge: return of(errno: EFBIG)
        default: return "le système a refusé l'opération (code \(code.rawValue))"
        }
    }
}
