"""Page weight: what a first visit fetches, and the bytes a host sends for it."""

from __future__ import annotations

import gzip

import pytest

from devtools.weight import page_weight, subresources, transfer_size


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_transfer_size_compresses_text_and_not_images(tmp_path):
    css = write(tmp_path / "a.css", "body{color:red}" * 100)
    assert transfer_size(css) == len(gzip.compress(css.read_bytes(), compresslevel=6, mtime=0))
    assert transfer_size(css) < css.stat().st_size
    png = tmp_path / "i.png"
    png.write_bytes(b"\x89PNG" + bytes(100))
    assert transfer_size(png) == 104


def test_subresources_follow_stylesheets_scripts_images_and_css_urls_once(tmp_path):
    site = tmp_path
    write(site / "assets" / "s.css", "a{background:url(img/bg.svg)}b{background:url(data:image/png;base64,AA==)}")
    write(site / "assets" / "img" / "bg.svg", "<svg/>")
    write(site / "assets" / "s.js", "")
    write(site / "fr" / "assets" / "logo.svg", "<svg/>")
    page = write(
        site / "fr" / "sante" / "index.html",
        '<link rel="icon" href="../assets/logo.svg"><link rel="stylesheet" href="../../assets/s.css">'
        '<link rel="prev" href="../autre/"><script src="../../assets/s.js" defer></script>'
        '<img src="../assets/logo.svg" alt=""><a href="../autre/">x</a>',
    )
    found = [path.relative_to(site).as_posix() for path in subresources(site, page)]
    assert found == ["fr/assets/logo.svg", "assets/s.css", "assets/img/bg.svg", "assets/s.js"]
    weight = page_weight(site, page)
    assert weight.requests == 5 and weight.files[0] == "fr/sante/index.html"
    assert weight.first_visit_bytes == sum(transfer_size(site / name) for name in weight.files)


def test_a_missing_or_foreign_subresource_is_an_error(tmp_path):
    page = write(tmp_path / "fr" / "index.html", '<script src="../assets/gone.js"></script>')
    with pytest.raises(FileNotFoundError, match=r"gone\.js"):
        page_weight(tmp_path, page)
    write(page, '<img src="https://tracker.example/p.gif">')
    with pytest.raises(ValueError, match=r"another origin"):
        subresources(tmp_path, page)
