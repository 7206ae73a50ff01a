"""The web editor (/admin/): fetch its pinned bundle, print its config, or try it on this clone.

Usage:
  python scripts/editor.py fetch          download decap-cms (pinned) with npm, check its sha256, unpack it
  python scripts/editor.py config         print the generated admin/config.yml
  python scripts/editor.py local [--port 8000] [--backend-port 8081]
                                          serve site/ and decap-server over this clone: open
                                          http://localhost:8000/admin/ (run `make site` first)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devtools.localserver import start_server  # noqa: E402
from parapluie.editor import vendor  # noqa: E402
from parapluie.editor.config import LOCAL_BACKEND_PORT, editor_config  # noqa: E402
from parapluie.editor.local import LocalBackendError, start_decap_server, stop  # noqa: E402
from parapluie.editor.site import config_text  # noqa: E402
from parapluie.errors import BuildError  # noqa: E402
from parapluie.project import Project  # noqa: E402


def main() -> int:
    """Run one sub-command; print a plain message and exit 1 on failure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("fetch", help="fetch and check the pinned bundle")
    commands.add_parser("config", help="print the generated config.yml")
    local = commands.add_parser("local", help="try the editor on this clone")
    local.add_argument("--port", type=int, default=8000)
    local.add_argument("--backend-port", type=int, default=LOCAL_BACKEND_PORT)
    arguments = parser.parse_args()
    try:
        if arguments.command == "fetch":
            folder = vendor.fetch(ROOT)
            print(f"{vendor.PACKAGE}@{vendor.VERSION} (sha256 {vendor.TARBALL_SHA256[:12]}…) in {folder}")
        elif arguments.command == "config":
            print(config_text(editor_config(Project(ROOT))), end="")
        else:
            return run_local(arguments.port, arguments.backend_port)
    except (vendor.VendorError, LocalBackendError, BuildError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 0


def run_local(port: int, backend_port: int) -> int:
    """Serve site/ with its headers and decap-server over this clone until Ctrl-C."""
    site = ROOT / "site"
    if not (site / "admin" / "index.html").is_file():
        print("Error: site/admin/ is missing: run `make editor site` first", file=sys.stderr)
        return 1
    process = start_decap_server(ROOT, backend_port)
    url, server = start_server(site, port=port)
    print(
        f"Editor: {url.replace('127.0.0.1', 'localhost')}/admin/ (local backend on port {backend_port}); Ctrl-C stops"
    )
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        stop(process)
    return 0


if __name__ == "__main__":
    sys.exit(main())
