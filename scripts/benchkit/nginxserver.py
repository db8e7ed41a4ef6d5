"""Debian's nginx, run as an ordinary process with the recommended configuration
(deploy/nginx), serving a built site under /rp-groups/ on 127.0.0.1.

Used by the web-server test and by the benchmark's Lighthouse and first-search runs.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

MIME_TYPES = Path("/etc/nginx/mime.types")
SUB_PATH = "rp-groups"


class NginxUnavailable(RuntimeError):
    """nginx is not installed here."""


class NginxFailed(RuntimeError):
    """nginx would not start with the configuration."""


def executable() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def available() -> bool:
    return bool(executable()) and MIME_TYPES.exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(site: Path, deploy: Path, workdir: Path | None = None):
    """Yield the site's address, e.g. http://127.0.0.1:PORT/rp-groups/."""
    nginx = executable()
    if not available():
        raise NginxUnavailable("nginx is not installed here (Debian: apt-get install nginx; .ci/run installs it)")
    with contextlib.ExitStack() as stack:
        conf = workdir or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kb-nginx-")))
        www = conf / "www"
        www.mkdir(parents=True, exist_ok=True)
        (www / SUB_PATH).symlink_to(site.resolve(), target_is_directory=True)
        for name in ("rp-groups.conf", "rp-groups-headers.conf"):
            shutil.copy(deploy / name, conf / name)
        port = _free_port()
        user = "user root root;" if os.geteuid() == 0 else ""
        temp = " ".join(f"{kind}_temp_path {conf}/{kind};"
                        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        (conf / "nginx.conf").write_text(f"""
{user}
daemon off;
worker_processes 1;
pid {conf}/nginx.pid;
error_log {conf}/error.log;
events {{ worker_connections 64; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log {conf}/access.log;
    {temp}
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {www};
        include rp-groups.conf;
    }}
}}
""")
        process = subprocess.Popen([nginx, "-p", str(conf), "-c", str(conf / "nginx.conf")],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}/{SUB_PATH}/"
        deadline = time.monotonic() + 10
        while True:
            try:
                urllib.request.urlopen(base, timeout=1)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    output = process.stdout.read().decode(errors="replace")
                    log = (conf / "error.log").read_text() if (conf / "error.log").exists() else ""
                    raise NginxFailed(f"nginx did not start with the recommended configuration:\n{output}\n{log}") \
                        from None
                time.sleep(0.1)
        try:
            yield base
        finally:
            process.terminate()
            process.wait(timeout=10)
