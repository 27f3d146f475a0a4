extension WordTokens {
    /// Folded words that a dot shortens rather than ends a sentence after: currency (`Bs.`,
    /// `Bs.S.`, `Bs.F.`), titles (`Sr.`, `Sra.`, `Dr.`, `Lic.`), numbers (`Nro.`, `Nº.`, `N°.`,
    /// `Núm.`) and a few note-taking ones (`aprox.`, `Av.`, `Ref.`, `Tlf.`). Without this, `le pago
    /// Bs. 1.500.000 el lunes` split into `le pago Bs` and `1.500.000 el lunes`, and the promise was
    /// lost. `etc.` is left out: it usually does end a sentence.
    static let abbreviations: Set<String> = [
        "bs", "s", "f", "sr", "sra", "srta", "sres", "sras", "dr", "dra", "lic", "ing", "prof", "ud", "uds",
        "nro", "nº", "n", "num", "aprox", "approx", "av", "avda", "ref", "tlf", "telf", "tel", "cel", "cia", "c",
    ]

    /// Whether a dot right after `word` (the word just read, or the one before a `°` in `N°.`) is an
    /// abbreviation's.
    static func dotShortens(_ word: String?) -> Bool {
        word.map(abbreviations.contains) ?? false
    }
}
