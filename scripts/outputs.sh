#!/usr/bin/env bash
# What the shipped knowledge makes backcheck say, written to one folder so two
# builds can be compared byte for byte (issue 23: a refactor changes nothing a
# person or a tool sees):
#
#   bash scripts/outputs.sh BIN OUT       every output of BIN into folder OUT
#   bash scripts/same-outputs.sh [REV]    REV (default HEAD~1) against the work tree
#
# Covered: `run --json` over every case's answers, `check`, `check --format
# json`, `verify`, `test`, `author`, `graph` in each format, `mutate`, piped chat
# sessions (lay and therapist) and piped rehearse rounds, listings and drills.
# Timings ("in 1.2 ms") are masked: they are the one thing allowed to differ.
set -uo pipefail
bin=$(realpath "$1")
out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
cd "$root"

# capture NAME [STDIN-FILE] -- ARGS...: stdout, stderr and the exit code.
capture() {
    local name=$1 input=$2
    shift 3
    "$bin" "$@" <"$input" >"$out/$name.out" 2>"$out/$name.err"
    echo "$?" >"$out/$name.code"
    sed -i -E 's/in [0-9]+\.[0-9]+ (ms|s)/in T \1/g' "$out/$name.out" "$out/$name.err"
}

capture check /dev/null -- check
capture check-json /dev/null -- check --format json
capture verify /dev/null -- verify
capture test /dev/null -- test
capture author /dev/null -- author --knowledge knowledge/lower_back
capture mutate /dev/null -- mutate
for format in dot mermaid json svg; do
    capture "graph-$format" /dev/null -- graph --format "$format"
done

# Mistakes and other folders: the messages and exit codes.
bad=0
for answers in "foo" "=1" "nosuch=1" "opening=self_pain" "how_old=abc" "opening=self_pain,how_old=500" \
    "opening=self_pain,how_old=34,pregnancy=maybe" "saddle_numbness=yes,opening=self_pain"; do
    bad=$((bad + 1))
    capture "run-bad-$bad" /dev/null -- run --answers "$answers"
    capture "run-bad-$bad-json" /dev/null -- run --json --answers "$answers"
done
capture fmt-check /dev/null -- fmt --check knowledge
for folder in tests/fixtures/mini tests/fixtures/rehearse tests/fixtures/screens /nonexistent; do
    name=$(basename "$folder")
    for command in check verify test mutate author; do
        capture "$command-$name" /dev/null -- "$command" --knowledge "$folder"
    done
    capture "check-json-$name" /dev/null -- check --format json --knowledge "$folder"
done

# Every case's answers, as `run --json` and as the text screen.
python3 - "$root/knowledge/lower_back" >"$out/case-answers.txt" <<'PY'
import pathlib, re, sys
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.flow")):
    text = path.read_text()
    for block in re.findall(r"\banswers\b(.*?)\bexpect\b", text, re.S):
        pairs = re.findall(r"([A-Za-z_][\w.]*)=(\S+)", block)
        print(",".join(f"{k}={v}" for k, v in pairs))
PY
n=0
while IFS= read -r answers; do
    n=$((n + 1))
    capture "run-$n-json" /dev/null -- run --json --answers "$answers"
    capture "run-$n-text" /dev/null -- run --answers "$answers"
done <"$out/case-answers.txt"

# Piped conversations: answers as people type them, and every command.
chat_inputs=(
    $'1\n35\nno\nnope\nno\nno\nno\nno\nno\nno\nabout 3 weeks\nnone\nnone\nbending\nhow\nsummary\nquit\n'
    $'hi\n?\nhelp\nwhy\nyes\n40\nnot sure\nback\nno\nno\nno\nno\nno\nno\nno\nno\nno\n5 days\ninto my calf\nwhatif 2=70\nchange 2 30\nsummary\nhow\nrestart\nquit\n'
    $'1\n70\nno\nyes\nhow\nwhy\nquit\n\n'
    $'2\n'
    $'1\n55\nno\nno\nno\nno\nno\nno\nno\nyes\n1\n2\n3\nnone of them\n6 months\nsitting and bending\n1 and 3\nhow\nquit\n'
    ''
)
i=0
for input in "${chat_inputs[@]}"; do
    i=$((i + 1))
    printf '%s' "$input" >"$out/chat-$i.in"
    capture "chat-$i-lay" "$out/chat-$i.in" -- chat
    capture "chat-$i-therapist" "$out/chat-$i.in" -- chat --audience therapist
done

capture rehearse-list /dev/null -- rehearse --list
capture rehearse-list-json /dev/null -- rehearse --list --json
rehearse_input=$'help\nlist\n1\n2\nask 3\nsaddle_numbness\nwhy fever\nstory\nbogus\ncommit modify light-pressure because conditions\n1\n4\nask 5\ncommit refer urgent L5 because how_long\n2\ncommit treat\nskip\ncommit refer emergency\nquit\n'
printf '%s' "$rehearse_input" >"$out/rehearse.in"
drill_input=$'1\n2\nL4\nnone\nS1\n3\nbogus\nL5\n4\n'
printf '%s' "$drill_input" >"$out/drill.in"
for seed in 1 2 3; do
    capture "rehearse-seed-$seed" "$out/rehearse.in" -- rehearse --seed "$seed"
    capture "rehearse-seed-$seed-json" "$out/rehearse.in" -- rehearse --seed "$seed" --json
    capture "drill-seed-$seed" "$out/drill.in" -- rehearse --drill 6 --seed "$seed"
done
while IFS=$'\t' read -r id _; do
    capture "rehearse-$id" "$out/rehearse.in" -- rehearse --vignette "$id"
done <"$out/rehearse-list.out"
echo "$(ls "$out" | wc -l) files in $out"
