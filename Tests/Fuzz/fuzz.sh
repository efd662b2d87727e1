#!/usr/bin/env bash
# `make fuzz`: libFuzzer over each reader for FUZZ_SECONDS seconds (60 by default). An input that breaks the rule
# (a crash, a hang over 10 s, or nothing read with no error naming the file) is minimised and kept in
# Tests/Fuzz/regressions/<reader>/, where `make test` replays it once the bug is fixed.
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-60}
binary=Fuzz/.build/release/atelier-fuzz
status=0
for target in contentFile markdown siteConfig boussole grid; do
    work=.atelier/fuzz/$target
    mkdir -p "$work/corpus" "Tests/Fuzz/regressions/$target"
    echo "== $target : $seconds s"
    if ATELIER_FUZZ_TARGET=$target "$binary" "$work/corpus" "Tests/Fuzz/seeds/$target" "Tests/Fuzz/regressions/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$work/" >"$work/log" 2>&1; then
        grep -E "stat::number_of_executed_units|cov:" "$work/log" | tail -2
        continue
    fi
    status=1
    tail -25 "$work/log"
    for found in "$work"/crash-* "$work"/timeout-* "$work"/oom-*; do
        [ -e "$found" ] || continue
        ATELIER_FUZZ_TARGET=$target "$binary" -minimize_crash=1 -runs=20000 -exact_artifact_path="$found.min" "$found" >/dev/null 2>&1
        kept="Tests/Fuzz/regressions/$target/$(basename "$found")"
        if [ -s "$found.min" ]; then cp "$found.min" "$kept"; else cp "$found" "$kept"; fi
        echo "gardé : $kept"
    done
done
exit $status
