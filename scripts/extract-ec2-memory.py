#!/usr/bin/env python3
"""Writes data/ec2-memory.tsv: EC2 MemoryInfo.SizeInMiB per instance type, as published by
aws/karpenter-provider-aws in website/content/en/preview/reference/instance-types.md (the label
karpenter.k8s.aws/instance-memory, generated from DescribeInstanceTypes; Apache License 2.0).

Usage: git -C KARPENTER_CHECKOUT show COMMIT:website/content/en/preview/reference/instance-types.md \
         | scripts/extract-ec2-memory.py ../shared/data/ec2-eni-limits.tsv > data/ec2-memory.tsv
Only the instance types of ec2-eni-limits.tsv are kept, in its order; types the page lacks are
left out (unknown).
"""
import re
import sys

known = [l.split("\t")[0] for l in open(sys.argv[1]).read().splitlines()[1:] if l]
memory = {}
current = None
for line in sys.stdin:
    m = re.match(r"^### `([a-z0-9.-]+)`", line)
    if m:
        current = m.group(1)
        continue
    m = re.match(r"^\s*\|karpenter\.k8s\.aws/instance-memory\|(\d+)\|", line)
    if m and current is not None:
        value = int(m.group(1))
        if memory.setdefault(current, value) != value:
            sys.exit(current + ": two memory values")
print("instance_type\tmemory_mib")
for t in known:
    if t in memory:
        print(t + "\t" + str(memory[t]))
