"""Build dist/socketdesk_<version>_<arch>.deb from the one-folder app (``make deb``).

Layout: the app in /opt/socketdesk, /usr/bin/socketdesk and /usr/bin/socketdesk-cli as links to
it, the desktop entry in /usr/share/applications and the icon (the SVG and the PNG sizes
tools/make_icons.py renders) in the hicolor theme. desktop-file-utils and hicolor-icon-theme
refresh their caches by dpkg triggers, so the package needs no maintainer scripts.

Depends: the libraries the bundle links or loads from the system (the spec leaves out what every
desktop has, as the PySide6 wheel itself does, and OpenSSL 3, libstdc++ and SQLite); found with
ldd over the bundle, plus what Qt opens at run time (libdbus-1, libEGL/libGL). glibc 2.36 is the
newest symbol version the bundle uses.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "desktop" / "assets"
DEPENDS = (
    "libc6 (>= 2.36), libstdc++6, libglib2.0-0 | libglib2.0-0t64, libssl3 | libssl3t64, "
    "libsqlite3-0, libdbus-1-3, libfontconfig1, libfreetype6, libpng16-16 | libpng16-16t64, "
    "libzstd1, libgssapi-krb5-2, libx11-6, libx11-xcb1, libxext6, libxrender1, libxcb1, libegl1, "
    "libgl1, libwayland-client0, libwayland-cursor0, libwayland-egl1"
)


def version() -> str:
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if not found:
        raise SystemExit("no __version__ in desktop/__init__.py")
    return found.group(1)


def main() -> int:
    app_dir = ROOT / "dist" / "socketdesk"
    if not (app_dir / "socketdesk").is_file():
        raise SystemExit("no dist/socketdesk/socketdesk: run `make package` first")
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
    ).stdout.strip()
    name = f"socketdesk_{version()}_{arch}"
    stage = ROOT / "build" / "deb" / name
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(app_dir, stage / "opt" / "socketdesk", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    for program in ("socketdesk", "socketdesk-cli"):
        (stage / "usr" / "bin" / program).symlink_to(f"/opt/socketdesk/{program}")
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(ASSETS / "socketdesk.desktop", share / "applications" / "socketdesk.desktop")
    theme = share / "icons" / "hicolor"
    (theme / "scalable" / "apps").mkdir(parents=True)
    shutil.copy(ASSETS / "icons" / "socketdesk.svg", theme / "scalable" / "apps")
    pngs = sorted((ASSETS / "icons").glob("socketdesk-*.png"))  # tools/make_icons.py's
    if not pngs:
        raise SystemExit("no desktop/assets/icons/socketdesk-<size>.png")
    for png in pngs:
        size = png.stem.removeprefix("socketdesk-")
        (theme / f"{size}x{size}" / "apps").mkdir(parents=True)
        shutil.copy(png, theme / f"{size}x{size}" / "apps" / "socketdesk.png")
    for path in stage.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    size_kib = sum(p.lstat().st_size for p in stage.rglob("*") if not p.is_dir()) // 1024
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN" / "control").write_text(
        f"Package: socketdesk\nVersion: {version()}\nArchitecture: {arch}\n"
        "Maintainer: SocketDesk developers <socketdesk@localhost>\n"
        f"Installed-Size: {size_kib}\nDepends: {DEPENDS}\nSection: net\nPriority: optional\n"
        "Description: socket workbench, LAN messenger and raw HTTP composer\n"
        " TCP/UDP client, server and relay sessions, an IP Messenger / FeiQ compatible LAN\n"
        " messenger and a raw HTTP/1.x composer, with the socketdesk-cli command line.\n",
        encoding="utf-8",
    )
    out = ROOT / "dist" / f"{name}.deb"
    # gzip: every dpkg reads it, and it packs 130 MB in seconds where xz takes a minute.
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(stage), str(out)], check=True
    )
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
