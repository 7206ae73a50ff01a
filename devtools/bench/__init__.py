"""A benchmark, not a test (`make bench`): Parapluie's pages on a phone on slow 3G, against the
one-round-trip floor and against a stock mkdocs-material build of the same French pages, and the
build's own time. It prints numbers and judges nothing; timings never go in a test.

- buildtime.py: every language built in a process of its own, timed per stage (issue #17);
- stock.py: the stock Material comparison site;
- browser.py: page views in Chromium (first visit, floor, next page) and what each cost;
- lighthouse.py: Lighthouse mobile, optional (CLS, performance score);
- report.py: the table and the JSON; run.py: one whole run.

Nothing is imported here: the timed build runs `python -m devtools.bench.buildtime` and should
load only what the build loads.
"""
