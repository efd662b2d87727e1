import Foundation

/// The output folder is Atelier's alone, since every build replaces it whole. Before anything is read or written,
/// the guard refuses an output that would replace the project, the editors' files or the cache, and a folder
/// holding files that Atelier did not write (unless `--force`). Paths are compared as the system resolves them:
/// symbolic links followed, `..` applied.
struct OutputGuard {
    let root: URL
    /// How the output is named in messages: as the editor wrote it.
    let label: String
    let force: Bool
    /// Folders the site must never replace, with how messages name them.
    let protectedFolders: [(url: URL, name: String)]

    init(root: URL, label: String, force: Bool, cache: URL) {
        let cacheName = PhysicalPath.isInside(cache.path, root.path) ? String(cache.path.dropFirst(root.path.count + 1)) : cache.path
        self.root = root
        self.label = label
        self.force = force
        protectedFolders = [(root.appendingPathComponent("content"), "content/"),
                            (root.appendingPathComponent("templates"), "templates/"),
                            (cache, "le cache d'Atelier (\(cacheName)/)")]
    }

    /// Every reason to refuse the output; empty when the build may write there.
    func check(_ folder: OutputFolder) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let output = folder.live.path
        let project = PhysicalPath.resolve(root)
        let location = SourceLocation.option(label)
        let chooseAnother = "écrivez le site dans un dossier à lui, par exemple public (la valeur par défaut)"

        if PhysicalPath.isDanglingLink(folder.requested) {
            problems.append(Diagnostic(.error, .sortieRefusee, "« \(label) » est un lien symbolique vers un dossier qui n'existe pas",
                                       at: location, hint: "créez le dossier visé, ou donnez directement un dossier à --output"))
            return problems
        }
        if output == project {
            problems.append(Diagnostic(.error, .sortieRefusee, "« \(label) » est le dossier du projet : le site remplacerait content/, templates/ et tout le reste",
                                       at: location, hint: chooseAnother))
        } else if PhysicalPath.isInside(project, output) {
            problems.append(Diagnostic(.error, .sortieRefusee, "« \(label) » contient le dossier du projet : le site remplacerait tout le projet",
                                       at: location, hint: chooseAnother))
        }
        for (url, name) in protectedFolders {
            let protected = PhysicalPath.resolve(url)
            if PhysicalPath.isInside(output, protected) {
                problems.append(Diagnostic(.error, .sortieRefusee, "« \(label) » est dans \(name) : le site remplacerait des fichiers qu'Atelier n'a pas à toucher",
                                           at: location, hint: chooseAnother))
            } else if PhysicalPath.isInside(protected, output), !PhysicalPath.isInside(project, output) {
                problems.append(Diagnostic(.error, .sortieRefusee, "« \(label) » contient \(name) : le site le remplacerait",
                                           at: location, hint: chooseAnother))
            }
        }
        guard problems.isEmpty else { return problems }

        problems += checkOwnership(folder.live, name: label, location: location, canForce: true)
        problems += checkOwnership(folder.twin, name: folder.twin.lastPathComponent, location: location, canForce: false)
        return problems
    }

    /// A folder that exists must be Atelier's (its marker), or empty; `--force` lets the build take the output over.
    private func checkOwnership(_ url: URL, name: String, location: SourceLocation, canForce: Bool) -> [Diagnostic] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else {
            return [Diagnostic(.error, .sortieRefusee, "« \(name) » est un fichier, pas un dossier : Atelier ne le remplacera pas", at: location,
                               hint: "déplacez ce fichier, ou choisissez un autre dossier pour le site")]
        }
        if OutputMarker.isAtelierFolder(url) || (canForce && force) { return [] }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        guard !entries.isEmpty else { return [] }
        if canForce {
            return [Diagnostic(.error, .sortieRefusee, "« \(name) » contient des fichiers qu'Atelier n'a pas écrits : ils seraient remplacés par le site",
                               at: location,
                               hint: "choisissez un dossier vide ou qui n'existe pas encore ; si ces fichiers peuvent disparaître, relancez avec --force")]
        }
        return [Diagnostic(.error, .sortieRefusee, "le dossier « \(name) », à côté de « \(label) », existe déjà et n'a pas été écrit par Atelier",
                           at: location,
                           hint: "Atelier y prépare chaque nouvelle version du site avant de la mettre en place : déplacez ce dossier")]
    }
}

/// Paths as the system resolves them: each existing component's symbolic links followed, `.` and `..` applied in turn.
enum PhysicalPath {
    static func resolve(_ url: URL) -> String {
        var resolved = "/"
        for component in url.path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": resolved = (resolved as NSString).deletingLastPathComponent
            default:
                let next = resolved == "/" ? "/\(component)" : "\(resolved)/\(component)"
                if let real = realpath(next, nil) {
                    resolved = String(cString: real)
                    free(real)
                } else {
                    resolved = next
                }
            }
        }
        return resolved
    }

    /// True when `path` is `folder` or lies below it.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || folder == "/" || path.hasPrefix(folder + "/")
    }

    static func isDanglingLink(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK && stat(url.path, &status) != 0
    }
}
