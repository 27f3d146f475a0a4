import Testing
@testable import CSVReader

@Suite struct ProfileTests {
    static func profile(_ values: [String]) -> ColumnType {
        var p = ColumnProfile()
        for v in values { p.add(v) }
        return p.type
    }

    static let dot = NumberFormat(decimalSeparator: UInt8(ascii: "."), groupSeparator: nil)
    static let commaGroupDot = NumberFormat(decimalSeparator: UInt8(ascii: ","), groupSeparator: UInt8(ascii: "."))
    static let dotGroupComma = NumberFormat(decimalSeparator: UInt8(ascii: "."), groupSeparator: UInt8(ascii: ","))

    @Test func integersAndDecimals() {
        #expect(Self.profile(["1", "22", "-3", ""]) == .integer(Self.dot))
        #expect(Self.profile(["1.5", "22", "-3.25"]) == .decimal(Self.dot))
        #expect(Self.profile(["1.234,56", "12,50", "7"]) == .decimal(Self.commaGroupDot))
        #expect(Self.profile(["1,234.56", "12.50"]) == .decimal(Self.dotGroupComma))
        #expect(Self.profile(["(1.234,00)", "5,5"]) == .decimal(Self.commaGroupDot))
    }

    @Test func codesWithLeadingZerosAreText() {
        #expect(Self.profile(["00105", "00106"]) == .text)
        #expect(Self.profile(["0.5", "0"]) == .decimal(Self.dot))
    }

    @Test func datesAndTheirOrder() {
        #expect(Self.profile(["2024-03-05", "2024-12-31"]) == .date(order: .ymd, alternatives: [], hasTime: false))
        #expect(Self.profile(["05/03/2024", "31/12/2024"]) == .date(order: .dmy, alternatives: [], hasTime: false))
        #expect(Self.profile(["03/05/2024", "12/31/2024"]) == .date(order: .mdy, alternatives: [], hasTime: false))
        #expect(Self.profile(["03/05/2024", "01/02/2024"]) == .date(order: .dmy, alternatives: [.mdy], hasTime: false))
        #expect(Self.profile(["2024-03-05 10:30"]) == .date(order: .ymd, alternatives: [], hasTime: true))
        #expect(Self.profile(["31/02/2024"]) == .text)
    }

    @Test func emptyTextAndOutliers() {
        #expect(Self.profile(["", " "]) == .empty)
        #expect(Self.profile(["Ana", "12"]) == .text)
        var p = ColumnProfile()
        for _ in 0..<99 { p.add("12.50") }
        p.add("N/A")
        #expect(p.type == .decimal(Self.dot))
        #expect(p.outliers == 1)
    }

    @Test func exactDecimalParsing() {
        func parse(_ s: String, _ f: NumberFormat) -> (Int64, Int)? {
            var t = s
            return t.withUTF8 { NumberParser.decimal($0, f).map { ($0.significand, $0.exponent) } }
        }
        #expect(parse("1.234.567,89", Self.commaGroupDot)! == (123_456_789, -2))
        #expect(parse("-0,10", Self.commaGroupDot)! == (-10, -2))
        #expect(parse("12.34.5", Self.commaGroupDot) == nil)
        #expect(parse("1234", Self.dot)! == (1234, 0))
        #expect(parse("1,23", Self.dotGroupComma) == nil)
    }
}
