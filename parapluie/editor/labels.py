"""French labels, hints and form checks of the web editor, by field path (`location.city`).

The fields themselves come from the models (parapluie/editor/config.py); this file only says
them in plain French for staff. A model field without a label here still appears in the form
(under its own name), and `tests/unit/test_editor_config.py` fails until it has one.
"""

from __future__ import annotations

# The hours' syntax, explained once: the form's hint and its error message both use it.
HOURS_EXAMPLE = "Mo-Fr 09:00-17:00; PH off"
HOURS_HINT = (
    "Format OpenStreetMap, heure de Belgique, toujours avec les minutes (10:00, pas 10). "
    "Jours : Mo Tu We Th Fr Sa Su ; plusieurs plages : « ; » ; PH off = fermé les jours fériés ; "
    f"24/7 = toujours ouvert. Exemple : {HOURS_EXAMPLE}. Laissez vide si vous ne savez pas."
)
# Catches in the form the common mistake (hours without minutes, `Mo-Fr 10-16`); the build checks the
# full syntax. Allowed digits: HH:MM times, week numbers `We[1,3]`, day of month `Dec 25`, `24/7`.
HOURS_PATTERN = r"^(?:24/7|[0-9]{1,2}:[0-9]{2}|\[[0-9,\-]+\]|[A-Z][a-z]{2} [0-9]{1,2}\b|[^0-9])*$"
HOURS_ERROR = f"Horaires mal écrits : mettez les heures avec les minutes, par exemple « {HOURS_EXAMPLE} »"

# path: (label, hint). Hints are short: what to type, and an example.
SERVICE_FIELDS: dict[str, tuple[str, str]] = {
    "organisation": ("Organisation", "L'association qui gère le service."),
    "name": ("Nom affiché", "Par langue. Le français est obligatoire ; sans traduction, le site affiche le français."),
    "description": ("Ce que le service propose", "En phrases simples, par langue. Le français est obligatoire."),
    "categories": ("Catégories", "Au moins une (liste de data/categories.yml)."),
    "location": ("Lieu", "Où le service reçoit les personnes. Facultatif."),
    "location.street": ("Rue et numéro", "Seulement si une source le donne."),
    "location.postcode": ("Code postal", "4 chiffres, par exemple 5000."),
    "location.city": ("Ville", "Obligatoire, sauf pour un service national."),
    "location.region": ("Région", "« national » pour une ligne nationale sans lieu."),
    "location.coordinates": ("Coordonnées GPS", "Facultatif."),
    "location.coordinates.lat": ("Latitude", "Par exemple 50.4669"),
    "location.coordinates.lon": ("Longitude", "Par exemple 4.8675"),
    "location.private": (
        "Adresse privée",
        "Activé : l'adresse n'est jamais publiée (point de rencontre, hébergement).",
    ),
    "contacts": ("Moyens de contact", "Un par ligne : le type, puis la valeur."),
    "contacts.kind": ("Type", ""),
    "contacts.value": (
        "Valeur",
        "Téléphone au format international sans espaces (+32485620841) ou numéro court (112) ; "
        "site web en https:// ; vidéo : on-request ou une adresse https://.",
    ),
    "contacts.note": ("Précision", "Facultatif, par langue (par exemple « Numéro gratuit. »)."),
    "contacts.abroad": (
        "Numéro à l'étranger",
        "Activé seulement si le service est hors de Belgique (un numéro qui ne commence pas par +32).",
    ),
    "hours": ("Horaires", HOURS_HINT),
    "hours_note": (
        "Précision sur les horaires",
        "Facultatif, par langue (par exemple « Sans rendez-vous le mardi. »).",
    ),
    "languages": ("Langues parlées par l'équipe", "Tapez le début du nom pour chercher."),
    "anonymous": ("Anonyme", "Activé : le service est anonyme."),
    "free": ("Gratuit", "Activé : le service est gratuit."),
    "status": (
        "État",
        "Fermé temporairement : la fiche reste, avec la mention. Fermé : la fiche quitte les listes, sa page dit "
        "que le service a fermé.",
    ),
    "replaced_by": (
        "Où aller à la place",
        "Seulement pour un service fermé : l'identifiant d'une fiche ouverte (le nom de son fichier, sans .yml).",
    ),
    "last_verified": (
        "Dernière vérification",
        "Mettez la date du jour seulement si vous avez vraiment revérifié la fiche.",
    ),
    "sources": ("Sources", "Au moins une adresse web (https://…) où l'information peut être vérifiée."),
    "stale_reason": (
        "Pourquoi garder une fiche ancienne",
        "Seulement pour une fiche vérifiée il y a plus de 12 mois (par exemple « l'association ne répond pas »).",
    ),
    "source_notes": (
        "Notes sur les sources (non publiées)",
        "Pour l'équipe : d'où vient chaque information, de quand, ce qui manque. Rien de ceci n'est publié.",
    ),
    "to_confirm": ("À confirmer", "Les champs peu sûrs : le site affiche « à confirmer » à côté."),
    "source_years": (
        "Année de la source",
        "Pour un champ à confirmer tiré d'une source ancienne : l'année de cette source (par exemple 2016).",
    ),
}

PAGE_FIELDS: dict[str, tuple[str, str]] = {
    "title": ("Titre", "Le titre de la page."),
    "description": ("Résumé", "Une phrase pour les moteurs de recherche et les aperçus de lien (200 signes au plus)."),
    "hide": ("Masquer", "Parties de la page à masquer. Laissez vide d'habitude."),
    "reviewed": ("Dernière vérification des faits", "La date où les faits de la page ont été revérifiés."),
    "sources": ("Sources", "Au moins une adresse web (https://…) d'où viennent les faits."),
    "review_by": ("À revoir avant le", "Facultatif : date de la prochaine vérification."),
    "valid_until": ("Valable jusqu'au", "Facultatif : après cette date, la page doit être mise à jour."),
    "period": ("Période décrite", "Facultatif, pour une page historique."),
    "period.start": ("Début", ""),
    "period.end": ("Fin", ""),
    "critical": ("Page critique", "Conseils de sécurité ou numéros de téléphone."),
    "l10n": ("Traduction", ""),
    "l10n.source_hash": ("Version française traduite", ""),
    "l10n.method": ("Méthode de traduction", ""),
    "l10n.translated": ("Date de la traduction", "Écrite par make stamp."),
    "body": (
        "Texte de la page (Markdown)",
        "## pour un titre ; gardez les { #identifiant } à la fin des titres : des liens en dépendent.",
    ),
}

SHORTLINK_FIELDS: dict[str, tuple[str, str]] = {
    "page": ("Page", "La page ouverte par ce lien court."),
    "leaflet": ("Sur les dépliants", "Activé : le lien court est imprimé sur les dépliants."),
}

# Values of select lists, in French (values not listed here are shown as they are).
VALUE_LABELS: dict[str, str] = {
    "active": "Ouvert",
    "temporarily-closed": "Fermé temporairement",
    "closed": "Fermé définitivement",
    "phone": "Téléphone",
    "sms": "SMS",
    "whatsapp": "WhatsApp",
    "signal": "Signal",
    "email": "E-mail",
    "website": "Site web",
    "video-call": "Appel vidéo",
    "navigation": "le menu",
    "toc": "la table des matières",
    "path": "le fil d'Ariane",
    "footer": "le pied de page",
    "feedback": "les avis",
    "tags": "les étiquettes",
}

# Form checks (`pattern`) with their message, by field path: what the model's own pattern means.
PATTERN_ERRORS: dict[str, str] = {
    "location.postcode": "Le code postal belge a 4 chiffres, par exemple 5000",
    "sources": "Une adresse web commence par https:// (ou http://)",
    "hours": HOURS_ERROR,
}

READ_ONLY_HINT = (
    "Lecture seule. Les langues du site ne se changent pas ici : une nouvelle langue demande "
    "un développeur (make new-lang, voir README)."
)
