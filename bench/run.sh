#!/usr/bin/env bash
# eksnet benchmark: generates cluster dumps of N objects (deterministic seed) and measures, for each
# N, the end-to-end scan (wall time, peak RSS) against the parse floor (discovery + YAML load only,
# same JVM flags). Usage: bench/run.sh [N...]   (default: 1000 10000 100000)
# Needs the built jar and test classes: mvn -B -q -DskipTests package test-compile
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000 100000}")
[ $# -eq 0 ] && sizes=(1000 10000 100000)
jar=target/eksnet-cli.jar
[ -f "$jar" ] && [ -d target/test-classes/io/eksnet/bench ] || mvn -B -q -DskipTests package test-compile
cp="$jar:target/test-classes"
jvm=(-XX:+UseSerialGC -Xmx2g)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() { # prints "seconds peakKiB"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || true
  cat "$work/time"
}
echo "| objects | files | scan wall s | scan peak RSS MiB | parse floor s | scan / parse | findings |"
echo "|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  dir="$work/dump-$n"
  java -cp "$cp" io.eksnet.bench.ClusterDumpGenerator "$n" "$dir" 42 >/dev/null
  files=$(ls "$dir" | wc -l)
  java "${jvm[@]}" -jar "$jar" scan --root "$dir" "$dir" --fail-on none --format json -o "$work/r.json" >/dev/null 2>&1 # warm the page cache
  read -r scan_s scan_kb < <(measure env EKSNET_TIMINGS=1 java "${jvm[@]}" -jar "$jar" scan --root "$dir" "$dir" --fail-on none --format json -o "$work/r.json")
  cp "$work/err" "$work/timings-$n.txt"
  read -r parse_s _ < <(measure java "${jvm[@]}" -cp "$cp" io.eksnet.bench.ParseOnly "$dir")
  findings=$(grep -oE '"findings" *: *[0-9]+' "$work/r.json" | head -1 | grep -oE '[0-9]+$' || echo "?")
  ratio=$(awk -v a="$scan_s" -v b="$parse_s" 'BEGIN { printf "%.2f", a / b }')
  echo "| $n | $files | $scan_s | $((scan_kb / 1024)) | $parse_s | $ratio | $findings |"
done
echo
echo "Per-rule firings and consequence time at the largest size:"
grep 'timings:' "$work/timings-${sizes[-1]}.txt" || true
