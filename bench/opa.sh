#!/usr/bin/env bash
# eksnet against OPA from a cold start, on the same single-document files (bench/opa/eksnet.rego
# holds the three checks as Rego). For each size: generates the files (SingleDocGenerator, fixed
# seed), checks that OPA and eksnet report the same findings of those three rules, then runs
#   eksnet   ./eksnet scan (a new JVM: the launcher's JVM and class archive, all rules on)
#   opa      opa exec --decision eksnet/findings --bundle bench/opa (the three checks)
# alternately, RUNS times each, and prints the medians of wall time and CPU time (user + sys).
# Usage: bench/opa.sh [FILES...]   (default: 400 4000; RUNS=7; OPA=/path/to/opa, else `opa` on
# PATH; without an OPA binary only eksnet is measured, with a message)
# Needs the built jar and test classes: mvn -B -q -DskipTests package test-compile
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(400 4000)
runs=${RUNS:-7}
opa=${OPA:-$(command -v opa || true)}
if [ -z "$opa" ] || ! "$opa" version >/dev/null 2>&1; then
  echo "bench/opa.sh: no OPA binary (set OPA=/path/to/opa or put opa on PATH): measuring eksnet only" >&2
  opa=""
fi
[ -f target/eksnet-cli.jar ] && [ -d target/test-classes/io/eksnet/bench ] \
  || mvn -B -q -DskipTests package test-compile
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export EKSNET_DAEMON=0
# prints "wall cpu" in seconds
measure() {
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || true
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$work/time"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| files | eksnet wall s | eksnet CPU s | OPA wall s | OPA CPU s | wall ratio | CPU ratio |"
echo "|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  dir="$work/set-$n"
  java -cp target/test-classes io.eksnet.bench.SingleDocGenerator "$n" "$dir" 42 >"$work/stats"
  eks=(./eksnet scan --root "$dir" "$dir" --fail-on none --format json -o "$work/r.json")
  "${eks[@]}" >/dev/null 2>&1 # builds the class archive, warms the page cache
  ours=$(grep -oE '"ruleId" *: *"EKS-(LB-001|LB-003|SVC-001)"' "$work/r.json" | wc -l)
  if [ -n "$opa" ]; then
    ocmd=("$opa" exec --decision eksnet/findings --bundle bench/opa "$dir")
    "${ocmd[@]}" >"$work/opa.json"
    theirs=$(grep -oE '"rule" *: *"EKS-[A-Z]+-[0-9]+"' "$work/opa.json" | wc -l)
    if [ "$ours" != "$theirs" ]; then
      echo "bench/opa.sh: $n files: eksnet reports $ours findings of the three rules, OPA $theirs" >&2
      exit 1
    fi
  fi
  : >"$work/e" && : >"$work/o"
  for _ in $(seq "$runs"); do
    measure "${eks[@]}" >>"$work/e"
    if [ -n "$opa" ]; then measure "${ocmd[@]}" >>"$work/o"; fi
  done
  ew=$(cut -d' ' -f1 "$work/e" | median) ec=$(cut -d' ' -f2 "$work/e" | median)
  if [ -n "$opa" ]; then
    ow=$(cut -d' ' -f1 "$work/o" | median) oc=$(cut -d' ' -f2 "$work/o" | median)
    echo "| $n | $ew | $ec | $ow | $oc | $(awk -v a="$ew" -v b="$ow" 'BEGIN { printf "%.2f", a / b }') | $(awk -v a="$ec" -v b="$oc" 'BEGIN { printf "%.2f", a / b }') |"
  else
    echo "| $n | $ew | $ec | - | - | - | - |"
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
