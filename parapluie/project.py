"""Where a project's inputs live, relative to its root folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parapluie.errors import BuildError
from parapluie.inputs.languages import SOURCE_LANGUAGE
from parapluie.inputs.yamlfile import load_yaml


@dataclass(frozen=True)
class Project:
    """A Parapluie source tree: the real repository, or a copy of it in a test."""

    root: Path

    @property
    def docs(self) -> Path:
        """Markdown content, one folder per language code."""
        return self.root / "docs"

    @property
    def source_docs(self) -> Path:
        """The French (source) pages."""
        return self.docs / SOURCE_LANGUAGE

    @property
    def mkdocs_yml(self) -> Path:
        """The base MkDocs configuration shared by every language."""
        return self.root / "mkdocs.yml"

    @property
    def data(self) -> Path:
        """Structured data: the registry, categories and the service directory."""
        return self.root / "data"

    @property
    def registry_file(self) -> Path:
        """The language registry."""
        return self.data / "languages.yml"

    @property
    def overrides(self) -> Path:
        """Material theme overrides (custom_dir)."""
        return self.root / "overrides"

    @property
    def translations(self) -> Path:
        """gettext catalogs: messages.pot and <babel locale>/LC_MESSAGES/messages.po."""
        return self.root / "translations"

    def relative(self, path: Path) -> str:
        """A path as shown in messages: relative to the project root when inside it."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def base_config(self) -> dict:
        """The base MkDocs config as a mapping (plain YAML: no Python tags)."""
        config = load_yaml(self.mkdocs_yml)
        if not isinstance(config, dict):
            raise BuildError(self.relative(self.mkdocs_yml), "expected a mapping of settings")
        return config

    def nav_pages(self, config: dict) -> list[str]:
        """The page paths listed in the nav, in order: a flat list of .md paths."""
        nav = config.get("nav")
        where = self.relative(self.mkdocs_yml)
        if not isinstance(nav, list) or not nav:
            raise BuildError(where, "expected a list of page paths", field="nav")
        for index, entry in enumerate(nav):
            if not isinstance(entry, str) or not entry.endswith(".md"):
                raise BuildError(where, f"expected a page path ending in .md, got {entry!r}", field=f"nav.{index}")
        return list(nav)
