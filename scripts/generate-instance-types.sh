#!/usr/bin/env sh
# Regenerates src/main/resources/io/eksnet/aws/instance-types.tsv from ../shared/data
# (ec2-eni-limits.tsv joined with ec2-vcpus.tsv) and data/ec2-memory.tsv (see data/SOURCES.md).
# Run from anywhere inside the project.
set -eu
cd "$(dirname "$0")/.."
mvn -B -q test-compile
java -cp target/classes:target/test-classes io.eksnet.aws.InstanceTableGenerator \
  "${1:-../shared/data}" src/main/resources/io/eksnet/aws/instance-types.tsv
