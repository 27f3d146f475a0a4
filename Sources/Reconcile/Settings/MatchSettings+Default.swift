extension MatchSettings {
    /// The text of `Mappings/matching.yaml`, embedded so the tool works without the file
    /// (a test keeps the two identical).
    public static let defaultYAML = #"""
# Consolida customer matching settings: a Fellegi-Sunter model, as Splink describes one.
#
# Each comparison turns one field of a pair of customer records into a level (the first level
# whose condition holds; a pair missing the field on either side is "null" and counts 0 bits).
# Each level has an m probability (how often true matches land there) and a u probability (how
# often non-matches do). u is estimated from random pairs and m by expectation-maximization on
# the blocked pairs, on every run, unless fixed here with `m:` / `u:` on a level.
# A pair's match weight is log2(prior odds) + the sum of log2(m/u) over its comparisons; its
# probability is 2^w / (1 + 2^w). `consolida explain ID` prints that sum as a waterfall.
version: 1

# Probability that two records picked at random are the same customer, before any evidence
# (the population u is measured on). `auto`: estimated by expectation-maximization.
prior: auto
# A pair at or above this match probability links two records (the model is calibrated, so
# 0.5 is "more likely the same than not").
match_threshold: 0.5
# A record joined by a match less sure than this (and no tax ID, override or earlier run behind
# it) is said, for a person to confirm (uncertain_match): `María González` with another phone is
# one at 0.52. 0 says none.
review_below: 0.8
# Every cluster's members must support each other: groups whose average pairwise probability
# falls below this are split apart, and the split is reported for review (cluster_split).
cluster_min_support: 0.3
# Clusters bigger than this are not re-checked pair by pair (the check is quadratic).
support_check_max_size: 60
# Two different tax IDs that both passed their check digit never merge, unless an override says so.
cannot_link_different_valid_tax_ids: true
# Nor do two tax IDs of different numbers, checked or not (`J-31777888-0` and `J-29111222`): their
# digits without letters, each with and without its last digit, are not one typo (a digit wrong,
# missing, extra, two swapped) apart, and neither holds the other (a check digit left out, a DNI
# inside its CUIT). Each match this refuses is said (tax_id_numbers_differ).
cannot_link_different_tax_id_numbers: true
# Two records with the same tax ID, valid on both, are one customer whatever their names say (a
# trade name beside the legal one): the legal entity is the debtor. A cannot-link override wins.
link_same_valid_tax_ids: true
# Records that were one customer in the previous run and have not changed since stay one customer
# (a nightly run re-estimates the model, and a match near the threshold must not come and go as
# unrelated files are added). Cannot-links and two different valid tax IDs still part them; set
# false to match every run afresh.
keep_previous_links: true
# Keep the per-pair score breakdown in the result (for `explain`).
explanations: true

estimation:
  max_iterations: 30
  # Random record pairs drawn to estimate u (how often unrelated records agree by chance).
  random_pairs: 100000
  seed: 20240611

# Candidate pairs: records sharing any of these keys are compared; nothing else is.
blocking:
  keys: [tax_id, name_fingerprint, name_token_pair, name_rare_tokens, name_phonetic, phone_suffix, email, address]
  # A block larger than this is not compared all-to-all: its records are sorted by name and
  # each is compared with its `window` neighbours (sorted neighbourhood), so work stays linear.
  max_block_size: 60
  window: 8
  # A name word shared by at most this many records is "rare" and becomes a blocking key.
  rare_token_max_frequency: 30

comparisons:
  - name: tax_id
    field: tax_id
    levels:
      - { label: "exact, both valid", when: exact_valid }
      - { label: exact, when: exact }
      - { label: "same digits", when: digits_equal }
      - { label: "one edit", when: levenshtein, threshold: 1 }
      - { label: "two edits (a transposition)", when: levenshtein, threshold: 2 }
      - { label: "both valid, different", when: both_valid }
      - { label: different, when: else }
  - name: name
    field: name
    # Names agreeing exactly weigh more when the name is rare in the data, less when common.
    term_frequency: true
    levels:
      - { label: exact, when: exact }
      - { label: "same words, typos allowed", when: token_match }
      - { label: "words of one within the other", when: token_subset }
      - { label: "first word and all words but one", when: all_but_one_word }
      - { label: "Jaro-Winkler >= 0.92", when: jaro_winkler, threshold: 0.92 }
      - { label: different, when: else }
  - name: phone
    field: phone
    levels:
      - { label: exact, when: exact }
      - { label: "same last 7 digits", when: suffix }
      - { label: different, when: else }
  - name: email
    field: email
    levels:
      - { label: "exact, role mailbox", when: exact_role }
      - { label: exact, when: exact }
      - { label: "one edit", when: levenshtein, threshold: 1 }
      - { label: "same company domain", when: domain }
      - { label: different, when: else }
  - name: address
    field: address
    levels:
      - { label: exact, when: exact }
      - { label: "same words, typos allowed", when: token_match }
      - { label: "words >= 0.8", when: token_similarity, threshold: 0.8 }
      - { label: "Jaro-Winkler >= 0.88", when: jaro_winkler, threshold: 0.88 }
      - { label: different, when: else }
  - name: city
    field: city
    levels:
      - { label: exact, when: exact }
      - { label: "Jaro-Winkler >= 0.9", when: jaro_winkler, threshold: 0.9 }
      - { label: different, when: else }
  # Most companies of one country share a legal form (C.A., S.A.S.) and all records a country:
  # agreeing says little, disagreeing much. Fixed, so a small or lopsided data set cannot make
  # "both C.A." outweigh two different phones (u estimated on a few pairs came out tiny).
  - name: legal_form
    field: legal_form
    levels:
      - { label: same, when: exact, m: 0.95, u: 0.5 }
      - { label: different, when: else, m: 0.05, u: 0.5 }
  - name: country
    field: country
    levels:
      - { label: same, when: exact, m: 0.99, u: 0.9 }
      - { label: different, when: else, m: 0.01, u: 0.1 }

# Evidence that no other field can outweigh. Relatives share a phone and an address, sister
# companies a phone, a domain and half a name: two names that disagree are linked only when the
# tax IDs or the email addresses agree too.
vetoes:
  - comparison: name
    levels: [different, "Jaro-Winkler >= 0.92"]
    unless:
      - { comparison: tax_id, levels: ["exact, both valid", exact, "same digits"] }
      - { comparison: email, levels: ["exact, role mailbox", exact] }
  # Relatives share a home phone and address, but not a second given name against a second
  # surname (`Gabriela Quintero Molina` ~ `Gabriela Renata Quintero`); among companies, names
  # one word apart are usually different companies unless an identifier of their own says
  # otherwise: a tax ID or a personal mailbox. A role mailbox such as ventas@ does not (a group of
  # companies on one domain shares it), nor a phone or an address: `Alimentos del Centro
  # Logística` and `Alimentos del Centro Distribución` share the group's switchboard and building.
  - comparison: name
    levels: ["first word and all words but one"]
    unless:
      - { comparison: tax_id, levels: ["exact, both valid", exact, "same digits"] }
      - { comparison: email, levels: [exact] }

# Which member's value a consolidated customer keeps, rule by rule until one value is left.
survivorship:
  order: [source_priority, most_recent, most_complete, most_frequent]

# Severity of a conflicting value between members, by field (others: info).
severity:
  name: info
  tax_id: error
  address: warning
  city: info
  country: warning
  salesperson: info

"""#
}
