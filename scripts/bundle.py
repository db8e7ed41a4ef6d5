"""Zip the built site for a shared drive: one versioned folder that opens from file://.

    python scripts/bundle.py [SITE_DIR] [--out DIR] [--version VERSION] [--edition FILE]

The version defaults to the date and the git commit (e.g. 2026-11-26-1a2b3c4). A site
built from an organisation's edition carries the edition's name before the version
(rp-groups-site-northmoor-2026-11-26-1a2b3c4.zip). Prints the path of the zip it wrote.
"""
from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

NAME = "rp-groups-site"


def version(root: Path) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True)
    suffix = commit.stdout.strip() if commit.returncode == 0 else "local"
    return f"{dt.date.today().isoformat()}-{suffix}"


def bundle(site: Path, out: Path, label: str) -> Path:
    folder = f"{NAME}-{label}"
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{folder}.zip"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder}/{path.relative_to(site).as_posix()}")
        archive.writestr(f"{folder}/README.txt",
                         "Reflective practice groups: a knowledge base (offline copy).\n\n"
                         "Open index.html in this folder with your web browser. Everything, search\n"
                         "included, works from this folder with no internet connection.\n")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site")
    parser.add_argument("--out", default="dist")
    parser.add_argument("--version", default=None)
    parser.add_argument("--edition", default=None, metavar="FILE", help="the edition the site was built from")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"bundle: no built site at '{site}'; run 'make build' first", file=sys.stderr)
        return 2
    label = args.version or version(Path(__file__).resolve().parent.parent)
    if args.edition:
        from kb import editions
        try:
            label = f"{editions.bundle_name(Path(args.edition))}-{label}"
        except (OSError, ValueError) as exc:
            print(f"bundle: the edition '{args.edition}' cannot be read: {exc}", file=sys.stderr)
            return 2
    print(bundle(site, Path(args.out), label))
    return 0


if __name__ == "__main__":
    sys.exit(main())
