#!/usr/bin/env bash
# Whether the work tree's backcheck says exactly what REV's said (default
# HEAD~1) on the shipped knowledge: builds both in release, runs
# scripts/outputs.sh with each and diffs the two folders. Exit 0 when
# identical. Never run by `cargo test` (two release builds).
#
#   bash scripts/same-outputs.sh [REV]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rev=${1:-HEAD~1}
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/before" >/dev/null 2>&1; rm -rf "$work"' EXIT

git -C "$root" worktree add --detach "$work/before" "$rev" >/dev/null
# The earlier build shares the target folder's dependencies but not its binary.
(cd "$work/before" && CARGO_TARGET_DIR="$root/target/before" cargo build --release --quiet --bin backcheck)
(cd "$root" && cargo build --release --quiet --bin backcheck)
cp "$root/target/before/release/backcheck" "$work/backcheck-before"

bash "$root/scripts/outputs.sh" "$work/backcheck-before" "$work/before-out"
bash "$root/scripts/outputs.sh" "$root/target/release/backcheck" "$work/after-out"
if diff -r "$work/before-out" "$work/after-out" >"$work/diff"; then
    echo "identical: every output of $rev and the work tree"
else
    head -100 "$work/diff"
    echo "DIFFERENT: $(grep -c '^diff' "$work/diff") files differ from $rev"
    exit 1
fi
