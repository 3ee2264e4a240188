"""Near-duplicate detection: MinHash signatures (datasketch) and LSH band keys.

Two articles whose word-trigram sets have an estimated Jaccard similarity of at least
:data:`THRESHOLD` are copies of one story (a wire report reprinted with a new headline
or a trimmed ending). Candidates are found through shared LSH bands stored in the
database, so every process sees the same candidates, and verified on the signatures.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

__all__ = ["BANDS", "THRESHOLD", "band_keys", "signature", "similarity"]

NUM_PERM = 128
BANDS = 16  # 16 bands of 8 rows: pairs at Jaccard 0.8 share a band with probability > 0.99
ROWS = NUM_PERM // BANDS
SEED = 1
#: datasketch permutation scheme; stored signatures are only comparable within one scheme.
SCHEME = "affine32"
_DTYPE = np.uint32
THRESHOLD = 0.7
_WORD = re.compile(r"\w+")


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < 3:
        return {w.encode("utf-8") for w in words}
    return {" ".join(words[k : k + 3]).encode("utf-8") for k in range(len(words) - 2)}


def signature(text: str) -> bytes:
    """The MinHash signature of ``text`` as bytes (empty when the text has no words)."""
    shingles = _shingles(text)
    if not shingles:
        return b""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(sorted(shingles))
    return np.asarray(minhash.hashvalues, dtype=_DTYPE).tobytes()


def band_keys(sig: bytes) -> list[str]:
    """One key per LSH band; articles sharing any key are duplicate candidates."""
    if not sig:
        return []
    values = np.frombuffer(sig, dtype=_DTYPE)
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        keys.append(f"{band:02d}:{hashlib.sha1(chunk).hexdigest()[:24]}")
    return keys


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the texts behind two signatures."""
    if not a or not b:
        return 0.0
    left, right = (
        MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=np.frombuffer(x, _DTYPE))
        for x in (a, b)
    )
    return float(left.jaccard(right))
