#!/usr/bin/env bash
# Start-up cost of a small scan, compared with the JVM's own floor in the same hyperfine run:
#   java -version                      the floor
#   ./eksnet scan examples/shop        the launcher, answered by its daemon (pre-commit's case)
#   EKSNET_DAEMON=0 ./eksnet ...       the launcher starting a JVM: best JDK found + class archive
#   EKSNET_JAVA=java ... (JDK 17)      the same on the default JDK (AppCDS)
#   java -jar target/eksnet-cli.jar    no launcher, no archive
# Uses hyperfine when installed (apt-get install hyperfine), else a plain loop of 10 runs.
# Run it on a quiet machine: the figures are wall-clock times.
set -euo pipefail
cd "$(dirname "$0")/.."
export EKSNET_DAEMON=1
EKSNET_DAEMON=0 ./eksnet --version >/dev/null                 # builds the jar and the class archive
EKSNET_DAEMON=0 EKSNET_JAVA=java ./eksnet --version >/dev/null # the JDK 17 archive
./eksnet scan --quiet --fail-on none examples/shop >/dev/null  # starts the daemon
trap './eksnet daemon stop >/dev/null' EXIT
for _ in $(seq 300); do
  ./eksnet daemon status | grep -q ': running' && break
  sleep 0.1
done
./eksnet daemon status
sleep 3 # let the daemon finish its warm-up
args="scan --fail-on none examples/shop"
cmds=("java -version"
      "./eksnet $args"
      "env EKSNET_DAEMON=0 ./eksnet $args"
      "env EKSNET_DAEMON=0 EKSNET_JAVA=java ./eksnet $args"
      "java -XX:+UseSerialGC -jar target/eksnet-cli.jar $args")
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N -w 3 -r 20 "${cmds[@]}"
else
  for c in "${cmds[@]}"; do
    s=$(date +%s%N); for _ in $(seq 10); do $c >/dev/null 2>&1; done; e=$(date +%s%N)
    echo "$(( (e - s) / 10000000 )) ms  $c"
  done
fi
