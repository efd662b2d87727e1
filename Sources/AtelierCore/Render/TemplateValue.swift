import Foundation

/// View models turned into dictionaries once per page before rendering. swift-mustache would otherwise reflect
/// (Mirror) every object of the context stack on every name it looks up, which dominated build time.
/// A nil optional becomes NSNull: it renders as nothing and, unlike a missing key, stops the lookup there.
enum TemplateValue {
    static func make(_ value: Any) -> Any {
        switch value {
        case is String, is Bool, is Int, is Double: return value
        case let array as [Any]: return array.map(make)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { make($0.value) } ?? NSNull()
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label { fields[label] = make(child.value) }
            }
            return fields
        default:
            return value
        }
    }
}
