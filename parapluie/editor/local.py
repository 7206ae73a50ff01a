"""Decap's local backend: `decap-server` (npm, pinned in admin/package-lock.json) over a git clone.

The editor, opened from localhost, then reads and saves the clone's files through it instead of
GitHub or GitLab; in its git mode the editorial workflow works too (a draft is a `cms/…` branch,
publishing merges it into the configured branch). Used by `make editor-local` and the browser test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DECAP_SERVER = ROOT / "admin" / "node_modules" / "decap-server" / "dist" / "index.js"


class LocalBackendError(Exception):
    """decap-server is not installed or did not start."""


def start_decap_server(repository: Path, port: int, timeout: float = 20.0) -> subprocess.Popen:
    """Start decap-server (git mode, loopback only) on `repository`; return once it answers."""
    node = shutil.which("node")
    if node is None or not DECAP_SERVER.is_file():
        raise LocalBackendError(f"decap-server is not installed ({DECAP_SERVER}): run `make editor-tools`")
    environment = {
        **os.environ,
        "MODE": "git",
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(repository),
        "LOG_LEVEL": "warn",
    }
    process = subprocess.Popen([node, str(DECAP_SERVER)], cwd=repository, env=environment)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LocalBackendError(f"decap-server stopped at once (exit code {process.returncode})")
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/v1",
                data=json.dumps({"action": "info"}).encode(),
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=1) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    raise LocalBackendError(f"decap-server did not answer on port {port} within {timeout:.0f} s")


def stop(process: subprocess.Popen) -> None:
    """Stop a decap-server started here (and only it)."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
