#!/usr/bin/env bash
# eksnet's loader against its floor, plain SnakeYAML (same version, same LoaderOptions, compose),
# on the same generated files, same JVM flags (-XX:+UseSerialGC -Xmx2g, JDK on the PATH). Each
# measurement is a new JVM (a scan is a cold run); the modes alternate, RUNS rounds (default 5),
# and the medians are printed: CPU time of the whole process from the first file to the last (JIT
# and GC threads included), the loading thread's CPU time, and wall time; the load average before
# and after. Usage: bench/loader.sh [OBJECTS] (default 100000)
# Needs the built jar and test classes: mvn -B -q -DskipTests package test-compile
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
runs=${RUNS:-5}
jar=target/eksnet-cli.jar
[ -f "$jar" ] && [ -f target/test-classes/io/eksnet/source/LoaderFloor.class ] || mvn -B -q -DskipTests package test-compile
cp="$jar:target/test-classes"
jvm=(-XX:+UseSerialGC -Xmx2g)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp "$cp" io.eksnet.bench.ClusterDumpGenerator "$n" "$work/dump" 42 >/dev/null
cat "$work"/dump/* >/dev/null # the page cache
modes=(snakeyaml trees loader)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 0; r < runs; r++)); do
  for m in "${modes[@]}"; do
    java "${jvm[@]}" -cp "$cp" io.eksnet.source.LoaderFloor "$m" "$work/dump" >>"$work/$m"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
floor=$(awk '{ print $2 }' "$work/snakeyaml" | median)
echo "| $n objects, median of $runs | process CPU ms | loading thread CPU ms | wall ms | GC pause ms | / SnakeYAML (process CPU) |"
echo "|---|---|---|---|---|---|"
for m in "${modes[@]}"; do
  cpu=$(awk '{ print $2 }' "$work/$m" | median)
  echo "| $m | $cpu | $(awk '{ print $3 }' "$work/$m" | median) | $(awk '{ print $4 }' "$work/$m" | median) | $(awk '{ print $5 }' "$work/$m" | median) | $(awk -v a="$cpu" -v b="$floor" 'BEGIN { printf "%.2f", a / b }') |"
done
