"""The benchmark's own logic (devtools/bench/): medians, ratios, the JSON shape, the stage timer,
Lighthouse's flags and report. Never a timing: `make bench` measures, tests only check its arithmetic."""

from __future__ import annotations

import json

import pytest

from devtools.bench.browser import Load
from devtools.bench.buildtime import BUILD_GOAL_SECONDS, BuildTime, Stage, timed_build, timing_stages
from devtools.bench.lighthouse import Audit, audit_from_report, quoted
from devtools.bench.report import (
    CLS_GOAL,
    FLOOR_GOAL,
    Report,
    Row,
    as_json,
    format_report,
    median,
    median_load,
    ratio,
    to_floor,
    to_stock,
)
from devtools.bench.run import NEXT, PAGES, chosen_languages, page_path
from parapluie.errors import BuildError


def row(site, lang, page, fcp, kb, floor_fcp=None, requests=4, cls=None, moved=()):
    """A row with round figures: first visit `fcp` ms and `kb` thousand bytes, next page 5 kB in 1 request."""
    floor = Load(1, 6_000, floor_fcp, floor_fcp) if floor_fcp is not None else None
    first = Load(requests, kb * 1000, fcp, fcp, cls=cls, moved=moved)
    return Row(
        site,
        lang,
        page,
        page_path(lang, page),
        first,
        NEXT[page],
        page_path(lang, NEXT[page]),
        Load(1, 5_000, 2000),
        floor,
    )


def report(rows):
    build = BuildTime(["fr", "ar"], 19.5, 18.4, 30.0, [Stage("loading the inputs", 2.05, 1.9)])
    return Report(["fr", "ar"], 3, build, 4.2, rows, "2026-12-01 12:00 UTC", "abc1234", [1.0, 1.0, 1.0])


SAMPLE = [
    row("parapluie", "fr", "home", 4600, 27.0, floor_fcp=2100, cls=0.0),
    row("parapluie", "ar", "home", 2300, 19.0, floor_fcp=2200, cls=0.189, moved=("div.md-select",)),
    row("stock", "fr", "home", 5000, 105.0, requests=12),
]


def test_median_skips_what_was_not_measured():
    assert median([3, None, 1, 2]) == 2
    assert median([None, None]) is None
    loads = [
        Load(4, 100, 4000, None, moved=("p",)),
        Load(4, 300, None, None),
        Load(6, 200, 3000, 5000, moved=("h1", "p")),
    ]
    assert median_load(loads) == Load(4, 200, 3500, 5000, 0, None, ("h1", "p"))


def test_ratio_is_two_decimals_or_none():
    assert ratio(4600, 2100) == 2.19
    assert ratio(None, 2100) is None
    assert ratio(4600, None) is None
    assert ratio(4600, 0) is None


def test_ratios_to_the_floor_and_to_stocks_same_page_type():
    sample = report(SAMPLE)
    french, arabic, stock = SAMPLE
    assert to_floor(french) == 2.19
    assert to_floor(stock) is None
    assert to_stock(sample, french) == {"fcp": 0.92, "lcp": 0.92, "bytes": 0.26, "requests": 0.33}
    assert to_stock(sample, arabic)["fcp"] == 0.46  # against stock's French home: stock is French only
    assert to_stock(sample, row("parapluie", "fr", "guide", 4000, 20.0)) is None  # no stock guide measured


def test_json_shape():
    data = json.loads(json.dumps(as_json(report(SAMPLE))))
    assert set(data) == {
        "version",
        "started",
        "commit",
        "load_average",
        "conditions",
        "languages",
        "build",
        "stock_build_s",
        "precompress_s",
        "goals",
        "pages",
        "lighthouse",
        "lighthouse_note",
        "served",
    }
    assert data["goals"] == {"to_floor": FLOOR_GOAL, "cls": CLS_GOAL, "build_s": BUILD_GOAL_SECONDS}
    assert data["conditions"]["network"]["latency"] == 2000
    assert data["conditions"]["runs"] == 3
    assert data["build"]["stages"] == [{"name": "loading the inputs", "wall_s": 2.05, "cpu_s": 1.9}]
    french = data["pages"][0]
    assert french == {
        "site": "parapluie",
        "lang": "fr",
        "page": "home",
        "path": "/fr/",
        "first": {
            "requests": 4,
            "bytes": 27000.0,
            "fcp_ms": 4600,
            "lcp_ms": 4600,
            "elsewhere": 0,
            "cls": 0.0,
            "moved": [],
        },
        "floor": {
            "requests": 1,
            "bytes": 6000,
            "fcp_ms": 2100,
            "lcp_ms": 2100,
            "elsewhere": 0,
            "cls": None,
            "moved": [],
        },
        "to_floor": 2.19,
        "to_stock": {"fcp": 0.92, "lcp": 0.92, "bytes": 0.26, "requests": 0.33},
        "next": {
            "page": "guide",
            "path": "/fr/sante/",
            "requests": 1,
            "bytes": 5000,
            "fcp_ms": 2000,
            "lcp_ms": None,
            "elsewhere": 0,
            "cls": None,
            "moved": [],
        },
    }
    assert data["pages"][2]["floor"] is None and data["pages"][2]["to_stock"] is None


def test_the_table_names_the_goals_and_the_worst_page():
    text = format_report(report(SAMPLE))
    assert "(goal 12 s: 1.62× it)" in text
    assert "First paint over the floor: worst 2.19× (fr home); 1 of 2 pages within the goal of 1.15×" in text
    assert "Layout shift of a first visit: worst 0.189 (ar home); 1 of 2 pages within the goal of 0.02" in text
    assert "  moved on ar home (0.189): div.md-select" in text
    assert "Heaviest first visit 27.0 kB (fr home)" in text
    french = next(line for line in text.splitlines() if line.startswith("fr   home"))
    assert french.split()[2:11] == ["4600", "4600", "0.000", "2100", "2.19", "0.92", "27.0", "4", "0.26"]
    assert "→ guide" in french


def test_every_page_type_has_a_next_page_of_another_type():
    assert set(NEXT) == set(PAGES) == set(NEXT.values())
    assert all(NEXT[page] != page for page in PAGES)
    assert page_path("ar", "entry") == "/ar/annuaire/espace-p/"


def test_languages_follow_the_registry_order_and_unknown_codes_are_named():
    assert chosen_languages(["fr", "en", "ar"], None) == ["fr", "en", "ar"]
    assert chosen_languages(["fr", "en", "ar"], ["ar", "fr"]) == ["fr", "ar"]
    with pytest.raises(ValueError, match=r"^unknown language\(s\) xx: data/languages.yml has fr, en$"):
        chosen_languages(["fr", "en"], ["fr", "xx"])


def test_the_stage_timer_records_each_stage_and_still_turns_faults_into_build_errors():
    stages: list[Stage] = []
    timed = timing_stages(stages)
    with timed("staging", "parapluie/staging"):
        pass
    fault = pytest.raises(BuildError, match=r"^parapluie/render: rendering stopped: KeyError: 'x'")
    with fault, timed("rendering", "parapluie/render"):
        raise KeyError("x")
    assert [stage.name for stage in stages] == ["staging"]
    assert stages[0].wall_s >= 0 and stages[0].cpu_s >= 0


def test_lighthouse_flags_quote_values_with_spaces_and_its_report_is_read():
    assert quoted("--no-sandbox") == "--no-sandbox"
    assert quoted("--host-resolver-rules=MAP * ~NOTFOUND") == '--host-resolver-rules="MAP * ~NOTFOUND"'
    lighthouse_report = {
        "categories": {"performance": {"score": 0.99}},
        "audits": {
            "cumulative-layout-shift": {"numericValue": 0.00081},
            "first-contentful-paint": {"numericValue": 865.4},
            "largest-contentful-paint": {"numericValue": 1143.2},
        },
    }
    assert audit_from_report("fr", "home", lighthouse_report) == Audit("fr", "home", 0.99, 0.0008, 865, 1143)
    assert audit_from_report("fr", "home", {}) == Audit("fr", "home", None, None, None, None)


def test_a_timed_build_that_fails_says_why_in_the_builds_own_words(tmp_path):
    message = r"^the timed build failed:\nBuild failed: data/languages.yml: file not found$"
    with pytest.raises(RuntimeError, match=message):
        timed_build(tmp_path, tmp_path / "site")


def test_a_build_without_stage_times_says_why():
    text = format_report(Report(["fr"], 1, BuildTime(["fr"], 3.0, 2.5, 2.0), 1.0, SAMPLE))
    assert "(no stage times: parapluie/build.py no longer looks `stage_boundary` up in its own module)" in text


def test_served_weights_against_the_goals_in_the_table_and_the_json():
    from dataclasses import replace

    from devtools.bench.report import Served

    served = {
        ("fr", "home"): Served(19_500, 7_400, 4, 22_000, 8_600),
        ("fr", "directory"): Served(21_000, 8_900, 5, 24_000, 10_100),
        ("ar", "home"): Served(20_000, 8_000, 4, 23_000, 9_000),
        ("ar", "directory"): Served(20_001, 8_001, 5, 23_500, 9_400),
    }
    measured = replace(report(SAMPLE), served=served)
    text = format_report(measured)
    assert "fr      19,500 / 7,400 [22,000 / 8,600]   21,000 / 8,900 [24,000 / 10,100]" in text
    assert (
        "2 of 4 first visits within 20 kB; 2 of 4 pages within 8 kB as a next page (brotli); "
        "a first visit makes at most 5 requests"
    ) in text
    data = as_json(measured)["served"]
    assert data[1] == {
        "lang": "fr",
        "page": "directory",
        "first_visit_bytes": 21_000,
        "page_bytes": 8_900,
        "requests": 5,
        "gzip_first_visit_bytes": 24_000,
        "gzip_page_bytes": 10_100,
    }
