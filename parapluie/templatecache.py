"""Compiled Jinja templates kept for the life of the process, shared by every environment alike.

The build makes one Jinja environment per language (its own gettext), and MkDocs one per
language it renders: without a shared cache each compiles the same templates again. A template's
compiled code depends on its source and on the environment's compile-time settings (delimiters,
extensions, autoescaping, the filters and tests it may name), so the cache key holds all of them:
two environments share a compiled template only when compiling it would give the same code.
Jinja checks the source's checksum on every load, so an edited template is compiled again.
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket

# Environment attributes that change what a template compiles to.
COMPILE_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "autoescape",
    "newstyle_gettext",
    "is_async",
)


class SharedBytecodeCache(jinja2.BytecodeCache):
    """An in-memory bytecode cache keyed by template, file and the environment's compile-time settings."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> Bucket:
        """The bucket of `name` as `environment` compiles it."""
        key = self.get_cache_key(f"{compile_settings(environment)}\0{name}", filename)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill `bucket` from the cache, if this template was compiled before."""
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a freshly compiled template."""
        self._compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        """Forget every compiled template."""
        self._compiled.clear()


def compile_settings(environment: jinja2.Environment) -> str:
    """What in `environment` decides a template's compiled code, besides the template's own source."""
    settings = [repr(getattr(environment, name, None)) for name in COMPILE_SETTINGS]
    extensions = (f"{type(ext).__module__}.{type(ext).__qualname__}" for ext in environment.extensions.values())
    settings.append(",".join(sorted(extensions)))
    settings.append(",".join(sorted(environment.filters)))
    settings.append(",".join(sorted(environment.tests)))
    settings.append(repr(sorted(environment.policies.items())))
    return "|".join(settings)


# The one cache of the process.
TEMPLATE_CACHE = SharedBytecodeCache()
