"""The associations' kit: leaflet lines and ready-to-paste messages."""

from __future__ import annotations

import datetime as dt

from parapluie.directory.models import Service
from parapluie.inputs.languages import Language
from parapluie.outreach.kit import SNIPPETS, snippets
from parapluie.outreach.leaflets import emergency_line


def service(name: dict, phone: str | None) -> Service:
    data = {
        "id": "x",
        "organisation": "X",
        "name": name,
        "description": {"fr": "Aide."},
        "categories": ["helpline"],
        "contacts": [{"kind": "phone", "value": phone}] if phone else [{"kind": "website", "value": "https://x.be/"}],
        "status": "active",
        "last_verified": dt.date(2026, 11, 1),
        "sources": ["https://x.be/"],
        "anonymous": None,
        "free": None,
    }
    return Service.model_validate(data)


def test_a_leaflet_line_shows_the_number_once():
    assert emergency_line(service({"fr": "Télé-Accueil – 107"}, "107"), "fr") == "Télé-Accueil – 107"
    line = emergency_line(service({"fr": "IEFH", "ro": "IEFH (RO)"}, "+3280012800"), "ro")
    assert line == "IEFH (RO) – 0800 12 800"
    assert emergency_line(service({"fr": "Sans téléphone"}, None), "fr") == "Sans téléphone"


def test_snippets_carry_each_languages_home_address():
    languages = [
        Language(code=c, endonym=c.upper(), material=c, babel=c, direction="ltr", status=s, exit_url="https://e.org/")
        for c, s in (("fr", "source"), ("ro", "complete"))
    ]
    texts = snippets(languages, {"fr": str, "ro": lambda m: "RO " + m}, "https://parapluie.be/")
    assert len(texts) == 2 * len(SNIPPETS)
    assert texts[0].text.endswith("parapluie.be/fr") and texts[-1].text.startswith("RO ")
    assert texts[-1].text.endswith("parapluie.be/ro") and "{url}" not in texts[-1].text
