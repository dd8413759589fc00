#!/usr/bin/env bash
# Issue 7: backcheck against a mature peer, and verify at scale.
#
#   benches/compare.sh            (from the repository root; builds in release)
#
# Prints time and peak memory of `backcheck check` on a 100k-node synthetic
# graph and of graphviz's `gc` reading the same graph exported as DOT, their
# ratio, and the time of `backcheck verify` on the 10k-node graph with its
# path count. Installs graphviz and GNU time from Debian when missing (never
# run in CI; `cargo test` does not run it).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v gc >/dev/null || [ ! -x /usr/bin/time ]; then
    apt-get install -y graphviz time >/dev/null
fi

cargo build --release --quiet --bin backcheck --example synth
bin=target/release/backcheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

target/release/examples/synth --nodes 100000 --out "$work/g100k"
target/release/examples/synth --nodes 10000 --out "$work/g10k"
"$bin" graph --knowledge "$work/g100k" --format dot >"$work/g100k.dot"
echo "100k graph: $(ls "$work"/g100k/*.flow | wc -l) files, $(cat "$work"/g100k/*.flow | wc -c) bytes; DOT $(wc -c <"$work/g100k.dot") bytes, $(grep -c -- '->' "$work/g100k.dot") edges"

# measure NAME CMD...: median wall seconds and peak RSS (KiB) of 3 runs.
measure() {
    local name=$1 runs=() peak=0
    shift
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
        read -r secs kib <"$work/time"
        runs+=("$secs")
        ((kib > peak)) && peak=$kib
    done
    median=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)
    printf '%-34s %7.2f s  %7.1f MiB\n' "$name" "$median" "$(echo "$peak / 1024" | bc -l)"
    eval "${name%% *}_secs=$median; ${name%% *}_kib=$peak"
}

measure "backcheck check (100k)" "$bin" check "$work/g100k"
measure "gc (same graph as DOT)" gc "$work/g100k.dot"
ratio=$(echo "$backcheck_secs / $gc_secs" | bc -l)
printf 'ratio backcheck/gc: %.2f (target <= 1.0)\n' "$ratio"

start=$(date +%s.%N)
summary=$("$bin" verify "$work/g10k" | tail -1)
end=$(date +%s.%N)
printf 'backcheck verify (10k): %.2f s wall; %s\n' "$(echo "$end - $start" | bc -l)" "$summary"

ok=yes
(($(echo "$backcheck_secs <= 1.0" | bc -l))) || ok=no
((backcheck_kib <= 200 * 1024)) || ok=no
(($(echo "$ratio <= 1.0" | bc -l))) || ok=no
(($(echo "$end - $start <= 2.0" | bc -l))) || ok=no
echo "all targets met: $ok"
