import Foundation

/// The chart of the grid's result, drawn at build time: for each axis, then each of its situations, its label (on
/// as many lines as it needs, so that it stays legible on a 400-pixel screen) above a bar of length zero. The page's
/// script sets each bar's length and value from the visitor's answers; the table that follows the chart gives the same
/// figures as text.
struct GridChartSVG {
    let rows: [GridRow]
    let maximum: Int

    private let width = 400.0
    private let barLength = 320.0
    private let barHeight = 14.0
    private let lineHeight = 18.0
    private let charactersPerLine = 44

    func render() -> String {
        var body = ""
        var y = 26.0
        for (index, row) in rows.enumerated() {
            if row.isAxis && index > 0 { y += 10 }
            for line in lines(of: row.label) {
                body += "<text x=\"0\" y=\"\(XML.number(y + 14))\" class=\"libelle\(row.isAxis ? " axe" : "")\">\(XML.escape(line))</text>\n"
                y += lineHeight
            }
            y += 2
            let key = XML.escape(row.key)
            body += """
            <rect x="0" y="\(XML.number(y))" width="\(XML.number(barLength))" height="\(XML.number(barHeight))" class="piste"/>
            <rect x="0" y="\(XML.number(y))" width="0" height="\(XML.number(barHeight))" class="barre\(row.isAxis ? " axe" : "")" data-barre="\(key)"/>
            <text x="\(XML.number(barLength + 8))" y="\(XML.number(y + 12))" class="valeur" data-valeur="\(key)">—</text>

            """
            y += barHeight + 12
        }
        var scale = ""
        for level in 0...maximum {
            let x = barLength * Double(level) / Double(max(maximum, 1))
            let anchor = level == 0 ? "start" : (level == maximum ? "end" : "middle")
            scale += """
            <line x1="\(XML.number(x))" y1="18" x2="\(XML.number(x))" y2="\(XML.number(y - 12))" class="repere"/>
            <text x="\(XML.number(x))" y="12" text-anchor="\(anchor)" class="graduation">\(level)</text>

            """
        }
        return """
        <svg id="resultat-graphique" class="grille-graphique" viewBox="0 0 \(XML.number(width)) \(XML.number(y))" width="\(XML.number(width))" \
        height="\(XML.number(y))" role="img" aria-labelledby="graphique-titre" xmlns="http://www.w3.org/2000/svg">
        <title id="graphique-titre">Votre niveau moyen, de 0 à \(maximum), par axe et par situation</title>

        """ + scale + body + "</svg>"
    }

    /// The label's words on lines short enough for the chart's width.
    private func lines(of label: String) -> [String] {
        var lines: [String] = []
        for word in label.split(separator: " ") {
            if let last = lines.last, last.count + 1 + word.count <= charactersPerLine {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(String(word))
            }
        }
        return lines
    }
}
