"""Build ``src/accord/data/people.tsv`` (public figure → country) from the Phoenix
country-actors dictionary (Open Event Data, MIT licence; notice in
``src/accord/data/cameo-NOTICE.txt``).

Usage: python scripts/build_people_gazetteer.py ../shared/reference/data/cameo-dictionaries
Only multi-word personal names are kept (surnames alone are too ambiguous to ship), each
mapped to the ISO 3166 alpha-3 prefix of its most recent code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

STATES = Path(__file__).resolve().parents[1] / "src" / "accord" / "data" / "states.tsv"
OUT = STATES.with_name("people.tsv")
CODE = re.compile(r"\[([A-Z]{3})([A-Z]{3,})")
TITLES = ("PRESIDENT_", "PRIME_MINISTER_", "KING_", "GENERAL_", "DR._", "SHEIKH_")


def _name(raw: str) -> str | None:
    text = raw.split("#")[0].strip().lstrip("+").strip().rstrip("_")
    if not text or any(text.startswith(t) for t in TITLES) or "!" in text:
        return None
    words = [w for w in text.split("_") if w]
    if len(words) < 2:
        return None
    return " ".join(w.capitalize() if w.isupper() else w for w in words).lower()


def main(folder: str) -> None:
    codes = {
        line.split("\t")[0]
        for line in STATES.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    table: dict[str, str] = {}
    names: list[str] = []
    for line in (
        (Path(folder) / "Phoenix.Countries.actors.txt")
        .read_text(encoding="utf-8", errors="replace")
        .splitlines()
    ):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t" or line.lstrip().startswith("["):
            found = CODE.findall(line)
            for country, _sector in found:
                for name in names:
                    if country in codes:
                        table[name] = country
            continue
        if not line.startswith("+"):
            names = []
        name = _name(line)
        if name:
            names.append(name)
    header = (
        "# Public figures (multi-word names, lower case) → ISO 3166 alpha-3, built by\n"
        "# scripts/build_people_gazetteer.py from Phoenix.Countries.actors.txt\n"
        "# (Open Event Data, MIT licence, see cameo-NOTICE.txt).\n"
    )
    body = "".join(f"{n}\t{c}\n" for n, c in sorted(table.items()))
    OUT.write_text(header + body, encoding="utf-8")
    print(f"{len(table)} names → {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
