/// Non-negative integers in few characters, for the search index and the boussole's data: base-32 digits, most
/// significant first, in 64 symbols safe in JSON and URLs; the first 32 symbols stand for a digit that more digits
/// follow, the last 32 for the final digit. Most numbers written are small and take one character.
/// `templates/assets/cartes.js` reads them back.
enum CompactNumbers {
    static let symbols = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func append(_ value: Int, to text: inout [UInt8]) {
        precondition(value >= 0)
        var digits: [Int] = [value & 31]
        var rest = value >> 5
        while rest > 0 {
            digits.append(rest & 31)
            rest >>= 5
        }
        for (position, digit) in digits.reversed().enumerated() {
            text.append(symbols[position == digits.count - 1 ? 32 + digit : digit])
        }
    }

    static func decode(_ text: String) -> [Int] {
        var values: [Int] = []
        var value = 0
        for byte in text.utf8 {
            guard let digit = symbols.firstIndex(of: byte) else { continue }
            if digit < 32 {
                value = value * 32 + digit
            } else {
                values.append(value * 32 + digit - 32)
                value = 0
            }
        }
        return values
    }
}
