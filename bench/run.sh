#!/usr/bin/env bash
# Runs every Lanyard benchmark once and records the raw results under bench/target/results/:
#   1. login filter pass-through vs a no-op filter (JMH, -prof gc)
#   2. ID-token validation: Lanyard vs raw JDK signature, Nimbus, Spring Security, pac4j (JMH, -prof gc),
#      plus the cost breakdown of the Nimbus JOSE steps and the check matrix (which validator refuses what);
#      group sync (2b); API access tokens: repeat call, first sight, raw JDK, Spring's decoder (2c); CI job tokens
#      under trust policies (2d) (JMH, -prof gc)
#   3. whole logins through the sandbox on loopback (bounded: warm-up, then a fixed window)
#   4. start-up in fresh JVMs, and jar sizes
# then writes bench/target/results/tables.md (the tables of BENCHMARKS.md).
#
# About 15-20 minutes on 2 cores. Measure on a quiet machine: the script prints the load average and refuses to
# start above LANYARD_BENCH_MAX_LOAD (default 0.5; set it higher to run anyway, e.g. for a smoke test).
#
#   bench/run.sh                 # build the bench jar and the product plugin jars, then run everything
#   bench/run.sh --no-build      # reuse bench/target/benchmarks.jar
#   bench/run.sh --quick         # short smoke run (about 3 minutes); figures are not worth publishing
set -euo pipefail

cd "$(dirname "$0")/.."
build=1
quick=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --quick) quick=1 ;;
    *) echo "usage: bench/run.sh [--no-build] [--quick]" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/quiet-machine.sh
source bench/quiet-machine.sh
require_quiet_machine

if [[ $build == 1 ]]; then
  mvn -q -Pbench -pl bench,products/jira,products/confluence,products/bitbucket,products/bamboo -am package -DskipTests
fi

jar=bench/target/benchmarks.jar
out=bench/target/results
rm -rf "$out"
mkdir -p "$out"
java_cmd=(java -Dlanyard.bench.log="$out/lanyard.log")

if [[ $quick == 1 ]]; then
  filter_opts=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
  token_opts=(-f 1 -wi 2 -w 1s -i 2 -r 1s)
  breakdown_opts=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
  login_opts=(--users 4 --warmup 5 --seconds 10)
  startup_runs=3
else
  filter_opts=(-f 2 -wi 3 -w 1s -i 5 -r 1s)
  token_opts=(-f 2 -wi 4 -w 2s -i 5 -r 2s)
  breakdown_opts=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
  login_opts=(--users 4 --warmup 30 --seconds 90)
  startup_runs=15
fi

record_load() { echo "$1 $(date -u +%FT%TZ) $(cat /proc/loadavg)" | tee -a "$out/loadavg.txt"; }

{
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "cores: $(nproc)"
  echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "kernel: $(uname -r)"
  echo "java: $(java -version 2>&1 | sed -n 2p)"
  echo "jvm: $(java -version 2>&1 | sed -n 3p)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
} | tee "$out/machine.txt"

record_load "start"

echo "== 1. login filter pass-through"
"${java_cmd[@]}" -jar "$jar" FilterPassThroughBenchmark "${filter_opts[@]}" -prof gc \
  -rf json -rff "$out/jmh-filter.json" | tee "$out/jmh-filter.txt"
record_load "after-filter"

echo "== 2. ID-token validation"
"${java_cmd[@]}" -jar "$jar" IdTokenValidationBenchmark "${token_opts[@]}" -prof gc \
  -rf json -rff "$out/jmh-tokens.json" | tee "$out/jmh-tokens.txt"
"${java_cmd[@]}" -jar "$jar" IdTokenCostBreakdownBenchmark "${breakdown_opts[@]}" \
  -rf json -rff "$out/jmh-breakdown.json" | tee "$out/jmh-breakdown.txt"
"${java_cmd[@]}" -cp "$jar" io.lanyard.bench.token.CheckMatrix | tee "$out/check-matrix.md"
record_load "after-tokens"

echo "== 2b. group sync at login (issue 13: 500 groups, 300 managed; host calls excluded)"
"${java_cmd[@]}" -jar "$jar" GroupSyncBenchmark "${filter_opts[@]}" -prof gc \
  -rf json -rff "$out/jmh-groups.json" | tee "$out/jmh-groups.txt"
record_load "after-groups"

echo "== 2c. API access: bearer tokens (issue 16: repeat call, first sight, raw JDK, Spring's NimbusJwtDecoder)"
"${java_cmd[@]}" -jar "$jar" AccessTokenBenchmark "${filter_opts[@]}" -prof gc \
  -rf json -rff "$out/jmh-access.json" | tee "$out/jmh-access.txt"
record_load "after-access"

echo "== 2d. CI job tokens under trust policies (issue 17: repeat call from the cache, first sight)"
"${java_cmd[@]}" -jar "$jar" CiTokenBenchmark "${filter_opts[@]}" -prof gc \
  -rf json -rff "$out/jmh-ci-tokens.json" | tee "$out/jmh-ci-tokens.txt"
record_load "after-ci-tokens"

echo "== 3. login round trip through the sandbox"
"${java_cmd[@]}" -cp "$jar" io.lanyard.bench.login.LoginRoundTrip "${login_opts[@]}" --out "$out/login-round-trip.json"
record_load "after-login"

echo "== 4. start-up and jar sizes"
startup_home="$out/startup-home"
"${java_cmd[@]}" -cp "$jar" io.lanyard.bench.startup.StartupProbe --write "$startup_home" > /dev/null
for _ in $(seq "$startup_runs"); do
  "${java_cmd[@]}" -cp "$jar" io.lanyard.bench.startup.StartupProbe "$startup_home" | tee -a "$out/startup.jsonl"
done
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 2 --runs "$startup_runs" --export-json "$out/hyperfine-startup.json" \
    "java -Dlanyard.bench.log=$out/lanyard.log -cp $jar io.lanyard.bench.startup.StartupProbe $startup_home"
else
  echo "(hyperfine not installed: apt-get install -y hyperfine; skipping the whole-process timing)"
fi
{
  for f in core/target/lanyard-core-*.jar plugin/target/lanyard-plugin-*.jar sandbox/target/lanyard-sandbox.jar; do
    [[ -f $f ]] && printf '%s\t%s\n' "\`$f\`" "$(stat -c %s "$f")"
  done
  if compgen -G "products/*/target/*.jar" > /dev/null; then
    for f in products/*/target/*.jar; do printf '%s\t%s\n' "\`$f\`" "$(stat -c %s "$f")"; done
  else
    printf '%s\t%s\n' "product plugin jars (Jira, Confluence, Bitbucket, Bamboo)" "not built (run without --no-build)"
  fi
} > "$out/jars.tsv"
record_load "end"

echo "== tables"
java -cp "$jar" io.lanyard.bench.report.ResultTables "$out"
echo "raw results: $out"
