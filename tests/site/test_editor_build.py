"""The build adds /admin/ when the pinned bundle is there, and says what it skipped when it is not."""

from __future__ import annotations

import json

from parapluie.build import build_site
from parapluie.editor import vendor
from parapluie.editor.site import SKIPPED
from parapluie.inputs.yamlfile import load_yaml
from parapluie.verify.published import published_urls
from tests.fixtures_project import FIXED_TODAY, ROOT


def test_without_the_bundle_the_site_builds_and_says_the_editor_was_skipped(project_copy, tmp_path):
    result = build_site(project_copy, tmp_path / "site", languages=["fr"], today=FIXED_TODAY)
    assert SKIPPED in result.warnings
    assert not (result.site / "admin").exists()
    assert "/admin/" not in (result.site / "_headers").read_text(encoding="utf-8")


def test_with_the_bundle_admin_has_its_page_config_and_licence_and_is_linked_nowhere(project_copy, tmp_path):
    assert vendor.is_ready(vendor.bundle_folder(ROOT)), "run `make editor` (make test does)"
    (project_copy.root / ".cache").mkdir()
    (project_copy.root / ".cache" / vendor.bundle_folder(ROOT).name).symlink_to(vendor.bundle_folder(ROOT))
    result = build_site(project_copy, tmp_path / "site", languages=["fr"], today=FIXED_TODAY)
    admin = result.site / "admin"
    assert SKIPPED not in result.warnings
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert '<script src="decap-cms.js"></script>' in html and "noindex" in html
    assert (admin / "decap-cms.js").read_bytes() == (vendor.bundle_folder(ROOT) / "decap-cms.js").read_bytes()
    assert (admin / "LICENSE-decap-cms.txt").is_file() and (admin / "decap-cms.js.LICENSE.txt").is_file()
    config = load_yaml(admin / "config.yml")
    assert config["collections"][0]["folder"] == "data/services"
    # Not a reader address, not in the offline copy, not in the sitemap or search index.
    assert not any(url.startswith("/admin") for url in published_urls(result.site))
    offline = json.loads((result.site / "fr" / "offline.json").read_text(encoding="utf-8"))
    assert not any("admin" in url for url in offline["files"])
    for name in ("fr/sitemap.xml", "fr/search/search_index.json"):
        path = result.site / name
        assert not path.exists() or "/admin/" not in path.read_text(encoding="utf-8"), name
    assert "/admin/*\n" in (result.site / "_headers").read_text(encoding="utf-8")
    assert "location ^~ /admin/ {" in (result.site / "_nginx.conf").read_text(encoding="utf-8")
