"""The brotli copies `make site` writes beside the built site's text files (scripts/precompress.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import brotli

from parapluie.hosting.compression import brotli_transfer_size, transfer_size
from parapluie.hosting.precompress import precompress_site

ROOT = Path(__file__).resolve().parents[2]
PAGE = "<!doctype html><title>Santé</title>" + "<p>Se faire dépister, gratuitement et sans nom.</p>" * 80


def small_site(folder: Path) -> Path:
    """A built site's shape: pages, a stylesheet, an image, a tiny text file."""
    (folder / "fr" / "sante").mkdir(parents=True)
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    (folder / "fr" / "sante" / "index.html").write_text(PAGE.replace("Santé", "Santé et droits"), encoding="utf-8")
    (folder / "fr" / "style.css").write_text("body { color: black; }\n" * 60, encoding="utf-8")
    (folder / "fr" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    (folder / "robots.txt").write_text("a", encoding="utf-8")
    return folder


def test_each_text_file_gets_a_brotli_copy_that_decompresses_to_it(tmp_path):
    site = small_site(tmp_path)
    done = precompress_site(site, jobs=2)
    for name in ("index.html", "fr/sante/index.html", "fr/style.css"):
        original = (site / name).read_bytes()
        copy = (site / (name + ".br")).read_bytes()
        assert brotli.decompress(copy) == original
        assert len(copy) == brotli_transfer_size(site / name) < transfer_size(site / name) < len(original)
    assert not (site / "fr" / "logo.png.br").exists()  # images are compressed already
    assert not (site / "robots.txt.br").exists()  # one byte: a copy would be larger
    assert not list(site.rglob("*.partial"))
    assert done.files == 4 and done.removed == 0
    assert done.brotli_bytes < done.raw_bytes


def test_a_copy_left_without_its_file_is_removed(tmp_path):
    site = small_site(tmp_path)
    precompress_site(site, jobs=1)
    (site / "fr" / "sante" / "index.html").unlink()
    done = precompress_site(site, jobs=1)
    assert done.removed == 1
    assert not (site / "fr" / "sante" / "index.html.br").exists()
    assert (site / "index.html.br").exists()


def test_the_command_refuses_a_folder_without_a_built_site(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "precompress.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"Aucun site construit dans {tmp_path} : lancez d'abord « make site »."
    assert not result.stdout


def test_the_command_says_what_it_wrote(tmp_path):
    site = small_site(tmp_path)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "precompress.py"), str(site)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Copies brotli : 4 fichiers, ")
    assert (site / "index.html.br").exists()
