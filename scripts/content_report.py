"""Report on the French pages: sentence length (worst pages first) and any content problem.

Usage: python scripts/content_report.py

Exits 1 when a page has a problem the build would refuse (dates, phone links, long sentences).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parapluie.inputs.content_checks import MAX_MEAN_SENTENCE_WORDS, check_source_pages, sentence_stats  # noqa: E402
from parapluie.inputs.frontmatter import read_source_page  # noqa: E402
from parapluie.inputs.load import written_pages  # noqa: E402
from parapluie.project import Project  # noqa: E402


def main() -> int:
    """Print the table and the problems."""
    project = Project(ROOT)
    pages = written_pages(project)
    content = {page: read_source_page(project.docs / "fr" / page) for page in pages}
    stats = {page: sentence_stats(body) for page, (_, body) in content.items()}
    print(f"Words per sentence (the build refuses a page averaging {MAX_MEAN_SENTENCE_WORDS} or more)\n")
    print(f"{'page':<28} {'sentences':>9} {'mean':>6} {'longest':>8}")
    for page, stat in sorted(stats.items(), key=lambda item: item[1].mean_words, reverse=True):
        print(f"{page:<28} {stat.sentences:>9} {stat.mean_words:>6.1f} {stat.longest_words:>8}")
    worst = max(stats.items(), key=lambda item: item[1].longest_words)
    print(f"\nLongest sentence ({worst[0]}): {worst[1].longest}")
    problems = check_source_pages(content, dt.date.today())
    print("\n" + ("\n".join(problems) if problems else "No content problem."))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
