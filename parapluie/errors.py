"""The one error type the build raises for bad input."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path


class BuildError(Exception):
    """Bad input that stops the build: names the file, and the field when there is one.

    The message is meant for the person who edits the content or the data, so it says
    what is wrong and, where possible, what is expected instead.
    """

    def __init__(self, file: Path | str, message: str, field: str | None = None) -> None:
        self.file = str(file)
        self.field = field
        self.detail = message
        where = f"{self.file}: {field}" if field else self.file
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        """Pickled by its parts, so an error raised in a worker process reaches the build whole."""
        return (BuildError, (self.file, self.detail, self.field))

    def relative_to(self, root: Path) -> BuildError:
        """The same error with its file shown relative to `root` (the project) when inside it."""
        try:
            file = Path(self.file).relative_to(root)
        except ValueError:
            return self
        return BuildError(file, self.detail, self.field)


def describe_validation_error(error) -> list[tuple[str, str]]:
    """Turn a pydantic ValidationError into (field path, message) pairs, editor-friendly."""
    pairs = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or "(top level)"
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "missing":
            message = "required key is missing"
        pairs.append((field, validation_problem(item["type"], message, item.get("input"), item.get("ctx"))))
    return pairs


def validation_problem(kind: str, english: str, value: object, ctx: dict | None = None) -> str:
    """The staff's message for a pydantic error (parapluie/messages.py chooses French or English)."""
    from parapluie.messages import validation_problem as plain

    return plain(kind, english, value, ctx)


def validate(model, data, file: Path | str, prefix: str = "", context: dict | None = None):
    """`model.model_validate(data)`, or a BuildError naming `file` and the first invalid field."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data, context=context)
    except ValidationError as error:
        raise_for_validation(file, error, prefix)


def raise_for_validation(file: Path | str, error, prefix: str = "") -> None:
    """Raise a BuildError naming the file and the first invalid field of a ValidationError."""
    pairs = describe_validation_error(error)
    field, message = pairs[0]
    if len(pairs) > 1:
        others = "; ".join(f"{f}: {m}" for f, m in pairs[1:])
        message = f"{message} (also {others})"
    raise BuildError(file, message, field=f"{prefix}{field}") from None


@contextmanager
def stage_boundary(stage: str, code: str):
    """Turn any exception escaping stage `stage` (its code in `code`) into a BuildError: never a traceback.

    A BuildError passes through as it is; anything else is a fault in the build's own code,
    reported with the stage's folder as the file so a developer knows where to look.
    """
    try:
        yield
    except BuildError:
        raise
    except Exception as error:
        raise BuildError(
            code,
            f"{stage} stopped: {type(error).__name__}: {error} "
            "(a fault in the build, not in the content: report this message to a developer)",
        ) from None
