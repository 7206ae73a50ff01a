"""Content checks on French pages: dates, tap-to-call numbers, sentence length."""

from __future__ import annotations

import datetime as dt

import pytest

from parapluie.inputs.content_checks import (
    MAX_MEAN_SENTENCE_WORDS,
    date_problems,
    date_warnings,
    page_problems,
    sentence_stats,
    sentences,
    tel_link_problems,
    unlinked_number_problems,
)
from parapluie.inputs.frontmatter import SourcePageMeta

TODAY = dt.date(2026, 11, 29)


def meta(**changes) -> SourcePageMeta:
    values = {"title": "T", "description": "D", "reviewed": "2026-11-01", "sources": ["https://example.org"]}
    return SourcePageMeta.model_validate(values | changes)


def test_good_dates_pass():
    assert date_problems(meta(review_by="2027-05-01", valid_until="2027-01-01"), TODAY) == []


def test_pages_falling_due_within_60_days_are_announced_with_their_date():
    assert date_warnings(meta(review_by="2027-01-28", valid_until="2027-05-01"), TODAY) == [
        "review_by: due for review on 2027-01-28 (in 60 days): the build refuses the page after that date; "
        "check its facts, then update review_by"
    ]
    assert date_warnings(meta(valid_until="2026-12-01"), TODAY) == [
        "valid_until: no longer valid on 2026-12-01 (in 2 days): the build refuses the page after that date; "
        "check its facts, then update valid_until"
    ]
    assert date_warnings(meta(review_by="2027-01-29"), TODAY) == []  # 61 days ahead: not yet


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"reviewed": "2026-12-01"}, "reviewed: 2026-12-01 is in the future"),
        ({"review_by": "2026-11-28"}, "review_by: the page was due for review on 2026-11-28"),
        ({"valid_until": "2026-01-31"}, "valid_until: the page stopped being valid on 2026-01-31"),
    ],
)
def test_date_problems(changes, problem):
    problems = date_problems(meta(**changes), TODAY)
    assert len(problems) == 1 and problems[0].startswith(problem)


@pytest.mark.parametrize(
    "body",
    [
        "Appelez le [112](tel:112).",
        "IEFH : [0800/12 800](tel:+3280012800).",
        "Child Focus : [116 000](tel:116000).",
        "UTSOPI : [0485 62 08 41](tel:+32485620841).",
        "Antipoisons : [070 245 245](tel:+3270245245).",
    ],
)
def test_good_tel_links(body):
    assert tel_link_problems(body) == []
    assert unlinked_number_problems(body) == []


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("[0800/12 800](tel:+3280012801)", "the text shows other digits than the link calls"),
        ("[0800 00](tel:+328000)", "not a valid phone number"),
        ("[112](tel:abc)", "not a valid phone number"),
    ],
)
def test_bad_tel_links(body, problem):
    assert [p.split(": ", 1)[1] for p in tel_link_problems(body)] == [problem]


@pytest.mark.parametrize(
    ("body", "number"),
    [
        ("Appelez le 0800/12 800 pour de l'aide.", "0800/12 800"),
        ("Urgence : appelez le 112.", "112"),
        ("Child Focus répond au 116 000, jour et nuit.", "116 000"),
        ("Le numéro 0485 62 08 41 est celui d'UTSOPI.", "0485 62 08 41"),
    ],
)
def test_numbers_without_links_are_found(body, number):
    assert unlinked_number_problems(body) == [
        f"{number}: phone number without a tap-to-call link (write [{number}](tel:…))"
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Siège : 116 rue des Plantes, 1030 Bruxelles.",
        "Loi du 21 mars 2022, en vigueur le 1er juin 2022. Articles 417/9 et 417/10.",
        "Écrivez à [116000@childfocus.org](mailto:116000@childfocus.org).",
        "En 2019, 1 076 TDS suivis et 2 779 consultations ; 35 % en bar ; 100 % gratuit.",
    ],
)
def test_addresses_dates_articles_and_figures_are_not_phone_numbers(body):
    assert unlinked_number_problems(body) == []


def test_sentences_split_paragraphs_and_list_items():
    body = (
        '!!! abstract "En bref"\n\n    - Un point\n    - Deux points.\n\nUne phrase. **Une autre** ici !\n\n| a | b |\n'
    )
    assert sentences(body) == ["Un point", "Deux points.", "Une phrase.", "**Une autre** ici !"]


def test_long_sentences_fail_and_short_pass():
    short = "Allez au centre. Il est gratuit. " * 5
    long = " ".join(["Ceci est une phrase beaucoup trop longue pour un lecteur pressé"] * 3) + ". "
    assert sentence_stats(short).mean_words < MAX_MEAN_SENTENCE_WORDS
    assert page_problems(meta(), short, TODAY) == []
    problems = page_problems(meta(), long * 3, TODAY)
    assert problems == [f"sentences average 33.0 words (keep under {MAX_MEAN_SENTENCE_WORDS})"]
