"""Which language an article is in, offline, with py3langid's bundled naive-Bayes model.

Texts shorter than :data:`MIN_WORDS` words are not judged (the model guesses wildly on a
headline alone); their language is left unknown (``None``) and they are kept.
"""

from __future__ import annotations

import py3langid

__all__ = ["MIN_WORDS", "SAMPLE_CHARS", "detect_language"]

MIN_WORDS = 20
SAMPLE_CHARS = 2_000
"""Only the opening is classified: enough for a stable answer, cheap on long texts."""


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or ``None`` when the text is too short."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return None
    language, _score = py3langid.classify(sample)
    return str(language)
