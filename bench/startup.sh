#!/usr/bin/env bash
# Start-up cost of a small scan, compared with the JVM's own floor in the same run:
# `java -version` vs `./eksnet scan examples/shop` (launcher, CDS archive) and the bare jar.
# Uses hyperfine when installed (apt-get install hyperfine), else a plain loop of 10 runs.
set -euo pipefail
cd "$(dirname "$0")/.."
./eksnet --version >/dev/null   # builds the jar and the CDS archive if needed
cmds=("java -version"
      "./eksnet scan --fail-on none examples/shop"
      "java -XX:+UseSerialGC -XX:SharedArchiveFile=target/eksnet-cli.jsa -Xlog:disable -jar target/eksnet-cli.jar scan --fail-on none examples/shop"
      "java -jar target/eksnet-cli.jar scan --fail-on none examples/shop")
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N -w 3 -r 20 "${cmds[@]}"
else
  for c in "${cmds[@]}"; do
    s=$(date +%s%N); for _ in $(seq 10); do $c >/dev/null 2>&1; done; e=$(date +%s%N)
    echo "$(( (e - s) / 10000000 )) ms  $c"
  done
fi
