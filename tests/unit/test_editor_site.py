"""The pinned bundle's integrity check, and the admin folder's own policy and headers."""

from __future__ import annotations

import hashlib
import io
import tarfile

import pytest

from parapluie.editor import vendor
from parapluie.editor.config import EditorSettings
from parapluie.editor.site import admin_headers, admin_policy, headers_block, nginx_block
from parapluie.hosting.headers import headers_for, parse_headers_file, security_headers


def fake_tarball(path, files):
    with tarfile.open(path, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def test_a_tarball_that_is_not_the_pinned_one_is_refused(tmp_path):
    tarball = tmp_path / "decap-cms-3.16.3.tgz"
    fake_tarball(tarball, {"package/dist/decap-cms.js": b"alert(1)"})
    with pytest.raises(vendor.VendorError) as raised:
        vendor.unpack(tarball, tmp_path / "bundle")
    digest = vendor.sha256_file(tarball)
    assert str(raised.value) == (
        f"decap-cms-3.16.3.tgz: sha256 {digest} is not the pinned {vendor.TARBALL_SHA256}; refusing it"
    )
    assert not (tmp_path / "bundle").exists()


def test_only_a_bundle_unpacked_from_the_pinned_tarball_counts_as_ready(tmp_path, monkeypatch):
    tarball = tmp_path / "decap-cms-3.16.3.tgz"
    fake_tarball(
        tarball,
        {
            "package/dist/decap-cms.js": b"main",
            "package/dist/12.decap-cms.js": b"chunk",
            "package/dist/12.cms.js": b"other build",
            "package/dist/decap-cms.js.map": b"map",
            "package/dist/decap-cms.js.LICENSE.txt": b"notices",
            "package/README.md": b"readme",
        },
    )
    monkeypatch.setattr(vendor, "TARBALL_SHA256", vendor.sha256_file(tarball))
    monkeypatch.setattr(vendor, "MAIN_SCRIPT_SHA256", hashlib.sha256(b"main").hexdigest())
    folder = tmp_path / "bundle"
    vendor.unpack(tarball, folder)
    assert sorted(p.name for p in folder.iterdir()) == [
        "12.decap-cms.js",
        "VERSION",
        "decap-cms.js",
        "decap-cms.js.LICENSE.txt",
    ]
    assert [p.name for p in vendor.served_files(folder)] == ["decap-cms.js", "12.decap-cms.js"]
    assert vendor.is_ready(folder)
    (folder / "decap-cms.js").write_bytes(b"tampered")
    assert not vendor.is_ready(folder)
    (folder / "decap-cms.js").write_bytes(b"main")
    (folder / "VERSION").write_text("decap-cms@3.0.0 sha256:0\n", encoding="utf-8")
    assert not vendor.is_ready(folder)


def test_the_admin_policy_allows_what_decap_needs_for_the_backend_and_nothing_else():
    github = admin_policy(EditorSettings(backend="github", repo="a/b"))
    assert "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval';" in github
    assert "connect-src 'self' https://api.github.com http://localhost:8081 http://127.0.0.1:8081;" in github
    assert "https://gitlab.com" not in github
    gitlab = admin_policy(EditorSettings(backend="gitlab", repo="a/b", base_url="https://gitlab.example"))
    assert "connect-src 'self' https://gitlab.example http://localhost:8081" in gitlab
    assert "api.github.com" not in gitlab
    assert "default-src 'none'" in gitlab and "form-action 'none'" in gitlab


def test_hosts_send_the_admin_policy_on_admin_and_the_public_one_elsewhere():
    public = security_headers("default-src 'none'")
    policy = admin_policy(EditorSettings())
    lines = ["/*"] + [f"  {k}: {v}" for k, v in public.items()]
    rules = parse_headers_file("\n".join(lines) + "\n" + headers_block(policy))
    admin = headers_for("/admin/index.html", rules)
    assert admin["Content-Security-Policy"] == admin_headers(policy)["Content-Security-Policy"]
    assert admin["Cross-Origin-Opener-Policy"] == "same-origin-allow-popups"
    assert admin["X-Frame-Options"] == "DENY"
    assert headers_for("/fr/index.html", rules)["Content-Security-Policy"] == public["Content-Security-Policy"]
    # Cloudflare Pages joins repeated headers: the block detaches the public ones first.
    assert "  ! Content-Security-Policy\n" in headers_block(policy)


def test_the_nginx_location_repeats_every_header_with_the_editors_policy():
    public = security_headers("default-src 'none'")
    block = nginx_block("POLICY", public)
    assert block.startswith("location ^~ /admin/ {\n")
    assert "add_header Content-Security-Policy \"POLICY; frame-ancestors 'none'\" always;" in block
    assert 'add_header X-Content-Type-Options "nosniff" always;' in block
    assert block.count("add_header Content-Security-Policy") == 1


def test_a_public_page_linking_the_editor_or_a_changed_policy_is_a_build_problem(tmp_path):
    from parapluie.editor.site import admin_problems, index_page

    policy = admin_policy(EditorSettings())
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "index.html").write_text(index_page(policy), encoding="utf-8")
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "index.html").write_text('<a href="/admin/">éditer</a>', encoding="utf-8")
    assert admin_problems(tmp_path, policy) == [
        "admin/index.html: fr/index.html links to /admin/ (the editor is linked nowhere)"
    ]
    assert admin_problems(tmp_path, policy + "; img-src *")[0] == (
        "admin/index.html: the page's policy is not the editor's policy"
    )
