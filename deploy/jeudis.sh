#!/usr/bin/env bash
# The weekly run of « Les Jeudis de l'ODD 17 »: builds the site for today's date (Paris time), passed
# explicitly so the run can be replayed, and prints the issue's page and e-mail files.
# Usage: deploy/jeudis.sh [AAAA-MM-JJ]   (run from anywhere; the repository is this script's parent folder)
set -euo pipefail
cd "$(dirname "$0")/.."
date="${1:-$(TZ=Europe/Paris date +%F)}"
make build
.build/release/atelier jeudi --date "$date"
