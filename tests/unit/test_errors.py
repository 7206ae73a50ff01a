"""Stage boundaries: whatever escapes a stage becomes a BuildError naming where, never a traceback."""

from __future__ import annotations

import pytest

from parapluie.errors import BuildError, stage_boundary


def test_an_unexpected_exception_becomes_a_build_error_naming_the_stage():
    with pytest.raises(BuildError) as error, stage_boundary("writing the outreach files", "parapluie/outreach"):
        raise ValueError("the bundled font cannot draw 'مظلة'")
    assert str(error.value) == (
        "parapluie/outreach: writing the outreach files stopped: ValueError: the bundled font cannot draw 'مظلة' "
        "(a fault in the build, not in the content: report this message to a developer)"
    )
    assert error.value.__suppress_context__


def test_a_build_error_passes_through_as_it_is():
    original = BuildError("data/leaflet.yml", "no directory entry 'x' in data/services/", "emergency.0")
    with pytest.raises(BuildError) as error, stage_boundary("loading the inputs", "parapluie/inputs"):
        raise original
    assert error.value is original
