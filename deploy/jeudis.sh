#!/usr/bin/env bash
# The weekly run of « Les Jeudis de l'ODD 17 »: builds the site for the date (today in Paris by default), publishes it,
# checks it live, hands the issue to the list once and records it in journal-des-envois.txt (atelier jeudi --publier;
# exit codes in the README). With --bat, the day before: builds Thursday's issue into public-bat/ (public/ and the
# live site stay as they are) and sends the « bon à tirer » to the editorial team only.
# Usage: deploy/jeudis.sh [--bat] [AAAA-MM-JJ]   (run from anywhere; the repository is this script's parent folder)
# The mail password comes from ATELIER_SMTP_MOT_DE_PASSE (the systemd unit reads it from /etc/atelier/jeudis.env).
set -euo pipefail
cd "$(dirname "$0")/.."
make build
if [ "${1:-}" = --bat ]; then
    date="${2:-$(TZ=Europe/Paris date -d tomorrow +%F)}"
    .build/release/atelier jeudi --date "$date" --output public-bat
    exec .build/release/atelier publish --bat --date "$date" --output public-bat
fi
date="${1:-$(TZ=Europe/Paris date +%F)}"
exec .build/release/atelier jeudi --publier --date "$date"
