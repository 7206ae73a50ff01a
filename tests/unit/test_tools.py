"""The tools' scripts: fingerprinted once at the site's root, linked from their pages (parapluie/finish/tools.py)."""

from __future__ import annotations

from parapluie.finish.bundle import fingerprinted_name
from parapluie.finish.tools import link_tool_scripts, tool_script_sources, write_tool_scripts


def test_tool_scripts_are_fingerprinted_and_the_bundled_ones_left_out(tmp_path):
    sources = tmp_path / "project"
    (sources / "components" / "tools").mkdir(parents=True)
    (sources / "components" / "tools" / "photo.js").write_text("/* photo */\n  var a = 1;\n", encoding="utf-8")
    (sources / "components" / "tools" / "listen.js").write_text("/* listen */", encoding="utf-8")
    (sources / "components" / "tools" / "tools.css").write_text("a{}", encoding="utf-8")
    assert [path.name for path in tool_script_sources(sources)] == ["photo.js"]
    site = tmp_path / "site"
    written = write_tool_scripts(site, sources)
    name = fingerprinted_name("photo", b"var a = 1;", "js")  # minified: no comment, no indentation
    assert written == {"assets/tools/photo.js": f"assets/tools/{name}"}
    assert (site / "assets" / "tools" / name).read_text(encoding="utf-8") == "var a = 1;"


def test_links_are_rewritten_only_where_the_stable_name_is_linked():
    scripts = {"assets/tools/photo.js": "assets/tools/photo.0123abcd.min.js"}
    html = '<script src="../../../assets/tools/photo.js" defer></script><p>assets/tools/photo.js is ours</p>'
    assert link_tool_scripts(html, scripts) == (
        '<script src="../../../assets/tools/photo.0123abcd.min.js" defer></script><p>assets/tools/photo.js is ours</p>'
    )
