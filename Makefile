# 共治 — two commands: `make run` and `make test`.
# Python 3.11 (what the pins are tested with); any python3 when it is missing
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
FLASK := FLASK_APP=wsgi.py $(VENV)/bin/flask
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 5000
# the address QR codes and WeChat callbacks point at; follows HOST and PORT unless set
PUBLIC_BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test install install-dev system-deps runtime-deps npm-available services-up migrate demo migration \
	bench clean vendor miniprogram-deps miniprogram-test

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

install: $(STAMP)

install-dev: $(DEV_STAMP) system-deps

# Debian packages the server itself uses: zbar reads the QR code of photographed paper
# ballots, poppler's pdftocairo renders scanned PDFs, espeak-ng and lame speak pages
# aloud (朗读), Noto CJK labels the sunlight pictures. Only what is missing is installed.
runtime-deps:
	@missing=""; \
	  command -v pdftocairo >/dev/null || missing="$$missing poppler-utils"; \
	  command -v espeak-ng >/dev/null || missing="$$missing espeak-ng"; \
	  command -v lame >/dev/null || missing="$$missing lame"; \
	  fc-list 2>/dev/null | grep -qi "noto sans cjk" || missing="$$missing fonts-noto-cjk"; \
	  ls /usr/lib/*-linux-gnu/libzbar.so.0 >/dev/null 2>&1 || missing="$$missing libzbar0"; \
	  test -z "$$missing" || (apt-get update -q && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -q $$missing >/dev/null)

# Debian packages the tests use: Chromium for browser tests, CJK fonts for
# screenshots, zbar to decode QR codes, poppler for pdftotext (poppler-data maps
# the Chinese CID font of the posters back to text), espeak-ng and lame for
# read-aloud (朗读) without a TTS service, nginx, systemd-analyze and openssl to check
# docs/deploy's files, pg_dump for backups. Only what is missing is
# installed: npm from Debian conflicts with a Node.js that brings its own npm.
system-deps: npm-available
	@missing=""; \
	  command -v chromium >/dev/null || missing="$$missing chromium"; \
	  command -v espeak-ng >/dev/null || missing="$$missing espeak-ng"; \
	  command -v lame >/dev/null || missing="$$missing lame"; \
	  command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	  test -d /usr/share/poppler/cMap || missing="$$missing poppler-data"; \
	  ls /usr/lib/*-linux-gnu/libzbar.so.0 >/dev/null 2>&1 || missing="$$missing libzbar0"; \
	  fc-list 2>/dev/null | grep -qi "noto sans cjk" || missing="$$missing fonts-noto-cjk"; \
	  test -x /usr/sbin/nginx || missing="$$missing nginx-light"; \
	  command -v systemd-analyze >/dev/null || missing="$$missing systemd"; \
	  command -v openssl >/dev/null || missing="$$missing openssl"; \
	  command -v pg_dump >/dev/null || missing="$$missing postgresql-client"; \
	  test -z "$$missing" || (apt-get update -q && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -q $$missing >/dev/null)

# `make run` needs npm only (not the browser-test packages above); Node.js from
# Debian brings it as a separate package.
npm-available:
	@command -v npm >/dev/null || (apt-get update -q && DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -q npm >/dev/null)

# The Socket.IO browser client, from the npm registry (never committed): the pages
# serve it themselves, so nothing is loaded from a CDN. The stamp names the version,
# so changing SOCKETIO_CLIENT_VERSION fetches it again.
SOCKETIO_CLIENT_VERSION := 4.8.4
VENDOR_JS := app/web/static/vendor/socket.io.min.js
VENDOR_STAMP := app/web/static/vendor/.socket.io-client-$(SOCKETIO_CLIENT_VERSION)

$(VENDOR_STAMP): | npm-available
	rm -f $(dir $@).socket.io-client-*
	npm install --prefix build/npm --no-audit --no-fund --no-save socket.io-client@$(SOCKETIO_CLIENT_VERSION)
	mkdir -p $(dir $@)
	cp build/npm/node_modules/socket.io-client/dist/socket.io.min.js build/npm/node_modules/socket.io-client/dist/socket.io.min.js.map $(dir $@)

	touch $@

vendor: $(VENDOR_STAMP)

# The tests need PostgreSQL (127.0.0.1:5432, trust auth, database `test`) and Redis
# (127.0.0.1:6379); .ci/run starts them. Say so plainly instead of failing mid-suite.
services-up: $(STAMP)
	@$(PY) -c "import os, psycopg, redis; \
	psycopg.connect(os.environ.get('TEST_POSTGRES_URL', 'postgresql://postgres@127.0.0.1:5432/test'), connect_timeout=3).close(); \
	redis.Redis(host='127.0.0.1', port=6379, socket_connect_timeout=3).ping()" 2>/dev/null \
	  || (echo "make test needs PostgreSQL on 127.0.0.1:5432 (database test, trust auth) and Redis on 127.0.0.1:6379; .ci/run starts both" >&2; exit 1)

migrate: $(STAMP)
	mkdir -p instance
	$(FLASK) db upgrade

demo: migrate
	$(FLASK) demo load --activity

# The server and, beside it in the background, the scheduler (`flask jobs run`: closes due
# votes, sends reminders and the SMS held over the quiet hours); stopping the server
# (Ctrl-C) stops the scheduler too.
run: runtime-deps demo $(VENDOR_STAMP)
	PUBLIC_BASE_URL=$(PUBLIC_BASE_URL) $(FLASK) jobs run & jobs=$$!; \
	  trap 'kill $$jobs 2>/dev/null; wait $$jobs' EXIT INT TERM; \
	  PUBLIC_BASE_URL=$(PUBLIC_BASE_URL) $(VENV)/bin/gunicorn -k gevent -w 1 \
	  --worker-connections 10000 --no-control-socket -b $(HOST):$(PORT) wsgi:app

# The mini-program's test tools (jest, miniprogram-simulate) from the npm registry, as
# miniprogram/package-lock.json pins them; tests/miniprogram/ runs jest against a real server.
MINIPROGRAM_STAMP := miniprogram/node_modules/.installed

$(MINIPROGRAM_STAMP): miniprogram/package.json miniprogram/package-lock.json | npm-available
	npm ci --prefix miniprogram --no-audit --no-fund
	touch $@

miniprogram-deps: $(MINIPROGRAM_STAMP)

miniprogram-test: install-dev $(MINIPROGRAM_STAMP)
	$(VENV)/bin/pytest -q tests/miniprogram

# Three test processes (pytest-xdist) on two cores: the browser, server and database tests
# spend much of their time waiting. TEST_WORKERS=0 runs them in one process.
TEST_WORKERS ?= 3

# Bytecode is written even where the environment says not to (PYTHONDONTWRITEBYTECODE): each
# test worker otherwise compiles and rewrites every test module again (about 9 s of CPU), and
# each of the few hundred test servers and `flask` commands compiles every module of app/.
test: install-dev $(VENDOR_STAMP) $(MINIPROGRAM_STAMP) services-up
	PYTHONDONTWRITEBYTECODE= $(VENV)/bin/pytest -q -n $(TEST_WORKERS) --dist loadgroup --durations=25

# Regenerate the initial migration from the models (before the first release only).
# Hand-written migrations after 0001 (triggers) are set aside while it is regenerated.
migration: $(STAMP)
	rm -rf migrations/versions/0001_initial.py instance/migration-scratch.db instance/hand-migrations
	mkdir -p instance/hand-migrations
	find migrations/versions -maxdepth 1 -name '*.py' -exec mv {} instance/hand-migrations/ \;
	DATABASE_URL=sqlite:///$(CURDIR)/instance/migration-scratch.db $(FLASK) db migrate --rev-id 0001 -m initial; \
	  status=$$?; mv instance/hand-migrations/*.py migrations/versions/ 2>/dev/null; exit $$status
	mv migrations/versions/0001_initial_.py migrations/versions/0001_initial.py 2>/dev/null || true
	rm -rf instance/migration-scratch.db instance/hand-migrations

bench: install-dev
	$(PY) -m bench

clean:
	rm -rf $(VENV) instance build $(dir $(VENDOR_JS)) miniprogram/node_modules
