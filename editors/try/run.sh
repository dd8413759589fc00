#!/usr/bin/env bash
# The editor setups of editors/README.md tried for real, headless, with the
# clients Debian ships (bookworm: Neovim 0.7.2, Emacs 28.2 with eglot 1.9):
# installs what is missing, then in a copy of the mini fixture
#   - Neovim with neovim-0.7.lua (the README's 0.7-0.10 setup): an error with
#     its hint, its quick fix, hover (neovim-fix.lua); an edit that breaks an
#     invariant in another file, shown at the edited line with what the
#     unsaved edit changes for patients (neovim-edit.lua);
#   - Emacs with eglot.el (the README's setup): the error, its quick fix.
# Fails, never skips, when a client cannot start or shows something else.
#   editors/try/run.sh [BINARY]   (default: the dev build, target/debug/backcheck)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
binary="${1:-${CARGO_TARGET_DIR:-$root/target}/debug/backcheck}"

missing=()
command -v nvim >/dev/null || missing+=(neovim)
command -v emacs >/dev/null || missing+=(emacs-nox)
[ -d /usr/share/emacs/site-lisp/elpa-src ] && ls /usr/share/emacs/site-lisp/elpa-src | grep -q '^eglot-' \
    || missing+=(elpa-eglot)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "== installing Debian's ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")" "$work/bin/backcheck"
export PATH="$work/bin:$PATH"
# A copy of the mini fixture; `fresh misspelt`: with `outcomes.fine` misspelt.
fresh() {
    rm -rf "$work/k"
    cp -r "$root/tests/fixtures/mini" "$work/k"
    if [ "${1:-}" = misspelt ]; then
        sed -i 's/otherwise -> outcomes.fine/otherwise -> outcomes.fin/' "$work/k/pain.flow"
    fi
}
failed=0
expect() {
    local what="$1" output="$2" line="$3"
    if ! grep -qF -- "$line" <<<"$output"; then
        echo "FAILED: $what did not show: $line" >&2
        failed=1
    fi
}

fresh misspelt
cd "$work/k"
out="$(timeout 120 nvim --headless -u "$here/neovim-0.7.lua" pain.flow -c "luafile $here/neovim-fix.lua" 2>&1)"
echo "$out"
expect "neovim" "$out" "diagnostics arrived: true"
expect "neovim" "$out" "line 35 [E002] unknown id \`outcomes.fin\` | help: did you mean \`outcomes.fine\`?"
expect "neovim" "$out" "code action: did you mean \`outcomes.fine\`?"
expect "neovim" "$out" "-> outcomes.fine"
expect "neovim" "$out" "diagnostics cleared after the fix: true"
expect "neovim" "$out" "hover: **outcome** \`outcomes.neuro\`: **refer routine**"

fresh
cd "$work/k"
out="$(timeout 120 nvim --headless -u "$here/neovim-0.7.lua" safety.flow -c "luafile $here/neovim-edit.lua" 2>&1)"
echo "$out"
expect "neovim" "$out" "checked before the edit: true"
expect "neovim" "$out" "the finding and the diff at the edited line: true"
expect "neovim" "$out" "[E033] this edit: "
expect "neovim" "$out" "invariant \"saddle numbness refers now\" does not hold"
expect "neovim" "$out" "(outcomes.flow line 35)"
expect "neovim" "$out" "LESS CARE: outcomes.emergency (refer emergency) -> "

fresh misspelt
cd "$work/k"
out="$(timeout 120 emacs --batch --eval '(package-initialize)' -l "$here/eglot.el" \
    -l "$here/eglot-fix.el" pain.flow 2>&1)"
echo "$out"
expect "emacs" "$out" "diagnostics arrived: t"
expect "emacs" "$out" "line 35 backcheck [E002]: unknown id \`outcomes.fin\` | help: did you mean \`outcomes.fine\`?"
expect "emacs" "$out" "-> outcomes.fine"
expect "emacs" "$out" "diagnostics cleared after the fix: t"

if [ "$failed" -ne 0 ]; then
    exit 1
fi
echo "editors tried: neovim $(nvim --version | head -1), $(emacs --version | head -1) with eglot: all shown"
