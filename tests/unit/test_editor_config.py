"""The editor's config is generated from the models and registries: form and build never disagree."""

from __future__ import annotations

import re

import pytest

from parapluie.directory import load_categories
from parapluie.directory.models import ContactKind, FieldName, ServiceEntry, check_hours
from parapluie.editor import labels
from parapluie.editor.config import editor_config, editor_settings, spoken_language_options
from parapluie.errors import BuildError
from parapluie.inputs.frontmatter import SourcePageMeta, TranslatedPageMeta
from parapluie.inputs.languages import load_registry


@pytest.fixture(scope="module")
def config(real_project):
    return editor_config(real_project)


def collection(config, name):
    return next(c for c in config["collections"] if c["name"] == name)


def by_name(fields):
    return {field["name"]: field for field in fields}


def model_paths(model, prefix=""):
    """Every field path of a pydantic model, nested models included (`location.city`)."""
    paths = []
    for name, info in model.model_fields.items():
        paths.append(prefix + name)
        for inner in (*getattr(info.annotation, "__args__", ()), info.annotation):
            if isinstance(inner, type) and hasattr(inner, "model_fields"):
                paths += model_paths(inner, f"{prefix}{name}.")
            for deeper in getattr(inner, "__args__", ()):
                if isinstance(deeper, type) and hasattr(deeper, "model_fields"):
                    paths += model_paths(deeper, f"{prefix}{name}.")
    return paths


def test_every_field_of_every_model_has_a_french_label():
    missing = [p for p in model_paths(ServiceEntry) if p not in labels.SERVICE_FIELDS]
    missing += [p for p in model_paths(SourcePageMeta) + model_paths(TranslatedPageMeta) if p not in labels.PAGE_FIELDS]
    assert missing == [], f"add a French label in parapluie/editor/labels.py for: {sorted(set(missing))}"


def test_the_service_form_has_every_model_field_in_model_order(config):
    fields = collection(config, "services")["fields"]
    assert [f["name"] for f in fields] == list(ServiceEntry.model_fields)
    location = by_name(by_name(fields)["location"]["fields"])
    assert list(location) == ["street", "postcode", "city", "region", "coordinates", "private"]


def test_required_fields_follow_the_model(config):
    fields = by_name(collection(config, "services")["fields"])
    required = {name for name, field in fields.items() if field["required"]}
    assert required == {"organisation", "name", "description", "categories", "status", "last_verified", "sources"}
    # Inside an optional block nothing is required (the build still checks its rules).
    assert not any(f["required"] for f in by_name(fields["location"]["fields"])["coordinates"]["fields"])
    assert not any(f["required"] for f in fields["hours_note"]["fields"])
    assert by_name(fields["name"]["fields"])["fr"]["required"] is True


def test_select_lists_come_from_the_registries_and_the_model(real_project, config):
    fields = by_name(collection(config, "services")["fields"])
    categories = load_categories(real_project.data / "categories.yml")
    assert [o["value"] for o in fields["categories"]["options"]] == categories.ids
    assert [o["label"] for o in fields["categories"]["options"]] == [c.label for c in categories.categories]
    registry = load_registry(real_project.registry_file)
    assert [f["name"] for f in fields["name"]["fields"]] == registry.codes
    assert [o["value"] for o in fields["status"]["options"]] == list(
        ServiceEntry.model_fields["status"].annotation.__args__
    )
    contact = by_name(fields["contacts"]["fields"])
    assert fields["contacts"]["widget"] == "list"
    assert [o["value"] for o in contact["kind"]["options"]] == list(ContactKind.__args__)
    assert {"label": "Téléphone", "value": "phone"} in contact["kind"]["options"]
    assert [o["value"] for o in fields["to_confirm"]["options"]] == list(FieldName.__args__)
    assert {"label": "Horaires", "value": "hours"} in fields["to_confirm"]["options"]
    assert fields["languages"]["options"] == spoken_language_options()
    assert {"label": "roumain (ro)", "value": "ro"} in fields["languages"]["options"]


def test_hours_are_text_with_the_syntax_explained_and_an_example(config):
    hours = by_name(collection(config, "services")["fields"])["hours"]
    assert hours["widget"] == "string" and hours["required"] is False
    assert labels.HOURS_EXAMPLE in hours["hint"] and "minutes" in hours["hint"]
    assert hours["pattern"] == [labels.HOURS_PATTERN, labels.HOURS_ERROR]


@pytest.mark.parametrize(
    "value",
    [
        "Mo-Fr 10:00-16:00; PH off",
        "24/7",
        "Tu 18:00-21:00",
        "We[1,3] 09:00-12:00",
        "Mo-Fr 09:00-17:00; Dec 25 off",
        "Mo 9:00-12:00",
    ],
)
def test_the_forms_hours_check_lets_valid_hours_through(value):
    assert check_hours(value) == value
    assert re.fullmatch(labels.HOURS_PATTERN, value)


@pytest.mark.parametrize("value", ["Mo-Fr 10-16", "Tu 18h-21h", "Sa 9-12"])
def test_the_forms_hours_check_refuses_hours_without_minutes(value):
    assert re.fullmatch(labels.HOURS_PATTERN, value) is None
    with pytest.raises(ValueError):
        check_hours(value)


def test_pages_per_language_with_their_front_matter(real_project, config):
    registry = load_registry(real_project.registry_file)
    for language in registry.languages:
        if not (real_project.docs / language.code).is_dir():
            continue
        pages = collection(config, f"pages-{language.code}")
        assert pages["folder"] == f"docs/{language.code}" and pages["format"] == "frontmatter"
        assert pages["create"] is False and pages["delete"] is False  # a new page needs the nav
        model = SourcePageMeta if language.is_source else TranslatedPageMeta
        assert [f["name"] for f in pages["fields"]] == [*model.model_fields, "body"]
    translated = by_name(collection(config, "pages-en")["fields"])
    assert translated["l10n"]["widget"] == "hidden"  # written by `make stamp`, kept as it is
    assert by_name(collection(config, "pages-fr")["fields"])["reviewed"]["widget"] == "datetime"


def test_shortlinks_and_the_read_only_language_registry(real_project, config):
    files = by_name(collection(config, "reglages")["files"])
    letters = [f["name"] for f in files["shortlinks"]["fields"]]
    from parapluie.inputs.yamlfile import load_yaml

    assert letters == [str(k) for k in load_yaml(real_project.data / "shortlinks.yml")]
    page = by_name(files["shortlinks"]["fields"][0]["fields"])["page"]
    assert page["options"] == real_project.nav_pages(real_project.base_config())
    registry = files["languages"]["fields"][0]
    assert registry["allow_add"] is False and registry["allow_remove"] is False
    assert {f["widget"] for f in registry["fields"]} == {"hidden"}


def test_editorial_workflow_french_interface_and_local_backend(config):
    assert config["publish_mode"] == "editorial_workflow"
    assert config["locale"] == "fr"
    assert config["local_backend"] == {"url": "http://localhost:8081/api/v1"}


def test_backend_settings_come_from_mkdocs_extra_editor():
    gitlab = editor_settings(
        {
            "extra": {
                "editor": {
                    "backend": "gitlab",
                    "repo": "asbl/parapluie",
                    "app_id": "abc",
                    "base_url": "https://gitlab.example",
                }
            }
        }
    )
    assert gitlab.api_origins() == ["https://gitlab.example"]
    from parapluie.editor.config import backend

    block = backend(gitlab)
    assert block["auth_type"] == "pkce" and block["app_id"] == "abc"
    assert block["api_root"] == "https://gitlab.example/api/v4"
    assert backend(editor_settings({}))["repo"] == "a-configurer/parapluie"
    with pytest.raises(BuildError) as raised:
        editor_settings({"extra": {"editor": {"backend": "bitbucket"}}})
    assert str(raised.value).startswith("mkdocs.yml: extra.editor.backend: ")
