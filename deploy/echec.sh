#!/usr/bin/env bash
# Mails the end of a failed unit's log to ATELIER_ALERTE with msmtp (configured in /etc/msmtprc or ~/.msmtprc).
# Usage: deploy/echec.sh <unit>   (called by atelier-jeudis-echec@.service)
set -euo pipefail
unit="$1"
{
    printf 'To: %s\n' "$ATELIER_ALERTE"
    printf 'Subject: =?UTF-8?B?%s?=\n' "$(printf '[Atelier] Échec : %s' "$unit" | base64 -w0)"
    printf 'Content-Type: text/plain; charset=utf-8\n\n'
    printf 'Le passage %s a échoué sur %s. La fin de son journal :\n\n' "$unit" "$(hostname)"
    journalctl --unit "$unit" --lines 200 --no-pager
    printf '\nÉtat de la publication (atelier publish --etat) :\n'
    cd "$(dirname "$0")/.." && .build/release/atelier publish --etat || true
} | msmtp --read-recipients
