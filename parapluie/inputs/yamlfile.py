"""Reading inputs strictly: UTF-8 without BOM, and YAML with errors that name the file and the line.

Every text file the build reads from the project (pages, data, registry, catalogs, mkdocs.yml)
goes through `read_text`: a byte that is not UTF-8 is reported with its line, a BOM is refused
(one rule everywhere), a symlink is refused (nothing outside the repository is read). YAML goes
through `parse_yaml`: a key written twice in a mapping, an impossible date, or nesting too deep
for the parser are messages naming the file and the line, never a traceback.
A text parsed once is not parsed again in the same process (`parse_yaml` keeps what it read):
the build reads the French pages and mkdocs.yml once per language.
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from parapluie.errors import BuildError
from parapluie.messages import say, yaml_problem

BOM = "\ufeff"
# The messages of this module, one place each (so they can be translated for staff).
NOT_UTF8 = "line {line}: byte {byte} is not UTF-8 (save the file as UTF-8)"
BOM_REFUSED = "starts with a BOM (byte order mark): save the file as UTF-8 without BOM"
SYMLINK_REFUSED = "is a symbolic link: inputs must be plain files inside the repository"
DUPLICATE_KEY = "invalid YAML at line {line}, column {column}: key '{key}' is written twice (first at line {first})"
BAD_DATE = "invalid YAML at line {line}, column {column}: '{value}' is not a real date ({problem})"
TOO_DEEP = "invalid YAML: nested too deeply (more than {depth} levels)"
# The same in French, for staff (parapluie/messages.py, `say`).
NOT_UTF8_FR = "ligne {line} : l'octet {byte} n'est pas de l'UTF-8 (enregistrez le fichier en UTF-8)"
BOM_REFUSED_FR = "le fichier commence par une marque d'ordre des octets (BOM) : enregistrez-le en « UTF-8 » sans BOM"
DUPLICATE_KEY_FR = (
    "ligne {line} : la clé « {key} » est écrite deux fois (la première fois ligne {first}). Gardez une seule "
    "ligne {key}: et supprimez l'autre, sinon une seule des deux valeurs serait publiée"
)


def bom_refused() -> str:
    """The BOM message, in the staff's language."""
    return say(BOM_REFUSED_FR, BOM_REFUSED)


BAD_DATE_FR = "ligne {line} : « {value} » n'est pas une vraie date. Écrivez AAAA-MM-JJ, par exemple 2026-11-29"
# Far more than any input needs, far less than Python's recursion limit.
MAX_DEPTH = 100
# Texts parsed without a problem, and what they hold: (text, first line) → data. Far more than a
# build reads; a process that reads more (a long test run) starts again from empty.
_PARSED: dict[tuple[str, int], object] = {}
MAX_PARSED = 4096


def refuse_symlink(path: Path) -> None:
    """A BuildError if `path` is a symbolic link."""
    if path.is_symlink():
        raise BuildError(path, SYMLINK_REFUSED)


def read_text(path: Path) -> str:
    """The text of an input file: UTF-8, no BOM, not a symlink; anything else is a BuildError."""
    refuse_symlink(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BuildError(path, "file not found") from None
    return decode(data, path)


def decode(data: bytes, source: Path | str) -> str:
    """`data` decoded as strict UTF-8; a bad byte names its line, a BOM is refused."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        values = {"line": line, "byte": f"0x{data[error.start]:02x}"}
        raise BuildError(source, say(NOT_UTF8_FR.format(**values), NOT_UTF8.format(**values))) from None
    if text.startswith(BOM):
        raise BuildError(source, bom_refused())
    return text


class StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing duplicate keys, impossible dates and deep nesting."""

    def compose_node(self, parent, index):
        """Compose one node, counting the depth so a hostile file cannot exhaust the stack."""
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node, deep=False):
        """A mapping whose keys are each written once."""
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
            seen: dict = {}
            for key_node, _value in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.get(key)
                except TypeError:
                    continue  # an unhashable key: the base class reports it
                if first is not None:
                    mark = key_node.start_mark
                    values = {"line": mark.line + 1, "column": mark.column + 1, "key": key, "first": first}
                    raise _Refused(say(DUPLICATE_KEY_FR.format(**values), DUPLICATE_KEY.format(**values)))
                seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):
        """A date or time; an impossible one (2026-02-31) names its line."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as error:
            mark = node.start_mark
            values = {"line": mark.line + 1, "column": mark.column + 1, "value": node.value, "problem": error}
            raise _Refused(say(BAD_DATE_FR.format(**values), BAD_DATE.format(**values))) from None


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_yaml_timestamp)


class _Refused(Exception):
    """A YAML problem the strict loader found, its message ready."""


class _TooDeep(Exception):
    """Nesting beyond MAX_DEPTH."""


def parse_yaml(text: str, source: Path | str, first_line: int = 1):
    """Parse YAML text strictly; any problem becomes a BuildError naming `source` and the line.

    `first_line` is the file's line number of the text's first line (2 for a page's front matter):
    the text is read as if it stood there, so every line in a message is the file's.
    """
    key = (text, first_line)
    if key in _PARSED:
        return copy.deepcopy(_PARSED[key])  # each caller gets its own copy, free to change it
    data = _parse(text, source, first_line)
    if len(_PARSED) >= MAX_PARSED:
        _PARSED.clear()
    _PARSED[key] = copy.deepcopy(data)
    return data


def _parse(text: str, source: Path | str, first_line: int):
    """Parse YAML text strictly (see `parse_yaml`), every time."""
    if text.startswith(BOM):
        raise BuildError(source, bom_refused())
    loader = StrictLoader("\n" * (first_line - 1) + text)
    try:
        return loader.get_single_data()
    except _Refused as error:
        raise BuildError(source, str(error)) from None
    except (_TooDeep, RecursionError):
        raise BuildError(source, TOO_DEEP.format(depth=MAX_DEPTH)) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        if mark is None:
            raise BuildError(source, f"invalid YAML: {problem}") from None
        context = getattr(error, "context_mark", None)
        context_line = context.line + 1 if context is not None else None
        raise BuildError(source, yaml_problem(problem, mark.line + 1, mark.column + 1, context_line)) from None
    finally:
        loader.dispose()


# libyaml's emitter writes the same text as PyYAML's own, several times faster; PyYAML's when libyaml is missing.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_yaml(data, **options) -> str:
    """`data` as YAML text, as `yaml.safe_dump(data, **options)` writes it (for the files the build stages)."""
    return yaml.dump(data, Dumper=DUMPER, **options)


def load_yaml(path: Path):
    """Read and parse a YAML file strictly (see `read_text`, `parse_yaml`)."""
    return parse_yaml(read_text(path), path)
