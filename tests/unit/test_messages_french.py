"""The staff's French messages (issue #14, item 4): each mistake staff can make in data/, in a page's front
matter or text, in the short links, redirects or a catalog, with its exact French message.

English stays for developers (PARAPLUIE_MESSAGES=en, the suite's default): the English texts are in
test_directory_errors.py, test_bad_input.py, test_hostile_input.py and the other unit tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from parapluie.directory.categories import load_categories
from parapluie.directory.load import check_services
from parapluie.directory.models import ServiceEntry
from parapluie.errors import BuildError, validate
from parapluie.i18n.catalogs import placeholder_problems, syntax_problems
from parapluie.inputs import content_checks
from parapluie.inputs.frontmatter import SourcePageMeta, read_source_page, split_front_matter
from parapluie.inputs.languages import load_registry
from parapluie.inputs.load import GENERATED_PAGES
from parapluie.inputs.yamlfile import read_text
from parapluie.messages import retranslate_note
from parapluie.outreach.shortlinks import load_redirects, load_shortlinks
from parapluie.staging.stage import check_no_orphans, source_pages
from parapluie.verify.site import lost_addresses

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests/fixtures/directory"
ENTRY = FIXTURES / "valid/services/service-d-essai.yml"
TODAY = dt.date(2026, 11, 29)
REGISTRY = load_registry(ROOT / "data/languages.yml")
CATEGORIES = load_categories(ROOT / "data/categories.yml")
CODES = ", ".join(REGISTRY.codes)
IDS = ", ".join(CATEGORIES.ids)
PAGE = {"title": "T", "description": "D", "reviewed": "2026-11-01", "sources": ["https://example.org/"]}
NAV = ["index.md", "sante.md"]


@pytest.fixture(autouse=True)
def french(monkeypatch):
    monkeypatch.setenv("PARAPLUIE_MESSAGES", "fr")


def message(call, *args, **kwargs) -> str:
    with pytest.raises(BuildError) as caught:
        call(*args, **kwargs)
    return str(caught.value)


def entry_error(tmp_path: Path, old: str, new: str) -> str:
    path = tmp_path / "services" / "essai.yml"
    path.parent.mkdir(exist_ok=True)
    text = ENTRY.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    from parapluie.inputs.yamlfile import load_yaml

    context = {"languages": ["fr", "ro"], "categories": ["testing"]}
    return message(validate, ServiceEntry, load_yaml(path), path.name, context=context)


def page_error(values: dict) -> str:
    return message(validate, SourcePageMeta, PAGE | values, "docs/fr/sante.md", prefix="en-tête : ")


# --- data/services/: the fixtures of test_directory_errors.py, in French -----------------------------------

DIRECTORY_ERRORS = {
    "invalid-phone": "services/bad-phone.yml: contacts.0.value: numéro mal écrit '+3248562084' : écrivez-le sous "
    "sa forme internationale, sans espace, par exemple '+32485620841', ou un numéro court belge comme '112'",
    "phone-not-e164": "services/local-phone.yml: contacts.0.value: écrivez le numéro '0485 62 08 41' sous sa forme "
    "internationale, sans espace : '+32485620841'",
    "bad-hours": "services/bad-hours.yml: hours: horaires mal écrits 'Mo-Fr 10-16' : jours en anglais abrégé "
    "(Mo Tu We Th Fr Sa Su), heures avec les minutes (10:00, pas 10), plusieurs plages séparées par « ; », "
    "par exemple 'Mo-Fr 10:00-16:00; PH off' (PH off : fermé les jours fériés)",
    "unknown-category": "services/bad-category.yml: categories.1: catégorie inconnue 'condoms' : écrivez l'une "
    f"des catégories de data/categories.yml ({IDS})",
    "unknown-language-key": "services/bad-language-key.yml: name: code de langue inconnu 'nl' : écrivez l'un des "
    f"codes de data/languages.yml ({CODES})",
    "unknown-spoken-language": "services/bad-spoken-language.yml: languages.1: code de langue inconnu 'xx' : "
    "écrivez le code de la langue en deux lettres (ISO 639-1), par exemple ro pour le roumain, ar pour l'arabe",
    "flow-map-comma": "services/flow-map.yml: description: code de langue inconnu 'café et écoute' : écrivez "
    f"l'un des codes de data/languages.yml ({CODES}). Une virgule dans {{…}} termine le texte et commence une "
    'nouvelle clé : mettez le texte entre guillemets, par exemple {fr: "Préservatifs, café et écoute"}',
    "missing-french-name": "services/no-french.yml: name: le texte en français est obligatoire : ajoutez une "
    "ligne « fr: … », par exemple name: {fr: Service d'essai} (les autres langues reprennent le français)",
    "duplicate-id": "services/CPVS_Namur.yml: id: le nom du fichier sert d'adresse à la fiche : seulement des "
    "minuscules sans accent, des chiffres et des « - », par exemple 'cpvs-namur.yml'",
    "stale-without-reason": "services/stale.yml: last_verified: fiche vérifiée le 2025-10-01, il y a plus de 12 "
    "mois : vérifiez la fiche avec ses sources puis mettez la date du jour (last_verified: 2026-11-29), ou "
    "expliquez dans stale_reason pourquoi elle reste",
    "source-year-not-to-confirm": "services/dated.yml: source_years: hours : un détail tiré d'une source datée "
    "n'est publié qu'avec « à confirmer » : ajoutez aussi hours à to_confirm",
    "future-date": "services/future.yml: last_verified: 2026-12-25 est dans le futur (nous sommes le 2026-11-29) "
    ": écrivez la date où la fiche a été vérifiée, par exemple last_verified: 2026-11-29",
}


@pytest.mark.parametrize("case", sorted(DIRECTORY_ERRORS))
def test_directory_mistakes_in_french(case: str) -> None:
    folder = FIXTURES / case
    errors = [str(error.relative_to(folder)) for error in check_services(folder, REGISTRY, CATEGORIES, TODAY).errors]
    assert errors[0] == DIRECTORY_ERRORS[case]


def test_two_files_for_one_entry() -> None:
    folder = FIXTURES / "duplicate-id"
    errors = [str(error.relative_to(folder)) for error in check_services(folder, REGISTRY, CATEGORIES, TODAY).errors]
    assert errors[1] == (
        "services/cpvs-namur.yml: id: ce fichier et 'CPVS_Namur.yml' sont la même fiche (les noms ne tiennent "
        "compte ni des majuscules, ni de « _ » ou « - ») : réunissez-les en un seul fichier, ou renommez l'un d'eux"
    )


def test_entries_falling_due_are_announced_in_french() -> None:
    folder = FIXTURES / "warn-9-months"
    warnings = check_services(folder, REGISTRY, CATEGORIES, TODAY).warnings
    assert [str(warning.relative_to(folder)) for warning in warnings] == [
        "services/old-entry.yml: last_verified: fiche vérifiée le 2026-01-15, il y a plus de 9 mois : vérifiez-la "
        "avec ses sources et mettez à jour last_verified avant le 2027-01-15 ; après cette date, le site refuse "
        "la fiche"
    ]
    folder = FIXTURES / "stale-with-reason"
    warnings = check_services(folder, REGISTRY, CATEGORIES, TODAY).warnings
    assert [str(warning.relative_to(folder)) for warning in warnings] == [
        "services/stale-kept.yml: last_verified: fiche vérifiée le 2025-10-01, il y a plus de 12 mois (gardée : "
        "L'association déménage ; nouvelle adresse annoncée pour janvier.)"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "status: active",
            "status: ouvert",
            "status: 'ouvert' n'est pas une valeur possible ici. Écrivez l'une de ces valeurs : 'active', "
            "'temporarily-closed' ou 'closed'",
        ),
        (
            "anonymous: true",
            "anonymous: oui",
            "anonymous: 'oui' n'est pas oui ou non : écrivez true (oui) ou false (non)",
        ),
        (
            "  - kind: phone\n",
            "  - kind: telephone\n",
            "contacts.0.kind: 'telephone' n'est pas une valeur possible ici. Écrivez l'une de ces valeurs : 'phone', "
            "'sms', 'whatsapp', 'signal', 'email', 'website' ou 'video-call'",
        ),
        (
            "categories: [testing]",
            "categories: []",
            "categories: cette liste est vide : il faut au moins 1 élément, une ligne qui commence par « - » sous "
            "le nom du champ, par exemple :\n  sources:\n    - https://www.example.be/page",
        ),
        (
            "languages: [fr, ro]",
            "languages: fr, ro",
            "languages: ici il faut une liste : sous le nom du champ, une ligne par élément, décalée de deux espaces "
            "et commençant par « - », par exemple :\n  - premier élément\n  - deuxième élément",
        ),
        (
            "hours: Mo-Fr 10:00-16:00; PH off",
            "hours: Feb 30 10:00-16:00",
            "hours: Feb 30 n'est pas une vraie date (dans les horaires 'Feb 30 10:00-16:00')",
        ),
        (
            "organisation: Parapluie test",
            "organisation: " + "x" * 151,
            "organisation: ce texte est trop long (151 signes) : 150 signes au plus. Raccourcissez-le.",
        ),
        (
            "organisation: Parapluie test",
            "organisation: Parapluie test\nlocation:\n  region: Wallonie",
            "location: la ville manque : ajoutez city (par exemple city: Namur), sauf pour un service national "
            "(region: national)",
        ),
        (
            "organisation: Parapluie test",
            'organisation: Parapluie test\nlocation:\n  city: Namur\n  postcode: "500"\n  region: Wallonie',
            "location.postcode: '500' n'a pas la forme attendue : un code postal belge a 4 chiffres, entre "
            'guillemets, par exemple postcode: "5000"',
        ),
        (
            "organisation: Parapluie test",
            "organisation: Parapluie test\nlocation: Namur",
            "location: ici il faut des clés avec leur valeur, une par ligne, décalées de deux espaces sous le nom du "
            "champ, par exemple :\n  location:\n    city: Namur\n    region: Wallonie",
        ),
        (
            "status: active",
            "status: active\nto_confirm: [hours]\nsource_years: {hours: 21}",
            "source_years.hours: 21 est hors des limites : au moins 1990",
        ),
        (
            "status: active",
            "status: active\nto_confirm: [hours]\nsource_years: {hours: deux-mille}",
            "source_years.hours: 'deux-mille' n'est pas un nombre entier : écrivez des chiffres seulement, par "
            "exemple 2021",
        ),
        (
            '  - kind: phone\n    value: "+32485620841"',
            '  - kind: phone\n    value: "107 00"',
            "contacts.0.value: numéro mal écrit '107 00' : écrivez-le sous sa forme internationale, sans espace, "
            "par exemple '+32485620841', ou un numéro court belge comme '112'",
        ),
        (
            '  - kind: phone\n    value: "+32485620841"',
            '  - kind: phone\n    value: "11"',
            "contacts.0.value: '11' n'est pas un numéro court belge (comme 112, 107 ou 116000)",
        ),
        (
            '  - kind: phone\n    value: "+32485620841"',
            '  - kind: phone\n    value: "+33612345678"',
            "contacts.0.value: '+33612345678' est un numéro hors de Belgique (+33) : pour un service belge, écrivez "
            "+32… ; si le service est vraiment à l'étranger, ajoutez abroad: true à ce contact",
        ),
        (
            '  - kind: phone\n    value: "+32485620841"',
            '  - kind: email\n    value: "mailto:info@example.be"',
            "contacts.0.value: écrivez l'adresse e-mail sans « mailto: » (le site l'ajoute) : 'mailto:info@example.be'",
        ),
        (
            '  - kind: phone\n    value: "+32485620841"',
            '  - kind: email\n    value: "info.example.be"',
            "contacts.0.value: adresse e-mail mal écrite 'info.example.be' : par exemple info@example.be",
        ),
        (
            '  - kind: phone\n    value: "+32485620841"',
            '  - kind: website\n    value: "www.example.be"',
            "contacts.0.value: 'www.example.be' n'est pas une adresse web complète : elle commence par https://, "
            "par exemple https://www.example.be",
        ),
        (
            '  - kind: phone\n    value: "+32485620841"',
            '  - kind: video-call\n    value: "sur demande"',
            "contacts.0.value: écrivez on-request (sur demande) ou une adresse qui commence par https:// (la valeur "
            "lue est 'sur demande')",
        ),
    ],
)
def test_entry_field_mistakes_in_french(tmp_path, old, new, expected) -> None:
    assert entry_error(tmp_path, old, new) == f"essai.yml: {expected}"


def test_replaced_by_mistakes_in_french(tmp_path) -> None:
    services = tmp_path / "services"
    services.mkdir()
    text = ENTRY.read_text(encoding="utf-8")
    (services / "ouverte.yml").write_text(text.replace("status: active", "status: active\nreplaced_by: autre"))
    (services / "fermee.yml").write_text(text.replace("status: active", "status: closed\nreplaced_by: disparue"))
    (services / "fermee-aussi.yml").write_text(text.replace("status: active", "status: closed\nreplaced_by: fermee"))
    errors = [
        str(error.relative_to(tmp_path)) for error in check_services(tmp_path, REGISTRY, CATEGORIES, TODAY).errors
    ]
    assert errors == [
        "services/fermee-aussi.yml: replaced_by: la fiche 'fermee' est fermée elle aussi : indiquez une fiche "
        "encore ouverte",
        "services/fermee.yml: replaced_by: aucune fiche 'disparue' dans data/services/ : écrivez le nom d'un "
        "fichier de data/services/ sans « .yml » (pour data/services/alias.yml : replaced_by: alias)",
        "services/ouverte.yml: replaced_by: seule une fiche fermée (status: closed) peut avoir replaced_by : "
        "changez status, ou supprimez la ligne replaced_by",
    ]


def test_a_file_that_is_not_an_entry_in_french(tmp_path) -> None:
    services = tmp_path / "services"
    services.mkdir()
    (services / "notes.txt").write_text("x", encoding="utf-8")
    (services / "liste.yml").write_text("- a\n- b\n", encoding="utf-8")
    errors = [
        str(error.relative_to(tmp_path)) for error in check_services(tmp_path, REGISTRY, CATEGORIES, TODAY).errors
    ]
    assert errors == [
        "services/liste.yml: la fiche doit être une suite de lignes « clé: valeur » (voir le modèle de data/README.md)",
        "services/notes.txt: ce dossier ne contient que des fiches en .yml : renommez le fichier en .yml, ou "
        "déplacez-le",
    ]


# --- YAML, shared by data/ and front matter -------------------------------------------------------------------


def test_yaml_mistakes_in_french(tmp_path) -> None:
    assert message(split_front_matter, "---\ntitle: T\ntitle: U\n---\n", "docs/fr/sante.md") == (
        "docs/fr/sante.md: ligne 3 : la clé « title » est écrite deux fois (la première fois ligne 2). Gardez une "
        "seule ligne title: et supprimez l'autre, sinon une seule des deux valeurs serait publiée"
    )
    assert message(split_front_matter, "---\ntitle: T\nreviewed: 2026-02-31\n---\n", "docs/fr/sante.md") == (
        "docs/fr/sante.md: ligne 3 : « 2026-02-31 » n'est pas une vraie date. Écrivez AAAA-MM-JJ, par exemple "
        "2026-11-29"
    )
    assert message(split_front_matter, "\ufeff---\ntitle: T\n---\n", "docs/fr/sante.md") == (
        "docs/fr/sante.md: le fichier commence par une marque d'ordre des octets (BOM) : enregistrez-le en "
        "« UTF-8 » sans BOM"
    )
    latin1 = tmp_path / "fiche.yml"
    latin1.write_bytes("organisation: a\nname: {fr: Santé}\n".encode("latin-1"))
    assert message(read_text, latin1) == (
        f"{latin1}: ligne 2 : l'octet 0xe9 n'est pas de l'UTF-8 (enregistrez le fichier en UTF-8)"
    )


# --- pages: front matter, dates, phone numbers, sentences ---------------------------------------------------


def test_front_matter_mistakes_in_french() -> None:
    assert message(split_front_matter, "# Santé\n", "docs/fr/sante.md") == (
        "docs/fr/sante.md: l'en-tête manque : la page commence par une ligne '---', puis title: …, description: "
        "…, et une autre ligne '---' (voir MODIFIER-LES-PAGES.md)"
    )
    assert message(split_front_matter, "---\ntitle: T\n", "docs/fr/sante.md") == (
        "docs/fr/sante.md: l'en-tête n'est pas fermé : ajoutez une ligne '---' après sa dernière ligne"
    )
    assert message(split_front_matter, "---\n- T\n---\n", "docs/fr/sante.md") == (
        "docs/fr/sante.md: l'en-tête doit être une suite de lignes « clé: valeur », par exemple title: Santé"
    )
    assert page_error({"title": "<b>Santé</b>"}) == (
        "docs/fr/sante.md: en-tête : title: c'est du texte, pas du code : écrivez-le sans < > \""
    )
    assert page_error({"critical": "oui"}) == (
        "docs/fr/sante.md: en-tête : critical: 'oui' n'est pas oui ou non : écrivez true (oui) ou false (non)"
    )
    assert page_error({"description": "x" * 201}) == (
        "docs/fr/sante.md: en-tête : description: ce texte est trop long (201 signes) : 200 signes au plus. "
        "Raccourcissez-le."
    )
    assert page_error({"period": {"start": "2020-01-02", "end": "2020-01-01"}}) == (
        "docs/fr/sante.md: en-tête : period: la fin (end) vient avant le début (start) : échangez les deux dates"
    )
    assert page_error({"hide": ["menu"]}) == (
        "docs/fr/sante.md: en-tête : hide.0: 'menu' n'est pas une valeur possible ici. Écrivez l'une de ces "
        "valeurs : 'navigation', 'toc', 'path', 'footer', 'feedback' ou 'tags'"
    )


def test_a_read_page_names_its_front_matter_in_french(tmp_path) -> None:
    page = tmp_path / "sante.md"
    page.write_text("---\ntitle: T\ndescription: D\nreviewed: 2026-11-01\nsources: []\n---\n", encoding="utf-8")
    assert message(read_source_page, page).endswith(
        "sante.md: en-tête : sources: cette liste est vide : il faut au moins 1 élément, une ligne qui commence par "
        "« - » sous le nom du champ, par exemple :\n  sources:\n    - https://www.example.be/page"
    )


def test_page_dates_in_french() -> None:
    meta = SourcePageMeta.model_validate(PAGE | {"reviewed": "2026-12-05", "review_by": "2026-11-20"})
    assert content_checks.date_problems(meta, TODAY) == [
        "reviewed : 2026-12-05 est dans le futur (nous sommes le 2026-11-29) : écrivez la date où les faits ont "
        "été vérifiés, par exemple reviewed: 2026-11-29",
        "review_by : la page devait être revue le 2026-11-20 : vérifiez ses faits, puis mettez reviewed: "
        "2026-11-29 et une nouvelle date review_by (par exemple dans six mois)",
    ]
    meta = SourcePageMeta.model_validate(PAGE | {"valid_until": "2026-11-21"})
    assert content_checks.date_problems(meta, TODAY) == [
        "valid_until : la page n'est plus valable depuis le 2026-11-21 : mettez-la à jour, puis changez "
        "valid_until (ou supprimez la ligne si la page ne dépend plus d'une date)"
    ]


def test_pages_falling_due_are_announced_in_french() -> None:
    meta = SourcePageMeta.model_validate(PAGE | {"review_by": "2027-01-10", "valid_until": "2026-12-10"})
    assert content_checks.date_warnings(meta, TODAY) == [
        "review_by : à revoir le 2027-01-10 (dans 42 jours) : après cette date, le site refuse la page ; "
        "vérifiez ses faits, puis changez review_by",
        "valid_until : plus valable le 2026-12-10 (dans 11 jours) : après cette date, le site refuse la page ; "
        "vérifiez ses faits, puis changez valid_until",
    ]


def test_phone_numbers_in_pages_in_french() -> None:
    body = "Appelez [0485 62 08 41](tel:+3248562084) ou [0485 62 08 40](tel:+32485620841)."
    assert content_checks.tel_link_problems(body) == [
        "[0485 62 08 41](tel:+3248562084) : ce n'est pas un numéro valable ; écrivez-le sous sa forme "
        "internationale, sans espace, par exemple [0485 62 08 41](tel:+32485620841)",
        "[0485 62 08 40](tel:+32485620841) : le texte montre d'autres chiffres que le numéro appelé ; les deux "
        "doivent être le même numéro, par exemple [0485 62 08 41](tel:+32485620841)",
    ]
    assert content_checks.unlinked_number_problems("Appelez le 0485 62 08 41 ou le 112.") == [
        "0485 62 08 41 : numéro sans lien d'appel : écrivez [0485 62 08 41](tel:+32485620841)",
        "112 : numéro sans lien d'appel : écrivez [112](tel:112)",
    ]


def test_long_sentences_in_french() -> None:
    long = "Cette phrase a bien trop de mots pour une lectrice pressée qui lit sur un petit téléphone le soir tard."
    assert content_checks.sentence_problems(long) == [
        "les phrases font en moyenne 20,0 mots (moins de 18 demandés) : coupez les plus longues, par exemple "
        "« Cette phrase a bien trop de mots pour une lectrice pressée qui lit sur un … »"
    ]


def test_pages_and_the_nav_in_french(project_copy) -> None:
    french = project_copy.source_docs
    (french / "nouvelle.md").write_text("---\ntitle: T\n---\n", encoding="utf-8")
    nav = project_copy.nav_pages(project_copy.base_config())
    assert message(source_pages, project_copy, nav, GENERATED_PAGES) == (
        "docs/fr/nouvelle.md: cette page n'est pas dans le menu : ajoutez une ligne « - nouvelle.md » au nav de "
        "mkdocs.yml (ou supprimez le fichier)"
    )
    (french / "nouvelle.md").unlink()
    assert message(source_pages, project_copy, [*nav, "absente.md"], GENERATED_PAGES) == (
        f"mkdocs.yml: nav.{len(nav)}: le menu (nav) cite 'absente.md', mais le fichier docs/fr/absente.md n'existe "
        "pas : vérifiez le nom du fichier, ou retirez cette ligne du nav"
    )
    written = next(page for page in nav if page not in GENERATED_PAGES)
    assert message(source_pages, project_copy, nav, GENERATED_PAGES | {written: "data/services/"}) == (
        f"docs/fr/{written}: cette page est faite à partir des données (data/services/) : supprimez ce fichier et "
        "modifiez plutôt les données"
    )
    english = REGISTRY.translations[0]
    (project_copy.docs / english.code / "sant.md").write_text("---\ntitle: T\n---\n", encoding="utf-8")
    assert message(check_no_orphans, project_copy, english, nav) == (
        f"docs/{english.code}/sant.md: pas de page française docs/fr/sant.md : une traduction a le même nom que "
        "sa page française (renommez le fichier, ou créez d'abord la page française)"
    )


# --- short links, redirects, published addresses -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "W: {page: sante.md}\n",
            "W: un lien court fait 1 à 3 lettres minuscules (sans accent) ou chiffres, par exemple w",
        ),
        (
            "ro: {page: sante.md}\n",
            "ro: 'ro' est déjà une langue, un dossier de pages ou un nom réservé : choisissez une autre lettre",
        ),
        (
            "s: {page: santé.md}\n",
            "s.page: 'santé.md' n'a pas la forme attendue : écrivez le fichier d'une page de docs/fr/, par exemple "
            "page: sante.md",
        ),
        (
            "s: {page: contact.md}\n",
            "s: 'contact.md' n'est pas une page du menu (nav de mkdocs.yml) : écrivez le fichier d'une page de "
            "docs/fr/, par exemple page: sante.md",
        ),
    ],
)
def test_short_link_mistakes_in_french(tmp_path, text, expected) -> None:
    path = tmp_path / "shortlinks.yml"
    path.write_text(text, encoding="utf-8")
    assert message(load_shortlinks, path, NAV, ["fr", "ro"]) == f"{path}: {expected}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ancienne page/: sante/\n",
            "ancienne page/: une ancienne adresse s'écrit en minuscules sans accent, chiffres, « - », « _ » et "
            "« . », les dossiers séparés par « / » (sans espace, sans « .. », sans « / » au début), par exemple "
            "'ancienne-page/'",
        ),
        (
            "ancienne/: sante\n",
            "ancienne/: 'sante' n'est l'adresse d'aucune page : écrivez l'adresse d'une page sans la langue, avec "
            "« / » à la fin, par exemple 'sante/'",
        ),
        (
            "sante/: ''\n",
            "sante/: cette adresse est encore celle d'une page : une redirection la cacherait. Supprimez cette ligne",
        ),
    ],
)
def test_redirect_mistakes_in_french(tmp_path, text, expected) -> None:
    path = tmp_path / "redirects.yml"
    path.write_text(text, encoding="utf-8")
    assert message(load_redirects, path, NAV) == f"{path}: {expected}"


def test_lost_published_addresses_in_french() -> None:
    assert lost_addresses(["/fr/ancienne/", "/ro/ancienne/"]) == (
        "2 adresse(s) déjà publiée(s) ne mèneraient plus nulle part : /fr/ancienne/, /ro/ancienne/. Une page qui "
        "change d'adresse (ou qui disparaît) a besoin d'une ligne dans data/redirects.yml, par exemple "
        "« ancienne-page/: sante/ »"
    )


# --- catalogs and translations ----------------------------------------------------------------------------------


def test_catalog_mistakes_in_french() -> None:
    catalog = Catalog(locale="ro")
    catalog.add("Vérifié le %(date)s", "Verificat", lineno=12)
    catalog.add("Copiez {url}", "Copiați {link}", lineno=15)
    catalog.add("Prix", "100 % gratuit", lineno=18)
    assert placeholder_problems(catalog) == [
        "ligne 12 : msgid 'Vérifié le %(date)s' : la traduction doit garder exactement %(date)s, écrit comme dans "
        "le msgid (elle a : aucun). Ces marques, comme %(date)s ou {url}, sont remplacées sur le site par une date "
        "ou un lien : ne les traduisez pas",
        "ligne 15 : msgid 'Copiez {url}' : la traduction doit garder exactement {url}, écrit comme dans le msgid "
        "(elle a : {link}). Ces marques, comme %(date)s ou {url}, sont remplacées sur le site par une date ou un "
        "lien : ne les traduisez pas",
        "ligne 18 : msgid 'Prix' : un « % » seul dans la traduction (écrivez « %% » pour le signe pour cent)",
    ]
    assert syntax_problems('msgid "Sources"\nmsgstr "Surse\n') == [
        'ligne 2 : un texte s\'ouvre et se ferme par un guillemet droit (") : msgstr "Surse'
    ]


def test_untranslated_catalog_strings_in_french(project_copy) -> None:
    from parapluie.i18n.catalogs import catalog_path, compile_catalog, read_catalog
    from parapluie.i18n.extract import write_catalog

    language = REGISTRY.translations[0]
    path = catalog_path(project_copy.translations, language)
    catalog = read_catalog(path, locale=language.babel)
    catalog["Sources"].string = ""
    write_catalog(path, catalog)
    relative = project_copy.relative(path)
    assert message(compile_catalog, project_copy, language, project_copy.root / "locale") == (
        f"{relative}: msgstr: 1 texte(s) sans traduction (ou marqués fuzzy) : 'Sources'. Écrivez la traduction "
        'entre les guillemets de msgstr "…", et supprimez la ligne « #, fuzzy » au-dessus s\'il y en a une'
    )


def test_the_builds_re_translate_list_in_french() -> None:
    assert retranslate_note("ro", [("sante.md", "2026-11-20"), ("contact.md", None)]) == (
        "docs/ro/ : 2 page(s) à retraduire (la page française a changé ; publiée(s) avec un avis et un lien vers la "
        "page française) : sante.md (traduite le 2026-11-20), contact.md"
    )


def test_the_build_lists_page_problems_in_french(project_copy) -> None:
    from parapluie.inputs.load import load_inputs, written_pages

    page = written_pages(project_copy)[0]
    path = project_copy.source_docs / page
    path.write_text(path.read_text(encoding="utf-8") + "\nAppelez le 0485 62 08 41.\n", encoding="utf-8")
    # The real pages of the copy, as of today: only the line added here is wrong.
    assert message(load_inputs, project_copy, ["fr"], dt.date.today()) == (
        "docs/fr: 1 problème(s) dans les pages :\n"
        f"  docs/fr/{page}: 0485 62 08 41 : numéro sans lien d'appel : écrivez [0485 62 08 41](tel:+32485620841)"
    )


def test_broken_links_in_a_page_in_french(project_copy, tmp_path) -> None:
    from parapluie.render.run import explain
    from parapluie.staging.stage import StagedLanguage, StagedPage

    language = REGISTRY.source
    docs = tmp_path / "stage" / "docs"
    origin = project_copy.source_docs / "sante.md"
    page = StagedPage(path="sante.md", state="source", origin=origin)
    staged = StagedLanguage(language, tmp_path / "mkdocs.yml", docs, tmp_path / "site", [page])
    not_found = (
        "WARNING -  Doc file 'sante.md' contains a link 'contat.md', but the target is not found among "
        "documentation files."
    )
    assert explain(not_found, staged, project_copy) == (
        "docs/fr/sante.md: le lien (contat.md) mène à une page qui n'existe pas : vérifiez le nom du fichier ; "
        "un lien vers une autre page s'écrit avec son fichier, par exemple [Santé](sante.md)"
    )
    anchor = (
        "WARNING -  Doc file 'sante.md' contains a link 'contact.md#urgence', but the doc 'contact.md' does not "
        "contain an anchor '#urgence'."
    )
    assert explain(anchor, staged, project_copy) == (
        "docs/fr/sante.md: le lien (contact.md#urgence) mène à un titre que la page contact.md n'a pas : son "
        "identifiant { #urgence } n'existe pas ; vérifiez l'identifiant écrit entre accolades à la fin du titre visé"
    )
    unrecognized = "WARNING -  Doc file 'sante.md' contains an unrecognized relative link 'contact', it was left as is."
    assert explain(unrecognized, staged, project_copy) == (
        "docs/fr/sante.md: le lien (contact) ne mène à aucun fichier : un lien vers une autre page s'écrit avec son "
        "fichier .md, par exemple [Santé](sante.md)"
    )


def test_an_unknown_entry_on_the_leaflets_in_french(tmp_path) -> None:
    from parapluie.outreach.leaflets import load_leaflet_entries

    path = tmp_path / "leaflet.yml"
    path.write_text("emergency:\n  - disparue\n", encoding="utf-8")
    assert message(load_leaflet_entries, path, []) == (
        f"{path}: emergency.0: aucune fiche 'disparue' dans data/services/ : écrivez le nom d'un fichier de "
        "data/services/ sans « .yml » (pour data/services/alias.yml : - alias)"
    )


def test_a_translation_that_departs_from_its_french_page_in_french() -> None:
    from parapluie.i18n.structure import structure_problems

    french = "## Urgence { #urgence }\n\nAppelez le [112](tel:112). Voir [Santé](sante.md).\n"
    translated = "## Emergency { #emergency }\n\nCall [0485 62 08 41](tel:+32485620841).\n"
    assert structure_problems(french, translated, fresh=True) == [
        "le numéro +32485620841 n'est pas sur la page française : s'il a changé, corrigez-le aussi dans cette "
        "traduction (cherchez « tel:+32485620841 » et remplacez le numéro, dans le lien et dans le texte)",
        "les identifiants des titres ['emergency'] diffèrent de ceux de la page française ['urgence'] : gardez les "
        "mêmes { #identifiant }, dans le même ordre",
        "les liens vers les autres pages diffèrent de la page française (il manque ['sante.md'], en trop []) : "
        "gardez les mêmes liens",
        "les numéros ['+32485620841'] diffèrent de ceux de la page française ['112'] : gardez les mêmes numéros",
    ]


def test_make_check_data_speaks_french() -> None:
    import os
    import re
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check_data.py")],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, PARAPLUIE_MESSAGES="fr"),
    )
    # The real data, today: only the words are asserted, not how many entries or problems there are.
    assert re.fullmatch(r"\d+ fiche\(s\) vérifiée\(s\) : \d+ erreur\(s\), \d+ avertissement\(s\)\n", result.stdout)
    problems = [line for line in result.stderr.splitlines() if not line.startswith(" ")]  # an example is indented
    assert all(line.startswith(("erreur : ", "attention : ")) for line in problems)


def test_make_site_says_in_french_that_it_stopped(project_copy, capsys) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_script", ROOT / "scripts/build.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    page = project_copy.source_docs / "index.md"
    page.write_text("# Accueil\n", encoding="utf-8")
    assert script.main(["--project", str(project_copy.root), "--lang", "fr"]) == 1
    assert capsys.readouterr().err == (
        "Le site n'a pas été construit : docs/fr/index.md: l'en-tête manque : la page commence par une ligne '---', "
        "puis title: …, description: …, et une autre ligne '---' (voir MODIFIER-LES-PAGES.md)\n"
    )


def test_an_unreadable_catalog_in_french(tmp_path) -> None:
    from parapluie.i18n.catalogs import read_catalog

    path = tmp_path / "messages.po"
    path.write_text('msgid "Sources"\n', encoding="utf-8")  # the msgstr line deleted
    assert message(read_catalog, path) == (
        f'{path}: catalogue mal écrit : chaque msgid "…" est suivi de sa ligne msgstr "…" (détail : missing msgstr '
        "for msgid 'Sources' on 0)"
    )


def test_categories_and_place_names_in_french(tmp_path) -> None:
    from parapluie.directory.categories import load_categories
    from parapluie.directory.places import load_places

    text = (ROOT / "data/categories.yml").read_text(encoding="utf-8")
    first = CATEGORIES.categories[0].id
    twice = tmp_path / "categories.yml"
    twice.write_text(text.replace(f"id: {CATEGORIES.categories[1].id}\n", f"id: {first}\n", 1), encoding="utf-8")
    assert message(load_categories, twice) == (
        f"{twice}: categories.1.id: l'identifiant '{first}' est écrit deux fois : chaque id est unique, renommez "
        "l'un des deux"
    )
    need = CATEGORIES.needs[0]
    unknown = tmp_path / "needs.yml"
    start = text.index("needs:")
    written = f"categories: [{', '.join(need.categories)}]"
    assert written in text[start:]
    unknown.write_text(text[:start] + text[start:].replace(written, "categories: [depistage]", 1), encoding="utf-8")
    assert message(load_categories, unknown) == (
        f"{unknown}: needs.0.categories.0: catégorie inconnue 'depistage' : écrivez l'id d'une catégorie de la "
        f"liste categories de ce fichier ({IDS})"
    )
    places = tmp_path / "places.yml"
    places.write_text("cities:\n  Namur: {nl: Namen}\n", encoding="utf-8")
    assert message(load_places, places, ["fr", "ro"]) == (
        f"{places}: cities.Namur: code de langue inconnu 'nl' : écrivez l'un des codes de data/languages.yml (fr, ro)"
    )
    places.write_text("cities:\n  Namur: {ro: ' '}\n", encoding="utf-8")
    assert message(load_places, places, ["fr", "ro"]) == (
        f"{places}: cities.Namur.ro: le nom est vide : écrivez-le, ou supprimez la ligne"
    )
