"""Provenance analysis: which sentences state statistics, and whether anything sources them.

* :mod:`.claims` finds quantitative claims in a sentence (percentages, money, counts, measurements,
  multipliers, rankings, growth) and leaves dates, years, times, versions and identifiers alone.
* :mod:`.attribution` finds what sources a sentence: named attribution, links, reference markers,
  citations; and what only pretends to: vague phrases, anonymous sources, bare source tags.
* :mod:`.analysis` combines both over a document (previous-sentence continuation, quotes that run
  across sentences, reference lists) and caches the result for the provenance rules.
"""

