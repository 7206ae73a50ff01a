"""Writing rules as data: each language's script rule (registry) and glossary catch what they name."""

from __future__ import annotations

from pathlib import Path

import pytest

from parapluie.errors import BuildError
from parapluie.i18n.writing import (
    Glossary,
    GlossaryTerm,
    ScriptRule,
    Text,
    data_texts,
    language_problems,
    load_glossary,
    text_problems,
)
from parapluie.inputs.languages import load_registry

ROOT = Path(__file__).resolve().parents[2]
NO_GLOSSARY = Glossary()
# A sentence in another script than the language's own (twice: long enough to judge, 100+ letters).
OTHER_SCRIPT = {
    "latin": "Това е изречение на български език, написано на кирилица изцяло.",
    "cyrillic": "This is a sentence written entirely in Latin letters, not Cyrillic.",
    "arabic": "This is a sentence written entirely in Latin letters, not Arabic.",
}
OWN_SCRIPT_SAMPLE = {"latin": "a", "cyrillic": "д", "arabic": "ب"}
LANGUAGES = load_registry(ROOT / "data" / "languages.yml").languages


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_every_language_rule_catches_what_it_names(language):
    """One test for every language in the registry: its own rule, applied to texts that break it."""
    rule = language.script
    own = OWN_SCRIPT_SAMPLE[rule.letters] * 3
    for wrong, right in rule.wrong.items():
        assert f"«{wrong}» is a look-alike: write «{right}»" in text_problems(f"{own}{wrong}{own}", rule, NO_GLOSSARY)
    assert any(
        problem.startswith("only 0% of the letters")
        for problem in text_problems(OTHER_SCRIPT[rule.letters] * 2, rule, NO_GLOSSARY)
    )
    page = f"{own} " * 50
    page_problems = text_problems(page, rule, NO_GLOSSARY, page=True)
    if rule.required:
        assert page_problems == [
            f"none of the letters {' '.join(rule.required)} appears: were they typed without accents?"
        ]
        assert text_problems(page + rule.required[0], rule, NO_GLOSSARY, page=True) == []
    else:
        assert page_problems == []


def test_romanian_cedilla_is_refused_with_the_comma_below_letter():
    rule = ScriptRule(letters="latin", required="ăâîșț", wrong={"ş": "ș", "ţ": "ț"})
    assert text_problems("Aceasta este o frază corectă, cu ș și ț.", rule, NO_GLOSSARY, page=True) == []
    assert text_problems("Aşa, şi ţara.", rule, NO_GLOSSARY) == [
        "«ş» is a look-alike: write «ș»",
        "«ţ» is a look-alike: write «ț»",
    ]


def test_a_word_mixing_scripts_is_a_homoglyph():
    # "România" with a Cyrillic "о" (U+043E) in place of the Latin one.
    problems = text_problems("R\u043emânia", ScriptRule(letters="latin"), NO_GLOSSARY)
    assert problems == ["«R\u043emânia» mixes letters of several scripts (cyrillic, latin)"]
    # An Arabic particle joined to a Latin name is ordinary Arabic, not a look-alike.
    assert text_problems("الفحص وPrEP مجانيان في هذا المركز", ScriptRule(letters="arabic"), NO_GLOSSARY) == []


def test_urls_and_link_targets_are_not_text():
    rule = ScriptRule(letters="cyrillic")
    text = "Вижте [сайта](https://www.example.org/some/long/english/path) или пишете на name@example.org."
    assert text_problems(text, rule, NO_GLOSSARY) == []


def test_html_tags_of_a_tool_are_not_text():
    rule = ScriptRule(letters="arabic")
    tag = '<label class="parapluie-tool__choice"><input type="checkbox" name="photo-mark-date" autocomplete="off">'
    text = "\n".join(f"{tag} إضافة تاريخ اليوم</label>" for _ in range(10))
    assert text_problems(text, rule, NO_GLOSSARY) == []
    assert text_problems(text.replace("<", "").replace(">", ""), rule, NO_GLOSSARY)[0].startswith("only ")


def test_glossary_avoid_list_names_the_form_to_use():
    glossary = Glossary(
        terms=[GlossaryTerm(fr="travailleuse du sexe", use="lucrătoare sexuală", avoid=["prostituată"])]
    )
    problems = text_problems("O Prostituată are drepturi.", ScriptRule(letters="latin"), glossary)
    assert problems == [
        "«prostituată» is in the glossary's avoid list: write «lucrătoare sexuală» (travailleuse du sexe)"
    ]


def test_problems_name_the_file_and_line(tmp_path):
    page = tmp_path / "docs" / "ro" / "sante.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: Sănătate\n---\n\nPrima linie.\nAici e un ş greşit.\n", encoding="utf-8")
    rule = ScriptRule(letters="latin", wrong={"ş": "ș"})
    texts = [Text(page, 1, page.read_text(encoding="utf-8"), page=True)]
    assert language_problems(texts, rule, NO_GLOSSARY, tmp_path) == [
        "docs/ro/sante.md, line 6: «ş» is a look-alike: write «ș»"
    ]


def test_data_texts_are_found_with_their_line(tmp_path):
    entry = tmp_path / "entry.yml"
    entry.write_text(
        "name:\n  fr: Service\n  ro: Serviciu\nhours_note:\n  fr: Le lundi.\n  ro: Lunea.\n", encoding="utf-8"
    )
    found = data_texts([entry], "ro")
    assert [(text.line, text.text) for text in found] == [(3, "Serviciu"), (6, "Lunea.")]


def test_a_glossary_with_an_unknown_key_is_refused(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("terms:\n  - fr: TDS\n    use: sex worker\n    avoids: [prostitute]\n", encoding="utf-8")
    with pytest.raises(BuildError) as error:
        load_glossary(path)
    assert str(error.value) == f"{path}: terms.0.avoids: unknown key (check its spelling, or remove it)"
    assert load_glossary(tmp_path / "missing.yml") == Glossary()
