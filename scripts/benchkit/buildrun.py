"""One MkDocs build in a fresh process, with the overrides the benchmark needs.

    python -m benchkit.buildrun CONFIG SITE_DIR [--no-hooks] [--overrides FILE.json]

`mkdocs build` has no switch to leave out hooks or to swap the nav, so this loads
the configuration through MkDocs' own `load_config` with overrides and calls the
same `build` the command line calls: the project's build, one setting changed.
With the hooks off the generated pages (the A–Z, the references) do not exist and
the nav points at them, so that build runs without `strict`; it still does all of
MkDocs' and Material's work.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("config")
    parser.add_argument("site_dir")
    parser.add_argument("--no-hooks", action="store_true")
    parser.add_argument("--overrides", help="a JSON object of configuration overrides")
    args = parser.parse_args(argv)

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    overrides = {"site_dir": args.site_dir}
    if args.overrides:
        with open(args.overrides, encoding="utf-8") as handle:
            overrides.update(json.load(handle))
    if args.no_hooks:
        overrides.update(hooks=[], strict=False)
    try:
        config = load_config(args.config, **overrides)
        build(config)
    except (Abort, ConfigurationError) as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
