"""Place names per language (`data/places.yml`): a city as each language writes it.

The data files name cities in French (`location.city`); readers see the name of their
language where the file gives one, the French name otherwise.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from parapluie.errors import BuildError, validate
from parapluie.inputs.yamlfile import load_yaml
from parapluie.messages import say

PLACES_FILE = "places.yml"


class Places(BaseModel):
    """City names: French name -> {language code: name}."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cities: dict[str, dict[str, str]] = Field(default_factory=dict)

    def city(self, name: str, language: str) -> str:
        """`name` (French, as in the data) in `language`, or as it is when the file gives no other name."""
        return self.cities.get(name, {}).get(language) or name


def load_places(path: Path, language_codes: list[str]) -> Places:
    """Load `data/places.yml`; a missing file means French names everywhere; unknown language keys are errors."""
    if not path.is_file():
        return Places()
    places = validate(Places, load_yaml(path) or {}, path)
    for city, names in places.cities.items():
        for code, text in names.items():
            if code not in language_codes:
                raise BuildError(
                    path,
                    say(
                        f"code de langue inconnu {code!r} : écrivez l'un des codes de data/languages.yml "
                        f"({', '.join(language_codes)})",
                        f"unknown language key {code!r} (expected one of {', '.join(language_codes)})",
                    ),
                    f"cities.{city}",
                )
            if not text.strip():
                message = say("le nom est vide : écrivez-le, ou supprimez la ligne", "empty name")
                raise BuildError(path, message, f"cities.{city}.{code}")
    return places
