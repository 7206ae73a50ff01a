"""The pinned Decap CMS bundle: fetched from npm once (`make editor`), checked, kept in `.cache/`.

The bundle is not committed (66 MB of files, 6 MB served): `make editor` runs `npm pack` for the
pinned version, checks the tarball's sha256 against the one recorded here, and unpacks the files
the editor serves into `.cache/decap-cms-<version>/`. The build copies them into `site/admin/`;
without them it builds the site and says that it skipped the editor. `make site` therefore
still works on a machine with only Python.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "decap-cms"
VERSION = "3.16.3"
# sha256 of the npm tarball decap-cms-3.16.3.tgz (npm also checks the registry's sha512 on download).
TARBALL_SHA256 = "f1c0055411ebdbd5b7c77a835a68b92b5467622585838f8496223b27eee116d1"
# sha256 of its main script, checked again by every build before it copies the bundle.
MAIN_SCRIPT_SHA256 = "7c1efd6b616b4786e279aeef194dd21649a72058d3bc8d1f78901b574610dfb8"
LICENSE = "MIT"
# What the editor page loads: the main script, the chunks it loads on demand, and its WebAssembly.
SERVED_SUFFIXES = (".decap-cms.js", ".wasm")
MAIN_SCRIPT = "decap-cms.js"
THIRD_PARTY_NOTICES = "decap-cms.js.LICENSE.txt"


class VendorError(Exception):
    """The bundle could not be fetched or failed its integrity check."""


def bundle_folder(root: Path) -> Path:
    """Where `make editor` unpacks the pinned bundle inside a project."""
    return root / ".cache" / f"{PACKAGE}-{VERSION}"


def sha256_file(path: Path) -> str:
    """The hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def served_files(folder: Path) -> list[Path]:
    """The files of an unpacked bundle that `/admin/` serves (the main script first)."""
    main = folder / MAIN_SCRIPT
    chunks = sorted(p for p in folder.iterdir() if p.name != MAIN_SCRIPT and p.name.endswith(SERVED_SUFFIXES))
    return [main, *chunks]


def unpack(tarball: Path, folder: Path) -> None:
    """Check `tarball` against the recorded sha256, then unpack the served files and the notices."""
    actual = sha256_file(tarball)
    if actual != TARBALL_SHA256:
        raise VendorError(f"{tarball.name}: sha256 {actual} is not the pinned {TARBALL_SHA256}; refusing it")
    staging = Path(tempfile.mkdtemp(prefix=".decap-", dir=folder.parent))
    try:
        with tarfile.open(tarball) as archive:
            for member in archive.getmembers():
                name = Path(member.name).name
                wanted = name in (MAIN_SCRIPT, THIRD_PARTY_NOTICES) or name.endswith(SERVED_SUFFIXES)
                if member.isfile() and member.name == f"package/dist/{name}" and wanted:
                    (staging / name).write_bytes(archive.extractfile(member).read())
        (staging / "VERSION").write_text(f"{PACKAGE}@{VERSION} sha256:{TARBALL_SHA256}\n", encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def fetch(root: Path, npm: str = "npm") -> Path:
    """Download the pinned tarball with `npm pack`, check it, unpack it; return the bundle folder."""
    folder = bundle_folder(root)
    if is_ready(folder):
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as download:
        try:
            subprocess.run(
                [npm, "pack", f"{PACKAGE}@{VERSION}", "--silent", "--pack-destination", download],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        except (OSError, subprocess.CalledProcessError) as error:
            raise VendorError(f"npm pack {PACKAGE}@{VERSION} failed: {error}") from None
        unpack(Path(download) / f"{PACKAGE}-{VERSION}.tgz", folder)
    return folder


def is_ready(folder: Path) -> bool:
    """True when `folder` holds a bundle unpacked from the pinned, checked tarball, main script intact."""
    stamp = folder / "VERSION"
    return (
        (folder / MAIN_SCRIPT).is_file()
        and stamp.is_file()
        and stamp.read_text(encoding="utf-8").strip() == f"{PACKAGE}@{VERSION} sha256:{TARBALL_SHA256}"
        and sha256_file(folder / MAIN_SCRIPT) == MAIN_SCRIPT_SHA256
    )
