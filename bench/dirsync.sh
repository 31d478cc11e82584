#!/usr/bin/env bash
# Issue 20's directory sync at scale (not part of mvn verify, not JMH): a generated tenant of 100,000 users and
# 20,000 groups on a loopback Graph stand-in with 50 ms per request, synced in full into the sandbox's directory with
# a 512 MB heap, then as a delta after 1 % of the users changed. Prints time per phase, Graph requests, host writes,
# peak heap and GC time. About 5 minutes on 2 cores.
#
#   bench/dirsync.sh                    # build the bench jar, then run
#   bench/dirsync.sh --no-build         # reuse bench/target/benchmarks.jar
#   bench/dirsync.sh --no-build 10000 2000 50   # users, groups, latency (ms): a smaller tenant
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--no-build" ]]; then
  shift
else
  ./mvnw -o -q -Pbench -pl bench -am package -DskipTests -Dlanyard.fuzz.skip
fi
# shellcheck source=bench/quiet-machine.sh
source bench/quiet-machine.sh
require_quiet_machine
exec java -Xmx512m -Xms512m -XX:+UseG1GC -Dlanyard.bench.log=bench/target/dirsync.log \
  -cp bench/target/benchmarks.jar io.lanyard.bench.dirsync.DirectorySyncBenchmark "$@"
