"""The controlled vocabulary of the directory (`data/categories.yml`): categories and reader needs."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from parapluie.errors import BuildError, validate
from parapluie.inputs.yamlfile import load_yaml
from parapluie.messages import say

# The one slug pattern: category and need ids, and directory entry file names (load.py).
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG = SLUG_PATTERN


class Category(BaseModel):
    """One kind of help a service gives."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=SLUG)
    label: str = Field(min_length=1)
    description: str = Field(min_length=1)


class Need(BaseModel):
    """A question a reader comes with, answered by one or more categories."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=SLUG)
    label: str = Field(min_length=1)
    categories: list[str] = Field(min_length=1)


class Categories(BaseModel):
    """The whole file: categories in display order, then the reader needs that group them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    categories: list[Category] = Field(min_length=1)
    needs: list[Need] = Field(min_length=1)

    @property
    def ids(self) -> list[str]:
        """Category ids in file order."""
        return [category.id for category in self.categories]

    def get(self, category_id: str) -> Category:
        """The category with this id; KeyError otherwise."""
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(f"unknown category {category_id!r}")


def load_categories(path: Path) -> Categories:
    """Load and validate `data/categories.yml`; ids are unique and needs refer to known categories."""
    data = load_yaml(path)
    vocabulary = validate(Categories, data, path)
    for kind, items in (("categories", vocabulary.categories), ("needs", vocabulary.needs)):
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item.id in seen:
                message = say(
                    f"l'identifiant {item.id!r} est écrit deux fois : chaque id est unique, renommez l'un des deux",
                    f"duplicate id {item.id!r}",
                )
                raise BuildError(path, message, f"{kind}.{index}.id")
            seen.add(item.id)
    for index, need in enumerate(vocabulary.needs):
        for position, category_id in enumerate(need.categories):
            if category_id not in vocabulary.ids:
                message = say(
                    f"catégorie inconnue {category_id!r} : écrivez l'id d'une catégorie de la liste categories "
                    f"de ce fichier ({', '.join(vocabulary.ids)})",
                    f"unknown category {category_id!r}",
                )
                raise BuildError(path, message, f"needs.{index}.categories.{position}")
    return vocabulary
