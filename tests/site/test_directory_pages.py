"""Directory pages built from the data: every entry, hours in the reader's language, escaped text,
private addresses nowhere, vCards and JSON-LD that parse back."""

from __future__ import annotations

import json
import re

import pytest

from parapluie.build import build_site
from parapluie.directory import load_categories, load_services
from parapluie.inputs.languages import load_registry
from parapluie.verify.published import REGISTRY_FILE, read_registry
from tests.fixtures_project import FIXED_TODAY, ROOT

PRIVATE_STREET = "Rue Secrète des Tests 77"
FIXTURE = f"""organisation: "Essai <b>gras</b> & Cie"
name:
  fr: "<script>alert('x')</script> Permanence cachée"
description:
  fr: "Un lieu de travail de rue <em>privé</em>."
categories: [outreach, protective-material]
location:
  street: {PRIVATE_STREET}
  postcode: "4020"
  city: Liège
  region: Wallonie
  coordinates: {{lat: 50.6411, lon: 5.5899}}
  private: true
contacts:
  - kind: whatsapp
    value: "+32485620841"
hours: Mo 20:00-23:00
languages: [ro, bg]
anonymous: true
free: true
status: active
last_verified: 2040-02-01
sources:
  - https://example.org/source
"""


@pytest.fixture(scope="module")
def directory_site(tmp_path_factory):
    """French and Romanian built from a fixture project copy with one private, markup-laden entry added."""
    from tests.fixtures_project import copy_project

    project = copy_project(tmp_path_factory.mktemp("directory") / "project")
    (project.data / "services" / "permanence-privee.yml").write_text(FIXTURE, encoding="utf-8")
    config = project.mkdocs_yml.read_text(encoding="utf-8")
    project.mkdocs_yml.write_text(
        config.replace('report_email: ""', "report_email: erreurs@example.org"), encoding="utf-8"
    )
    return build_site(project, project.root / "site", languages=["fr", "ro"], today=FIXED_TODAY), project


def entry_html(site, code: str, service_id: str) -> str:
    return (site / code / "annuaire" / service_id / "index.html").read_text(encoding="utf-8")


def test_every_entry_has_a_page_in_every_language_and_a_vcard_only_with_a_contact(built, built_project):
    registry = load_registry(built_project.registry_file)
    categories = load_categories(built_project.data / "categories.yml")
    services, _ = load_services(built_project.data, registry, categories, FIXED_TODAY)
    published = set(read_registry(built_project.data / REGISTRY_FILE))
    index = (built.site / "fr" / "annuaire" / "index.html").read_text(encoding="utf-8")
    for code in built.registry.codes:
        for service in services:
            page = (built.site / code / "annuaire" / service.id / "index.html").read_text(encoding="utf-8")
            vcard_path = f"/{code}/annuaire/{service.id}.vcf"
            offered = 'class="parapluie-entry__vcard"' in page
            # A closed service's page says it closed (essai-ferme): nothing to save.
            assert offered == (service.has_contact and service.status != "closed"), (code, service.id)
            # A vCard published before stays at its address; otherwise there is one only with a contact.
            assert (built.site / vcard_path.lstrip("/")).is_file() == (service.has_contact or vcard_path in published)
    results = index[index.index('<ul class="parapluie-cards"') :]
    results = results[: results.index("</ul>")]
    assert any(service.status == "closed" for service in services)  # the fixture has one
    for service in services:
        listed = 0 if service.status == "closed" else 1  # each service once; a closed one leaves the list
        assert results.count(f'href="{service.id}/"') == listed, service.id


def test_vcards_only_with_a_contact(finder_built):
    site = finder_built.site
    for code in ("fr", "bg"):
        assert not (site / code / "annuaire" / "essai-sans-contact.vcf").exists()
        page = (site / code / "annuaire" / "essai-sans-contact" / "index.html").read_text(encoding="utf-8")
        assert 'class="parapluie-entry__vcard"' not in page and ".vcf" not in page
        assert (site / code / "annuaire" / "essai-depistage-charleroi.vcf").is_file()


def test_dated_detail_shows_its_source_year_and_never_a_status(finder_built):
    page = (finder_built.site / "fr" / "annuaire" / "essai-horaires-a-confirmer" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "à confirmer (source de 2019)" in page
    assert 'class="parapluie-open"' not in page  # no "open now" badge for hours to confirm
    confirmed = (finder_built.site / "fr" / "annuaire" / "essai-depistage-charleroi" / "index.html").read_text(
        encoding="utf-8"
    )
    assert 'class="parapluie-open"' in confirmed


def test_best_way_to_reach_comes_first(directory_site):
    result, _ = directory_site
    html = entry_html(result.site, "fr", "utsopi")
    assert html.index('href="tel:') < html.index('href="mailto:') < html.index("<p lang=")


def test_police_after_helplines_and_care(built):
    for code in built.registry.codes:
        html = (built.site / code / "annuaire" / "index.html").read_text(encoding="utf-8")
        cards = re.findall(r'<li class="parapluie-card"([^>]*)>', html)
        last = [index for index, attributes in enumerate(cards) if "data-last" in attributes]
        assert last and last == list(range(len(cards) - len(last), len(cards))), code


def test_no_french_colon_outside_french():
    """Interface punctuation comes from the catalogs: no template hard-codes " : ", no translation keeps it."""
    import jinja2

    from parapluie.i18n.catalogs import read_catalog

    lexer = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    templates = [*ROOT.glob("overrides/**/*.html"), *ROOT.glob("parapluie/**/templates/*.html")]
    for path in templates:
        for number, kind, value in lexer.lex(path.read_text(encoding="utf-8")):
            if kind == "data":  # template text, outside the strings given to gettext
                assert not re.search(r"[^\s<>] : ", value), f"{path.relative_to(ROOT)}:{number}: {value.strip()[:60]}"
    for path in (ROOT / "translations").glob("*/LC_MESSAGES/messages.po"):
        for message in read_catalog(path):
            if not message.id:
                continue  # the header
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in strings:
                assert not re.search(r"[^\s] [:;!?](\s|$)", text or ""), (path.parent.parent.name, text)


def test_quick_exit_counter_uses_plural_forms(built):
    from html import unescape

    html = (built.site / "ro" / "index.html").read_text(encoding="utf-8")
    one = unescape(re.search(r'data-progress-1="([^"]*)"', html).group(1))
    two = unescape(re.search(r'data-progress-2="([^"]*)"', html).group(1))
    assert one != two  # Romanian says "o dată" for 1 and "de 2 ori" for 2: two plural forms


def test_private_address_is_nowhere_in_the_site(directory_site):
    result, _ = directory_site
    for path in result.site.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="ignore")
            for secret in (PRIVATE_STREET, "Secrète", "50.6411", "4020"):
                assert secret not in text, f"{path}: {secret}"
    html = entry_html(result.site, "fr", "permanence-privee")
    assert "Liège" in html  # the city may be shown; the address may not


def test_markup_in_data_is_shown_as_text(directory_site):
    result, _ = directory_site
    html = entry_html(result.site, "fr", "permanence-privee")
    assert "<script>alert" not in html and "<em>privé</em>" not in html and "<b>gras</b>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Permanence cachée" in html
    assert "Un lieu de travail de rue &lt;em&gt;privé&lt;/em&gt;." in html
    assert "&amp;lt;" not in html  # escaped once, not twice (the meta description)
    index = (result.site / "fr" / "annuaire" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in index


def test_hours_are_in_the_readers_language(directory_site):
    result, _ = directory_site
    assert re.search(
        r"<th scope=\"row\">lundi</th><td>20:00–23:00</td>", entry_html(result.site, "fr", "permanence-privee")
    )
    romanian = entry_html(result.site, "ro", "permanence-privee")
    assert re.search(r"<th scope=\"row\">luni</th><td>20:00–23:00</td>", romanian)
    assert '<p lang="fr">' in romanian  # the description is French, and marked so


def test_one_tap_links(directory_site):
    result, _ = directory_site
    html = entry_html(result.site, "fr", "permanence-privee")
    assert 'href="https://wa.me/32485620841"' in html
    utsopi = entry_html(result.site, "fr", "utsopi")
    assert re.search(r'<a class="parapluie-contact[^"]*" href="tel:\+32485620841">.*?0485 62 08 41</span></a>', utsopi)
    assert re.search(r'href="mailto:info@utsopi.be">.*?info@utsopi.be</span></a>', utsopi)


def test_vcard_parses_back(directory_site):
    result, _ = directory_site
    card = (result.site / "fr" / "annuaire" / "utsopi.vcf").read_bytes().decode("utf-8")  # keep CRLF
    fields = dict(line.split(":", 1) for line in card.strip().split("\r\n"))
    assert fields["BEGIN"] == "VCARD" and fields["END"] == "VCARD" and fields["VERSION"] == "3.0"
    assert fields["FN"] == "UTSOPI"
    assert fields["TEL;TYPE=VOICE"] == "+32485620841"
    assert fields["EMAIL;TYPE=INTERNET"] == "info@utsopi.be"
    private = (result.site / "fr" / "annuaire" / "permanence-privee.vcf").read_text(encoding="utf-8")
    assert "ADR" not in private


def test_json_ld_describes_the_service(directory_site):
    result, _ = directory_site
    html = entry_html(result.site, "fr", "alias")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL).group(1))
    assert data["@type"] == "Service" and data["name"] == "Alias"
    assert data["provider"] == {"@type": "Organization", "name": "Alias"}
    assert data["hoursAvailable"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Tuesday",
            "opens": "18:00",
            "closes": "21:00",
        }
    ]


def test_directory_page_asks_first_and_links_each_need_to_its_page(directory_site):
    result, project = directory_site
    html = (result.site / "fr" / "annuaire" / "index.html").read_text(encoding="utf-8")
    # Written as the script shows it (the finder; the need links hidden), so nothing moves when it runs;
    # without JavaScript, the <noscript> style at the end of the head swaps them (tests/browser/test_directory.py).
    assert '<form class="parapluie-finder" aria-label=' in html
    assert '<nav class="parapluie-needs" aria-labelledby="besoins" hidden>' in html
    assert '<h2 id="tous" class="parapluie-results__title" hidden>' in html
    assert html.index('class="parapluie-finder"') < html.index('class="parapluie-needs"') < html.index('id="tous"')
    head = html[: html.index("</head>")]
    assert head.endswith(
        "<noscript><style>.parapluie-finder,.parapluie-finder__count{display: none}"
        ".parapluie-needs[hidden],.parapluie-results__title[hidden]{display: block}</style></noscript>\n"
    )
    categories = load_categories(project.data / "categories.yml")
    for need in categories.needs:
        assert f'<li id="{need.id}"><a href="besoin/{need.id}/">' in html  # old #need links still land
        assert (result.site / "fr" / "annuaire" / "besoin" / need.id / "index.html").is_file()


def test_open_data_is_valid_hsds_and_keeps_private_addresses_out(directory_site):
    import jsonschema

    from tests.fixtures_project import ROOT

    result, project = directory_site
    schema = json.loads(
        (ROOT / "tests" / "fixtures" / "hsds-3.0" / "compiled_service.json").read_text(encoding="utf-8")
    )
    validator = jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker())
    services = json.loads((result.site / "donnees" / "annuaire-hsds.json").read_text(encoding="utf-8"))
    assert len(services) == len(list((project.data / "services").glob("*.yml")))
    for service in services:
        errors = sorted(validator.iter_errors(service), key=str)
        assert errors == [], (service["name"], [error.message for error in errors])
    private = next(service for service in services if "Permanence cachée" in service["name"])
    assert private["service_at_locations"] == []
    namur = next(service for service in services if "Namur" in service["name"] and service["service_at_locations"])
    address = namur["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["address_1"], address["city"], address["country"]) == ("143 avenue Albert 1er", "Namur", "BE")
    schema_copy = (result.site / "donnees" / "services.schema.json").read_text(encoding="utf-8")
    assert schema_copy == (project.data / "services.schema.json").read_text(encoding="utf-8")


def test_error_report_link_when_an_address_is_set(directory_site, built):
    result, _ = directory_site
    html = entry_html(result.site, "fr", "alias")
    assert '<a href="mailto:erreurs@example.org?subject=Parapluie%20%E2%80%93%20alias">' in html
    assert "mailto:erreurs@example.org" not in entry_html(built.site, "fr", "alias")  # the fixture sets none
