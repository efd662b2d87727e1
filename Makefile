# The two commands of the README: `make site` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
ATELIER := .build/release/atelier

.PHONY: site test deps build check clean

## Installs what is missing, builds in release mode and generates public/ from content/.
site: build
	$(ATELIER) build

build: deps
	$(SWIFT) build -c release --product atelier

## Runs every test.
test: deps
	$(SWIFT) test

## Checks content and templates without writing the site (all errors at once).
check: build
	$(ATELIER) build --strict --output .build/check-public

## Debian packages for cmark-gfm, installed only when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then \
		echo "Installation des paquets Debian : $(APT_PACKAGES)"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES); \
	fi

clean:
	rm -rf .build public
