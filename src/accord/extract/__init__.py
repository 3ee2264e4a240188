"""Article → Extraction: parties, actors, issues, stances, meetings, events, status, sources.

``Extractor().extract(article)`` or ``Extractor().pipe(articles)``; see docs/extraction.md.
"""

from accord.extract.pipeline import NAME_VERSION, Extractor

__all__ = ["NAME_VERSION", "Extractor"]
