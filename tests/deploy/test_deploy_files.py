"""docs/deploy.md's files, checked by the tools that read them: `nginx -t` and nginx in
front of a real server (TLS, websocket upgrade, upload size, static caching, request
id), `systemd-analyze verify` of the units."""
import re
import shutil
import subprocess
import time
from pathlib import Path

import requests
import socketio
import urllib3

from tests.factories import auth, make_user
from tests.live import ROOT, free_port
from tests.realtime.helpers import seeding

DOCS = ROOT / "docs"
#: Debian puts nginx in /usr/sbin, which a user's PATH may leave out
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _nginx_prefix(tmp_path: Path, upstream_port: int, https_port: int, http_port: int) -> Path:
    """docs/nginx.conf in a main configuration of its own, with a self-signed certificate,
    this checkout's static folder and the given ports; returns the main file."""
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=gongzhi.example.cn", "-keyout", str(tmp_path / "site.key"),
                    "-out", str(tmp_path / "site.pem")], check=True, capture_output=True)
    site = (DOCS / "nginx.conf").read_text()
    site = site.replace("/etc/nginx/certs/gongzhi.example.cn.pem", str(tmp_path / "site.pem"))
    site = site.replace("/etc/nginx/certs/gongzhi.example.cn.key", str(tmp_path / "site.key"))
    site = site.replace("/srv/gongzhi/", f"{ROOT}/")
    site = re.sub(r"server 127\.0\.0\.1:5001;\s*server 127\.0\.0\.1:5002;",
                  f"server 127.0.0.1:{upstream_port};", site)
    site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    (tmp_path / "site.conf").write_text(site)
    main = tmp_path / "nginx.conf"
    main.write_text(f"""
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log {tmp_path}/access.log;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    include {tmp_path}/site.conf;
}}
""")
    return main


def test_the_nginx_sample_passes_nginx_t(tmp_path):
    main = _nginx_prefix(tmp_path, 5001, free_port(), free_port())
    checked = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(main)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr


def test_nginx_in_front_of_a_real_server(start_server, clone_database, tmp_path):
    url = clone_database("sqlite")
    with seeding(url):
        token = auth(make_user())["Authorization"].split()[1]
    server = start_server("sqlite", database_url=url, TRUSTED_PROXIES=1)
    https_port = free_port()
    main = _nginx_prefix(tmp_path, server.port, https_port, free_port())
    nginx = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(main), "-g", "daemon off;"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    site = f"https://127.0.0.1:{https_port}"
    urllib3.disable_warnings()
    try:
        for _ in range(100):
            try:
                requests.get(site + "/api/v1/health", verify=False, timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.05)
        health = requests.get(site + "/api/v1/health", verify=False, timeout=10)
        assert health.status_code == 200
        assert re.fullmatch(r"[0-9a-f]{32}", health.headers["X-Request-Id"])  # nginx's $request_id
        assert "max-age=31536000" in health.headers["Strict-Transport-Security"]
        kept = requests.get(site + "/api/v1/health", headers={"X-Request-Id": "probe-7"},
                            verify=False, timeout=10)
        assert kept.headers["X-Request-Id"] == "probe-7"

        script = requests.get(site + "/assets/app.js", verify=False, timeout=10)
        assert script.status_code == 200 and "max-age=3600" in script.headers["Cache-Control"]
        assert script.content == (ROOT / "app" / "web" / "static" / "app.js").read_bytes()
        again = requests.get(site + "/assets/app.js", headers={"If-None-Match": script.headers["ETag"]},
                             verify=False, timeout=10)
        assert again.status_code == 304

        too_big = requests.post(site + "/api/v1/estates/1/ledger", data=b"x" * (13 * 1024 * 1024),
                                verify=False, timeout=30)
        assert too_big.status_code == 413

        client = socketio.Client(reconnection=False, ssl_verify=False,
                                 websocket_extra_options={"origin": server.url})
        client.connect(site, auth={"token": token}, transports=["websocket"], wait_timeout=15)
        assert client.transport() == "websocket"
        client.disconnect()
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)


def test_the_systemd_units_pass_systemd_analyze_verify(tmp_path):
    """The units as shipped, pointed at this checkout and the current user (the tool checks
    that the programs exist and that every key is known)."""
    import getpass

    user = getpass.getuser()
    names = []
    for unit in sorted((DOCS / "deploy").glob("gongzhi*")):
        text = unit.read_text().replace("/srv/gongzhi", str(ROOT))
        text = text.replace("User=gongzhi", f"User={user}").replace("Group=gongzhi", "")
        name = unit.name.replace("@.", "@5001.")
        (tmp_path / name).write_text(text)
        names.append(str(tmp_path / name))
    assert len(names) == 4
    checked = subprocess.run(["systemd-analyze", "verify", "--man=no", *names],
                             capture_output=True, text=True, cwd=tmp_path)
    assert checked.returncode == 0 and not checked.stderr.strip(), checked.stderr


def test_the_tools_are_here():
    """`make test` installs them (Makefile, system-deps): these checks never pass by absence."""
    assert Path(NGINX).is_file() and shutil.which("systemd-analyze") and shutil.which("openssl")
