import Foundation

/// The boussole drawn at build time: one sector per value of the main axis, each a link showing its label and
/// its number of resources. Plain SVG: no script, scales to the screen, readable by screen readers.
struct CompassSVG {
    struct Sector {
        let label: String
        let fullLabel: String
        let count: Int
        let url: String
    }

    let axisLabel: String
    let sectors: [Sector]

    static let palette = ["#00589b", "#1f7a4d", "#8a4b08", "#6b3fa0", "#a3214f", "#2f6f7e"]
    private let outer = 150.0
    private let inner = 46.0

    func render() -> String {
        var svg = """
        <svg class="compass-svg" viewBox="-160 -160 320 320" width="320" height="320" \
        aria-labelledby="boussole-titre" xmlns="http://www.w3.org/2000/svg">
        <title id="boussole-titre">\(XML.escape("Boussole : \(axisLabel)"))</title>

        """
        let step = 2 * Double.pi / Double(max(sectors.count, 1))
        for (index, sector) in sectors.enumerated() {
            // The first sector is centred at the top, like north on a compass.
            let middle = -Double.pi / 2 + Double(index) * step
            let (start, end) = (middle - step / 2, middle + step / 2)
            let countLabel = ViewFactory.count(sector.count, "ressource", "ressources")
            let labelPoint = point(angle: middle, radius: (outer + inner) / 2)
            svg += """
            <a href="\(XML.escape(sector.url))" aria-label="\(XML.escape("\(sector.fullLabel) : \(countLabel)"))">
            <path d="\(wedge(from: start, to: end))" fill="\(Self.palette[index % Self.palette.count])"/>
            <text x="\(XML.number(labelPoint.x))" y="\(XML.number(labelPoint.y - 4))" text-anchor="middle" class="sector-label">\(XML.escape(sector.label))</text>
            <text x="\(XML.number(labelPoint.x))" y="\(XML.number(labelPoint.y + 14))" text-anchor="middle" class="sector-count">\(XML.escape(countLabel))</text>
            </a>

            """
        }
        svg += """
        <circle r="\(XML.number(inner))" class="hub"/>
        <text y="5" text-anchor="middle" class="hub-label" aria-hidden="true">\(XML.escape(axisLabel))</text>
        </svg>
        """
        return svg
    }

    /// A ring sector between the hub and the outer circle (a full ring when there is a single value).
    private func wedge(from start: Double, to end: Double) -> String {
        if sectors.count == 1 {
            return "M0 \(XML.number(-outer))A\(XML.number(outer)) \(XML.number(outer)) 0 1 1 0 \(XML.number(outer))A\(XML.number(outer)) \(XML.number(outer)) 0 1 1 0 \(XML.number(-outer))Z"
        }
        let large = end - start > Double.pi ? 1 : 0
        let (a, b) = (point(angle: start, radius: outer), point(angle: end, radius: outer))
        let (c, d) = (point(angle: end, radius: inner), point(angle: start, radius: inner))
        return "M\(XML.number(a.x)) \(XML.number(a.y))A\(XML.number(outer)) \(XML.number(outer)) 0 \(large) 1 \(XML.number(b.x)) \(XML.number(b.y))"
            + "L\(XML.number(c.x)) \(XML.number(c.y))A\(XML.number(inner)) \(XML.number(inner)) 0 \(large) 0 \(XML.number(d.x)) \(XML.number(d.y))Z"
    }

    private func point(angle: Double, radius: Double) -> (x: Double, y: Double) {
        (cos(angle) * radius, sin(angle) * radius)
    }
}
