import Foundation
import Tabular

/// The corpus oracle encoding of one cell (see ../shared/corpus/README.md): `null`, or a pair
/// `[kind, value]` with kinds `s n b d dt t dur e`.
enum OracleCells {
    static func encode(_ value: CellValue) -> Any {
        switch value {
        case .empty: return NSNull()
        case .text(let s): return ["s", s] as [Any]
        case .number(let d): return ["n", PythonFloat.repr(d)] as [Any]
        case .boolean(let b): return ["b", b] as [Any]
        case .date(let d): return ["d", d.iso] as [Any]
        case .dateTime(let dt): return ["dt", dt.iso] as [Any]
        case .time(let t): return ["t", t.iso] as [Any]
        case .duration(let s): return ["dur", PythonFloat.repr(s)] as [Any]
        case .error(let e): return ["e", e] as [Any]
        }
    }
}
