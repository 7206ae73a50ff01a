"""Writing rules per language, as data: the script a language is written in, its letters, its words.

Two sources, each one file:
- the registry (`data/languages.yml`): each language's `script` rule (`letters`: latin, cyrillic or
  arabic; `required`: letters a page of that language always contains, such as Romanian ș ț;
  `wrong`: look-alikes never to write, each with the right letter, such as ş → ș);
- the language's glossary (`translations/<locale>/glossary.yml`): the words every page and entry
  of that language uses, and the forms to `avoid` (a stigmatising word, a loose paraphrase of a
  legal term).

`text_problems` applies both to one text; `language_problems` to every page, directory text and
catalog string of one language, each problem naming the file and the line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from babel.messages.pofile import read_po
from pydantic import BaseModel, ConfigDict, Field, field_validator

from parapluie.errors import validate
from parapluie.inputs.yamlfile import load_yaml, read_text

Letters = Literal["latin", "cyrillic", "arabic"]
# A text of a language written in another script must still be mostly in its own script: names
# of services, addresses and URLs stay in Latin letters (Espace P…, Sida Sol).
MIN_SCRIPT_SHARE = 0.5
# Texts shorter than this (in letters) are too short to judge the share of a script (a name with
# a short gloss, «Écoute violences conjugales (линия при домашно насилие)», is mostly Latin).
MIN_LETTERS_FOR_SHARE = 100
# `required` letters are checked on pages only (a short label may lack them).
GLOSSARY_FILE = "glossary.yml"
# HTML tags (a tool's <input id="…" name="…">) are markup, not text: their letters are not counted.
LINK_TARGET = re.compile(r"\]\([^)]*\)|https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+|\{\s*#[^}]*\}|<[^<>\n]*>")
WORD = re.compile(r"\w+")
LOOK_ALIKE_SCRIPTS = {"latin", "cyrillic", "greek"}


class ScriptRule(BaseModel):
    """How a language's text looks: its letters, the ones it always has, the look-alikes it never has."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    letters: Letters
    required: str = Field(default="", description="Letters every page of the language contains (any one of them).")
    wrong: dict[str, str] = Field(default={}, description="Look-alike letter → the right letter.")

    @field_validator("wrong")
    @classmethod
    def _single_letters(cls, value: dict[str, str]) -> dict[str, str]:
        for wrong, right in value.items():
            if len(wrong) != 1 or len(right) != 1:
                raise ValueError(f"write one letter on each side ({wrong!r}: {right!r})")
        return value


class GlossaryTerm(BaseModel):
    """One word of the glossary: the French term, the form to use, the forms to avoid."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fr: str = Field(min_length=1)
    use: str = Field(min_length=1)
    avoid: list[str] = []
    note: str | None = None


class Glossary(BaseModel):
    """A language's glossary file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    terms: list[GlossaryTerm] = []


def load_glossary(path: Path) -> Glossary:
    """The glossary at `path`, or an empty one when the language has none yet."""
    if not path.is_file():
        return Glossary()
    return validate(Glossary, load_yaml(path) or {}, path)


@lru_cache(maxsize=65536)
def letter_script(char: str) -> str | None:
    """The script of a letter (latin, cyrillic, arabic, greek…), or None for a non-letter.

    Cached: every text of every language is read letter by letter, and a language uses few letters.
    """
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0].lower() if name else None


def _plain(text: str) -> str:
    """The text without link targets, URLs, e-mail addresses, heading ids and HTML tags."""
    return LINK_TARGET.sub(" ", text)


def text_problems(text: str, rule: ScriptRule, glossary: Glossary, page: bool = False) -> list[str]:
    """What breaks the language's script rule or glossary in `text` (one problem per finding).

    `page=True` also asks for the rule's `required` letters (checked on whole pages only).
    """
    plain = _plain(text)
    problems = [f"«{wrong}» is a look-alike: write «{right}»" for wrong, right in rule.wrong.items() if wrong in plain]
    for word in sorted(set(WORD.findall(plain))):
        # Latin, Cyrillic and Greek letters look alike: one of them inside a word of another is a
        # homoglyph. (An Arabic particle joined to a Latin name, «وPrEP», is ordinary Arabic.)
        scripts = {letter_script(char) for char in word} & LOOK_ALIKE_SCRIPTS
        if len(scripts) > 1:
            problems.append(f"«{word}» mixes letters of several scripts ({', '.join(sorted(scripts))})")
    letters = [script for script in map(letter_script, plain) if script]
    if len(letters) >= MIN_LETTERS_FOR_SHARE and letters.count(rule.letters) / len(letters) < MIN_SCRIPT_SHARE:
        share = letters.count(rule.letters) / len(letters)
        problems.append(f"only {share:.0%} of the letters are {rule.letters}: is this text in another language?")
    if page and rule.required and not any(char in plain for char in rule.required):
        problems.append(f"none of the letters {' '.join(rule.required)} appears: were they typed without accents?")
    folded = plain.casefold()
    for term in glossary.terms:
        for avoided in term.avoid:
            if avoided.casefold() in folded:
                problems.append(f"«{avoided}» is in the glossary's avoid list: write «{term.use}» ({term.fr})")
    return problems


@dataclass(frozen=True)
class Text:
    """One text of a language, and where it is (file and line) for messages."""

    file: Path
    line: int
    text: str
    page: bool = False


def page_texts(docs: Path) -> list[Text]:
    """Every Markdown page of one language's docs folder, as one text each."""
    return [Text(path, 1, read_text(path), page=True) for path in sorted(docs.rglob("*.md"))]


def data_texts(files: list[Path], code: str) -> list[Text]:
    """The `code` texts of multilingual fields (`description: {fr: …, ro: …}`) in YAML data files."""
    found = [
        Text(path, line, value) for path in files for key, line, value in _keyed_scalars(read_text(path)) if key == code
    ]
    return sorted(found, key=lambda text: (str(text.file), text.line))


@lru_cache(maxsize=1024)
def _keyed_scalars(text: str) -> tuple[tuple[object, int, str], ...]:
    """Every `key: scalar` pair of a YAML text as (key, line, value), in the order of a depth-first walk.

    Cached by the text: the build checks every language against the same data files, and parsing
    each file once instead of once per language is most of the writing check's time.
    """
    found = []
    root = yaml.compose(text)
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(value, yaml.ScalarNode):
                    found.append((key.value, value.start_mark.line + 1, value.value))
                else:
                    stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return tuple(found)


def catalog_texts(po_file: Path) -> list[Text]:
    """Every translated string of a gettext catalog."""
    if not po_file.is_file():
        return []
    with po_file.open("rb") as handle:
        catalog = read_po(handle)
    texts = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        texts.extend(Text(po_file, message.lineno, string) for string in strings if string)
    return texts


def language_problems(texts: list[Text], rule: ScriptRule, glossary: Glossary, root: Path) -> list[str]:
    """Every writing problem of a language's texts, as `file, line N: problem` (file relative to `root`)."""
    problems = []
    for text in texts:
        for problem in text_problems(text.text, rule, glossary, page=text.page):
            line = text.line
            if text.page:
                line = _line_of(text.text, problem) or 1
            problems.append(f"{text.file.relative_to(root)}, line {line}: {problem}")
    return problems


def _line_of(text: str, problem: str) -> int | None:
    """The first line of `text` holding the «quoted» part of `problem`, if any."""
    quoted = re.search(r"«([^»]+)»", problem)
    if not quoted:
        return None
    needle = quoted.group(1).casefold()
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line.casefold():
            return number
    return None
