"""One folder holding every kind of good and bad input: each bad item named, the rest read."""

from __future__ import annotations

import json
from pathlib import Path

from accord.ingest import IngestProblem, read_inputs
from accord.schema.news import Article

ENGLISH = (
    "Ceasefire monitors deployed\n\n"
    "The first team of ceasefire monitors reached the front line on Sunday, and both "
    "commanders promised them free movement along the river, a spokesman for the mission said."
)
FRENCH = (
    "Les observateurs du cessez-le-feu sont arrivés dimanche sur la ligne de front, et les "
    "deux commandants leur ont promis une liberté de mouvement le long de la rivière."
)
PAGE = (
    "<html><head><title>Monitors deployed</title></head><body><article><p>The first team of "
    "monitors reached the river on Sunday and began patrols along the line of contact, the "
    "mission said in a short statement.</p></article></body></html>"
)
FEED = (
    '<rss version="2.0"><channel><title>Wire</title><item><title>Monitors</title>'
    "<description>Monitors began patrols along the river on Sunday.</description>"
    "</item></channel></rss>"
)


def test_ingest_mixed_folder_every_problem_named(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "01-good.txt": ENGLISH,
        "02-empty.txt": "",
        "03-binary.txt": b"\x7fELF\x02\x01\x01\x00\x00\x00" * 20,
        "04-french.txt": FRENCH,
        "05-records.jsonl": "\n".join(
            [json.dumps({"id": "r1", "text": ENGLISH + " Again."}), "{not json", "{}"]
        ),
        "06-page.html": PAGE,
        "07-scripts-only.html": "<html><body><script>x()</script></body></html>",
        "08-feed.rss": FEED,
        "09-no-entries.rss": '<rss version="2.0"><channel><title>x</title></channel></rss>',
        "10-copy.txt": ENGLISH,
    }
    for name, content in files.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    items = list(read_inputs([tmp_path]))

    found = [
        (Path(item.source).name, item.where, item.code)
        for item in items
        if isinstance(item, IngestProblem)
    ]
    assert found == [
        ("02-empty.txt", None, "E401"),
        ("03-binary.txt", None, "E402"),
        ("04-french.txt", None, "E412"),
        ("05-records.jsonl", "2", "E405"),
        ("05-records.jsonl", "3", "E406"),
        ("07-scripts-only.html", None, "E408"),
        ("09-no-entries.rss", None, "E410"),
        ("10-copy.txt", None, "E418"),
    ]
    titles = [item.title for item in items if isinstance(item, Article)]
    assert titles == [
        "Ceasefire monitors deployed",
        None,
        "Monitors deployed",
        "Monitors",
    ]
