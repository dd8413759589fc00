#!/usr/bin/env bash
# Issue 12's speed targets, timed as processes:
#
#   bash benches/compare.sh          (from the repository root; builds in release)
#
# The shipped knowledge: the median wall time of 21 runs of `run --json`
# (target <= 10 ms), `check`, `verify` and `test` (<= 50 ms each). Synthetic
# knowledge (examples/synth): the median of 3 runs of `check` on 10k nodes
# (<= 0.5 s) and on 100k nodes (<= 5 s), with their ratio in instructions
# (linear: <= 10.5, callgrind),
# `verify` on both (issue 16: 100k in <= 5 s), and peak memory. Times are
# wall clock: on a busy machine they run long.
# Needs GNU time (/usr/bin/time); never run by `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin backcheck --example synth
bin=target/release/backcheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ok=yes

# median RUNS CMD...: the median wall time of RUNS runs, in seconds.
median() {
    local runs=$1 times=()
    shift
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        times+=("$(echo "($end - $start) / 1000000000" | bc -l)")
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

# target NAME SECONDS LIMIT: prints the figure and whether it meets the limit.
target() {
    local verdict=ok
    (($(echo "$2 <= $3" | bc -l))) || { verdict=MISSED; ok=no; }
    printf '%-36s %9.1f ms  (target <= %g ms) %s\n' "$1" "$(echo "$2 * 1000" | bc -l)" \
        "$(echo "$3 * 1000" | bc -l)" "$verdict"
}

answers="saddle_numbness=no,bladder_bowel=no,sexual_function=no,leg_symptoms=no,fainting=no,pregnancy=no"
target "run --json (shipped)" "$(median 21 "$bin" run --json --answers "$answers")" 0.010
for command in check verify test; do
    target "$command (shipped)" "$(median 21 "$bin" "$command")" 0.050
done

target/release/examples/synth --nodes 10000 --out "$work/g10k"
target/release/examples/synth --nodes 100000 --out "$work/g100k"
t10k=$(median 3 "$bin" check "$work/g10k")
t100k=$(median 3 "$bin" check "$work/g100k")
target "check (10k synthetic nodes)" "$t10k" 0.5
target "check (100k synthetic nodes)" "$t100k" 5
ratio=$(echo "$t100k / $t10k" | bc -l)
printf '%-36s %9.1f     (wall time: caches make 100k dearer)\n' "ratio 100k / 10k, check" "$ratio"
# Linear means the work, so the target is judged on instructions, which
# callgrind counts the same on a busy machine (a few minutes; skipped with
# QUICK=1 or without valgrind).
if [ "${QUICK:-}" != 1 ] && command -v valgrind >/dev/null; then
    instructions() {
        { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null || true; } |
            sed -n 's/.*refs: *//p' | tr -d ','
    }
    i10k=$(instructions "$bin" check "$work/g10k")
    i100k=$(instructions "$bin" check "$work/g100k")
    ratio=$(echo "$i100k / $i10k" | bc -l)
    verdict=ok
    (($(echo "$ratio <= 10.5" | bc -l))) || { verdict=MISSED; ok=no; }
    printf '%-36s %9.2f     (target: linear, <= 10.5) %s\n' "instructions 100k / 10k, check" \
        "$ratio" "$verdict"
fi
# Issue 16: the whole proof of the synthetic folders, 100k in under 5 s.
v10k=$(median 3 "$bin" verify "$work/g10k")
v100k=$(median 3 "$bin" verify "$work/g100k")
printf '%-36s %9.1f ms\n' "verify (10k synthetic nodes)" "$(echo "$v10k * 1000" | bc -l)"
target "verify (100k synthetic nodes)" "$v100k" 5
printf '%-36s %9.1f     (wall time; see the note on linearity)\n' "ratio 100k / 10k, verify" \
    "$(echo "$v100k / $v10k" | bc -l)"
if [ -x /usr/bin/time ]; then
    for command in check verify; do
        /usr/bin/time -f "%M" -o "$work/peak" "$bin" "$command" "$work/g100k" >/dev/null 2>&1 || true
        printf '%-36s %9.1f MiB\n' "peak memory, $command (100k)" \
            "$(echo "$(cat "$work/peak") / 1024" | bc -l)"
    done
fi
echo "all targets met: $ok"
