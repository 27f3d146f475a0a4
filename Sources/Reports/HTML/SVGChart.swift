import Foundation

/// Inline SVG bar charts (no script, no external file): bars scaled to the largest positive value;
/// negative values (credits) draw no bar but keep their label.
enum SVGChart {
    struct Bar {
        var label: String
        var value: Decimal
        var valueText: String
        /// Optional link target for the label (an anchor in the page).
        var href: String?
    }

    /// Vertical bars (aging buckets).
    static func columns(_ bars: [Bar], title: String, _ h: inout HTMLBuilder) {
        let width = 560, height = 240, top = 28, bottom = 40, left = 10
        let slot = bars.isEmpty ? 0 : (width - 2 * left) / bars.count
        let maxValue = bars.map { HTMLFormat.double($0.value) }.max() ?? 0
        h.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(width) \(height)",
                       "width": String(width), "height": String(height), "role": "img", "aria-label": title])
        h.element("title", title)
        h.void("line", ["x1": String(left), "y1": String(height - bottom), "x2": String(width - left),
                        "y2": String(height - bottom), "stroke": "#9aa3af"])
        for (i, bar) in bars.enumerated() {
            let v = HTMLFormat.double(bar.value)
            let barHeight = maxValue > 0 && v > 0 ? max(1, Int(Double(height - top - bottom) * v / maxValue)) : 0
            let x = left + i * slot + slot / 6
            let w = slot * 2 / 3
            let y = height - bottom - barHeight
            h.void("rect", ["x": String(x), "y": String(y), "width": String(w), "height": String(barHeight),
                            "fill": i == 0 ? "#7aa6d8" : bucketColor(i, bars.count), "rx": "2"])
            h.element("text", bar.valueText, ["x": String(x + w / 2), "y": String(max(12, y - 6)),
                                             "text-anchor": "middle"])
            h.element("text", bar.label, ["x": String(x + w / 2), "y": String(height - bottom + 16),
                                         "text-anchor": "middle"])
        }
        h.close("svg")
    }

    /// Horizontal bars (top debtors), labels on the left.
    static func rows(_ bars: [Bar], title: String, _ h: inout HTMLBuilder) {
        let width = 620, rowHeight = 24, labelWidth = 220, valueWidth = 130
        let height = max(rowHeight, bars.count * rowHeight) + 8
        let maxValue = bars.map { HTMLFormat.double($0.value) }.max() ?? 0
        let span = Double(width - labelWidth - valueWidth - 10)
        h.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(width) \(height)",
                       "width": String(width), "height": String(height), "role": "img", "aria-label": title])
        h.element("title", title)
        for (i, bar) in bars.enumerated() {
            let y = 4 + i * rowHeight
            let v = HTMLFormat.double(bar.value)
            let w = maxValue > 0 && v > 0 ? max(1, Int(span * v / maxValue)) : 0
            let label = bar.label.count > 32 ? String(bar.label.prefix(31)) + "…" : bar.label
            if let href = bar.href {
                h.open("a", ["href": href])
                h.element("text", label, ["x": String(labelWidth - 6), "y": String(y + 16), "text-anchor": "end"])
                h.close()
            } else {
                h.element("text", label, ["x": String(labelWidth - 6), "y": String(y + 16), "text-anchor": "end"])
            }
            h.void("rect", ["x": String(labelWidth), "y": String(y + 4), "width": String(w), "height": "16",
                            "fill": "#c0504d", "rx": "2"])
            h.element("text", bar.valueText, ["x": String(labelWidth + w + 6), "y": String(y + 16)])
        }
        h.close("svg")
    }

    /// From amber to deep red as debts get older.
    static func bucketColor(_ index: Int, _ count: Int) -> String {
        let palette = ["#7aa6d8", "#f2c14e", "#f08c3a", "#e0622a", "#c8381f", "#8e1b12"]
        return palette[min(index, palette.count - 1)]
    }
}
