#!/usr/bin/env bash
# Rollback latency through the REST API against a real HAProxy (needs /usr/sbin/haproxy
# and PostgreSQL on localhost:5432, like the tests). Usage: bench/rollback.sh [rollbacks]
# Prints p50/p99 beside the raw `set weight` round trip; also in target/benchmark-rollback.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=RollbackBenchmarkIT -Dbenchmark=true -Dbenchmark.rollbacks="${1:-200}" >/dev/null \
  || { echo "benchmark failed: see target/failsafe-reports" >&2; exit 1; }
cat target/benchmark-rollback.txt
