"""JSON Schema of the service entries, exported from the pydantic model for editors.

The committed copy, `data/services.schema.json`, gives completion and checks in editors that
read `# yaml-language-server: $schema=...` comments. Language keys and category ids are filled
in from the registry and `data/categories.yml`, so the file is regenerated when either changes
(`python scripts/check_data.py --write-schema`); a unit test checks it is up to date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from parapluie.directory.models import CATEGORY_MARKER, LANGUAGE_MAP_MARKER, SOURCE_LANGUAGE, ServiceEntry

SCHEMA_ID = "https://parapluie.invalid/data/services.schema.json"


def service_schema(language_codes: list[str], category_ids: list[str]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one `data/services/<id>.yml` file."""
    schema = ServiceEntry.model_json_schema()
    _fill_markers(schema, language_codes, category_ids)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def _fill_markers(node: Any, language_codes: list[str], category_ids: list[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _fill_markers(item, language_codes, category_ids)
        return
    if not isinstance(node, dict):
        return
    if node.pop(LANGUAGE_MAP_MARKER, False):
        node["propertyNames"] = {"enum": list(language_codes)}
        node["required"] = [SOURCE_LANGUAGE]
    if node.pop(CATEGORY_MARKER, False):
        node["enum"] = list(category_ids)
    for value in node.values():
        _fill_markers(value, language_codes, category_ids)


def schema_text(language_codes: list[str], category_ids: list[str]) -> str:
    """The schema as the committed file holds it: indented JSON, UTF-8, final newline."""
    return json.dumps(service_schema(language_codes, category_ids), indent=2, ensure_ascii=False) + "\n"


def write_schema(path: Path, language_codes: list[str], category_ids: list[str]) -> bool:
    """Write the schema file; return True when its content changed."""
    text = schema_text(language_codes, category_ids)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
