"""Verifying in several worker processes finds the same problems, in the same order, as in one."""

from __future__ import annotations

from pathlib import Path

from parapluie.verify.site import output_problems
from parapluie.verify.weight import NEXT_PAGE_MAX_BYTES
from parapluie.workers import split

PAGE = '<html><head><meta charset="utf-8"></head><body>{body}</body></html>'


def small_site(root: Path) -> Path:
    """A site of two languages whose pages leak, link nowhere and weigh too much, here and there."""
    for code in ("fr", "ro"):
        for index in range(7):
            folder = root / code / f"page-{index}"
            folder.mkdir(parents=True)
            body = f'<a href="../page-{index + 1}/">next</a>'
            if index != 3:
                body += f'<img src="https://x.org/{code}-{index}.png">'
            else:  # a page that loads nothing from elsewhere, over the budget
                body += "".join(f"<p>{number:x}{number * 7919 % 104729:x}</p>" for number in range(NEXT_PAGE_MAX_BYTES))
            (folder / "index.html").write_text(PAGE.format(body=body), encoding="utf-8")
        (root / code / "style.css").write_text("@import 'https://x.org/a.css';", encoding="utf-8")
    return root


def test_problems_come_back_in_the_order_of_one_process(tmp_path):
    site = small_site(tmp_path)
    alone = output_problems(site, "/", (), ["fr", "ro"], jobs=1)
    shared = output_problems(site, "/", (), ["fr", "ro"], jobs=3)
    assert shared == alone
    problems, overweight = alone
    assert "fr/page-0/index.html: <img src='https://x.org/fr-0.png'> loads from another origin" in problems
    assert "ro/page-6/index.html: link '../page-7/' leads nowhere" in problems
    assert problems.index("ro/style.css: stylesheet loads https://x.org/a.css") < problems.index(
        "fr/page-6/index.html: link '../page-7/' leads nowhere"
    )
    assert [line.split(":")[0] for line in overweight] == ["fr/page-3/index.html", "ro/page-3/index.html"]


def test_split_keeps_every_item_once_in_order():
    assert split([1, 2, 3, 4, 5], 3) == [[1, 2], [3, 4], [5]]
    assert split([1], 3) == [[1], [], []]
    assert split([], 2) == [[], []]
