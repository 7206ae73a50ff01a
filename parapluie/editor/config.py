"""The editor's `config.yml`, generated from the project's own models and registries.

The services' form comes from the JSON Schema of `ServiceEntry` (the model the build validates
with), the pages' forms from the front-matter models, the select lists from
`data/categories.yml`, the language registry and Babel's ISO 639-1 list, the short links from
`data/shortlinks.yml` and the nav. So a field added to a model shows up in the form, and the
form never offers a value the build refuses (the build still checks everything).

Where the editor saves comes from `extra.editor` in `mkdocs.yml` (see DEPLOY.md):

    extra:
      editor:
        backend: gitlab            # or github
        repo: association/parapluie
        branch: main
        app_id: 0123abcd…          # GitLab: the OAuth application's id (PKCE, no auth server)
        base_url: https://gitlab.com
"""

from __future__ import annotations

from typing import Any, Literal

import babel
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from parapluie.directory import load_categories
from parapluie.directory.models import CATEGORY_MARKER, ISO_639_1, KNOWN_LANGUAGES, LANGUAGE_MAP_MARKER, ServiceEntry
from parapluie.editor import labels
from parapluie.errors import BuildError
from parapluie.inputs.frontmatter import SourcePageMeta, TranslatedPageMeta
from parapluie.inputs.languages import SOURCE_LANGUAGE, Registry, load_registry
from parapluie.inputs.yamlfile import load_yaml
from parapluie.outreach.shortlinks import SHORTLINKS_FILE
from parapluie.project import Project

LOCAL_BACKEND_PORT = 8081
# Fields whose text runs over several lines get a text area.
LONG_TEXT = {"description", "stale_reason", "source_notes", "body"}


class EditorSettings(BaseModel):
    """`extra.editor` in mkdocs.yml: where the editor reads and saves."""

    model_config = ConfigDict(extra="forbid")

    backend: Literal["github", "gitlab"] = "github"
    repo: str = Field(default="", pattern=r"^$|^[\w.-]+(/[\w.-]+)+$")
    branch: str = Field(default="main", min_length=1)
    app_id: str | None = None
    base_url: str | None = Field(default=None, pattern=r"^https://")
    auth_endpoint: str | None = None

    @property
    def configured(self) -> bool:
        """True when a repository is set (otherwise only the local backend works)."""
        return bool(self.repo)

    def api_origins(self) -> list[str]:
        """The origins the editor talks to for this backend (for the admin folder's CSP)."""
        if self.backend == "gitlab":
            return [(self.base_url or "https://gitlab.com").rstrip("/")]
        origins = ["https://api.github.com"]
        return [*origins, self.base_url.rstrip("/")] if self.base_url else origins

    def image_origins(self) -> list[str]:
        """Where the signed-in user's avatar comes from."""
        if self.backend == "gitlab":
            return [*self.api_origins(), "https://secure.gravatar.com"]
        return ["https://avatars.githubusercontent.com"]


def editor_settings(base: dict, where: str = "mkdocs.yml") -> EditorSettings:
    """Read `extra.editor` from the base config; a mistake names the key."""
    raw = (base.get("extra") or {}).get("editor") or {}
    try:
        return EditorSettings.model_validate(raw)
    except ValidationError as error:
        item = error.errors()[0]
        field = "extra.editor." + ".".join(str(part) for part in item["loc"])
        raise BuildError(where, item["msg"], field) from None


def _label(table: dict[str, tuple[str, str]], path: str, name: str) -> tuple[str, str]:
    return table.get(path, (name, ""))


def _option(value: Any) -> dict[str, Any]:
    return {"label": labels.VALUE_LABELS.get(str(value), str(value)), "value": value}


class _Converter:
    """Turns a model's JSON Schema into Decap fields, with the registries' select lists."""

    def __init__(self, table: dict[str, tuple[str, str]], defs: dict, registry: Registry, categories) -> None:
        self.table = table
        self.defs = defs
        self.registry = registry
        self.categories = categories

    def fields(self, schema: dict, prefix: str = "", optional: bool = False) -> list[dict]:
        """The Decap fields of an object's properties; inside an `optional` object none is required
        (Decap would otherwise insist on them when the object is left empty; the build still checks)."""
        required = set() if optional else set(schema.get("required", []))
        return [
            self.field(name, node, f"{prefix}{name}", name in required)
            for name, node in schema.get("properties", {}).items()
        ]

    def _resolve(self, node: dict) -> tuple[dict, bool]:
        """(the schema, nullable) with `anyOf [X, null]` and `$ref` unwrapped."""
        nullable = False
        if "anyOf" in node:
            options = [option for option in node["anyOf"] if option.get("type") != "null"]
            nullable = len(options) < len(node["anyOf"])
            node = {**{k: v for k, v in node.items() if k != "anyOf"}, **options[0]}
        if "$ref" in node:
            node = {**self.defs[node["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in node.items() if k != "$ref"}}
        return node, nullable

    def field(self, name: str, node: dict, path: str, required: bool) -> dict:
        node, nullable = self._resolve(node)
        label, hint = _label(self.table, path, name)
        field: dict[str, Any] = {"name": name, "label": label}
        if hint:
            field["hint"] = hint
        field["required"] = required and not nullable
        field.update(self.widget(name, node, path, field["required"]))
        return field

    def widget(self, name: str, node: dict, path: str, required: bool = True) -> dict:
        if node.get(LANGUAGE_MAP_MARKER):
            return self.language_map(name, required)
        kind = node.get("type")
        if kind == "object" and not node.get("properties") and "enum" in node.get("propertyNames", {}):
            # A mapping from a fixed set of keys (source_years: field → year): one optional field per key.
            fields = [
                {"name": key, "label": _label(self.table, key, key)[0], "required": False}
                | self.widget(key, node["additionalProperties"], f"{path}.{key}")
                for key in node["propertyNames"]["enum"]
            ]
            return {"widget": "object", "collapsed": True, "fields": fields}
        if kind == "object":
            fields = self.fields(node, f"{path}.", optional=not required)
            return {"widget": "object", "collapsed": not required, "fields": fields}
        if kind == "array":
            return self.array(node, path)
        if "enum" in node:
            return {"widget": "select", "options": [_option(value) for value in node["enum"]]}
        if kind == "boolean":
            return {"widget": "boolean", **({"default": node["default"]} if "default" in node else {})}
        if kind in ("number", "integer"):
            value_type = "int" if kind == "integer" else "float"
            return {
                "widget": "number",
                "value_type": value_type,
                "min": node.get("minimum"),
                "max": node.get("maximum"),
            }
        if node.get("format") == "date":
            return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
        return self.string(name, node, path)

    def string(self, name: str, node: dict, path: str) -> dict:
        field: dict[str, Any] = {"widget": "text" if name in LONG_TEXT else "string"}
        pattern = labels.HOURS_PATTERN if path == "hours" else node.get("pattern")
        if pattern:
            field["pattern"] = [pattern, labels.PATTERN_ERRORS.get(path, f"Format attendu : {pattern}")]
        return field

    def array(self, node: dict, path: str) -> dict:
        items, _ = self._resolve(node.get("items", {}))
        minimum = {"min": node["minItems"]} if "minItems" in node else {}
        if items.get(CATEGORY_MARKER):
            options = [{"label": c.label, "value": c.id} for c in self.categories.categories]
            return {"widget": "select", "multiple": True, "options": options, **minimum}
        if "enum" in items:
            if path == "to_confirm":  # field names: shown by their labels
                options = [{"label": _label(self.table, str(v), str(v))[0], "value": v} for v in items["enum"]]
            else:
                options = [_option(value) for value in items["enum"]]
            return {"widget": "select", "multiple": True, "options": options, **minimum}
        if items.get("pattern") == ISO_639_1.pattern:
            return {"widget": "select", "multiple": True, "options": spoken_language_options(), **minimum}
        if items.get("type") == "object":
            fields = self.fields(items, f"{path}.")
            return {"widget": "list", "collapsed": False, "summary": _summary(fields), "fields": fields, **minimum}
        entry: dict[str, Any] = {"name": "item", "label": _label(self.table, path, path)[0], "widget": "string"}
        if items.get("format") == "uri":
            entry["pattern"] = ["^https?://[^ ]+$", labels.PATTERN_ERRORS["sources"]]
        return {"widget": "list", "field": entry, **minimum}

    def language_map(self, name: str, required: bool) -> dict:
        """One text per registry language; French required when the text is (the build checks the rest)."""
        fields = [
            {
                "name": language.code,
                "label": f"{language.endonym} ({language.code})",
                "required": required and language.code == SOURCE_LANGUAGE,
                "widget": "text" if name in LONG_TEXT else "string",
            }
            for language in self.registry.languages
        ]
        return {"widget": "object", "collapsed": not required, "fields": fields}


def _summary(fields: list[dict]) -> str:
    names = [field["name"] for field in fields[:2]]
    return " : ".join(f"{{{{fields.{name}}}}}" for name in names)


def spoken_language_options() -> list[dict[str, str]]:
    """Every ISO 639-1 language the model accepts, by its French name (sorted), with its code."""
    names = babel.Locale("fr").languages
    codes = [code for code in KNOWN_LANGUAGES if ISO_639_1.match(code)]
    return sorted(
        ({"label": f"{names.get(code, code)} ({code})", "value": code} for code in codes),
        key=lambda option: option["label"],
    )


def service_fields(registry: Registry, categories) -> list[dict]:
    """The fields of one service entry, from the model the build validates with."""
    schema = ServiceEntry.model_json_schema()
    return _Converter(labels.SERVICE_FIELDS, schema.get("$defs", {}), registry, categories).fields(schema)


def page_fields(registry: Registry, source: bool) -> list[dict]:
    """The front-matter fields of a French page (`source`) or a translated one, then the text."""
    model = SourcePageMeta if source else TranslatedPageMeta
    schema = model.model_json_schema()
    converter = _Converter(labels.PAGE_FIELDS, schema.get("$defs", {}), registry, None)
    fields = converter.fields(schema)
    for field in fields:
        if field["name"] == "l10n":  # written by `make stamp`, never by hand: kept as it is
            field.clear()
            field.update({"name": "l10n", "label": labels.PAGE_FIELDS["l10n"][0], "widget": "hidden"})
    body_label, body_hint = labels.PAGE_FIELDS["body"]
    return [*fields, {"name": "body", "label": body_label, "hint": body_hint, "widget": "text"}]


def shortlink_fields(project: Project, nav: list[str]) -> list[dict]:
    """One group per existing letter: its page (a nav page) and whether leaflets print it."""
    letters = load_yaml(project.data / SHORTLINKS_FILE) or {}
    page_label, page_hint = labels.SHORTLINK_FIELDS["page"]
    leaflet_label, leaflet_hint = labels.SHORTLINK_FIELDS["leaflet"]
    return [
        {
            "name": str(letter),
            "label": f"/{letter}",
            "widget": "object",
            "collapsed": True,
            "fields": [
                {"name": "page", "label": page_label, "hint": page_hint, "widget": "select", "options": nav},
                {
                    "name": "leaflet",
                    "label": leaflet_label,
                    "hint": leaflet_hint,
                    "widget": "boolean",
                    "required": False,
                    "default": False,
                },
            ],
        }
        for letter in letters
    ]


def registry_fields(registry: Registry) -> list[dict]:
    """The language registry, shown but not editable: every value is a hidden field."""
    names = list(type(registry.languages[0]).model_fields)
    return [
        {
            "name": "languages",
            "label": "Langues du site",
            "hint": labels.READ_ONLY_HINT,
            "widget": "list",
            "allow_add": False,
            "allow_remove": False,
            "allow_reorder": False,
            "summary": "{{fields.endonym}} ({{fields.code}}) : {{fields.status}}",
            "fields": [{"name": name, "label": name, "widget": "hidden"} for name in names],
        }
    ]


def backend(settings: EditorSettings) -> dict[str, Any]:
    """Decap's `backend` block for the settings (a placeholder repository when none is set)."""
    block: dict[str, Any] = {
        "name": settings.backend,
        "repo": settings.repo or "a-configurer/parapluie",
        "branch": settings.branch,
        "squash_merges": True,
        "commit_messages": {
            "create": "Éditeur : ajoute {{collection}} « {{slug}} »",
            "update": "Éditeur : modifie {{collection}} « {{slug}} »",
            "delete": "Éditeur : supprime {{collection}} « {{slug}} »",
            "uploadMedia": "Éditeur : ajoute le fichier {{path}}",
            "deleteMedia": "Éditeur : supprime le fichier {{path}}",
        },
    }
    if settings.backend == "gitlab":
        block["auth_type"] = "pkce"
        if settings.app_id:
            block["app_id"] = settings.app_id
        if settings.base_url:
            block["base_url"] = settings.base_url
            block["api_root"] = settings.base_url.rstrip("/") + "/api/v4"
    elif settings.base_url:
        block["base_url"] = settings.base_url
    if settings.auth_endpoint:
        block["auth_endpoint"] = settings.auth_endpoint
    return block


def editor_config(project: Project, local_port: int = LOCAL_BACKEND_PORT) -> dict[str, Any]:
    """The whole Decap configuration of `project` (written as `site/admin/config.yml`)."""
    base = project.base_config()
    registry = load_registry(project.registry_file)
    categories = load_categories(project.data / "categories.yml")
    settings = editor_settings(base, project.relative(project.mkdocs_yml))
    nav = project.nav_pages(base)
    collections: list[dict[str, Any]] = [
        {
            "name": "services",
            "label": "Annuaire : fiches",
            "label_singular": "fiche",
            "description": "Une fiche par service. Le site vérifie chaque fiche avant de la publier.",
            "folder": "data/services",
            "extension": "yml",
            "format": "yml",
            "identifier_field": "organisation",
            "slug": "{{slug}}",
            "summary": "{{name.fr}} ({{slug}})",
            "create": True,
            "delete": False,
            "editor": {"preview": False},
            "fields": service_fields(registry, categories),
        }
    ]
    for language in registry.languages:
        if not (project.docs / language.code).is_dir():
            continue
        collections.append(
            {
                "name": f"pages-{language.code}",
                "label": f"Pages : {language.endonym}",
                "label_singular": "page",
                "description": (
                    "Les pages en français (la source)."
                    if language.is_source
                    else f"La traduction {language.endonym}. Après une nouvelle traduction : make stamp."
                ),
                "folder": f"docs/{language.code}",
                "extension": "md",
                "format": "frontmatter",
                "create": False,
                "delete": False,
                "summary": "{{title}} ({{slug}}.md)",
                "editor": {"preview": False},
                "fields": page_fields(registry, language.is_source),
            }
        )
    collections.append(
        {
            "name": "reglages",
            "label": "Réglages",
            "delete": False,
            "editor": {"preview": False},
            "files": [
                {
                    "name": "shortlinks",
                    "label": "Liens courts",
                    "file": f"data/{SHORTLINKS_FILE}",
                    "description": (
                        "Une lettre publiée ne change plus jamais. Une nouvelle lettre : un développeur (make urls)."
                    ),
                    "fields": shortlink_fields(project, nav),
                },
                {
                    "name": "languages",
                    "label": "Langues du site (lecture seule)",
                    "file": project.relative(project.registry_file),
                    "fields": registry_fields(registry),
                },
            ],
        }
    )
    return {
        "backend": backend(settings),
        "local_backend": {"url": f"http://localhost:{local_port}/api/v1"},
        "publish_mode": "editorial_workflow",
        "locale": "fr",
        "site_url": str(base.get("site_url") or ""),
        "media_folder": "data/uploads",
        "public_folder": "/uploads",
        "show_preview_links": False,
        "editor": {"preview": False},
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }
