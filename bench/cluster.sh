#!/usr/bin/env bash
# Cluster figures of issue 15, on loopback: two sandbox nodes (java -jar, one home, one embedded Hazelcast cluster)
# behind Debian's HAProxy, against one node behind the same HAProxy:
#   1. login throughput and latency (LoginRoundTrip --url, 4 simulated people): two nodes vs one
#   2. back-channel logout to effect on the other node (BackChannelLatency): median, p90, p99; the front gives
#      logout tokens to node 2 and alice's session is on node 1, so every token crosses nodes
# HAProxy balances round-robin; a session, once the product made one, sticks to its node (JSESSIONID stick table),
# as Data Center products need: the login flow itself (start, provider, callback) is not sticky.
# Results under bench/target/cluster/. Measure on a quiet machine (same load check as bench/run.sh).
#
#   bench/cluster.sh            # build the sandbox and bench jars first
#   bench/cluster.sh --no-build
#   bench/cluster.sh --quick    # short smoke run; figures not worth publishing
set -euo pipefail
cd "$(dirname "$0")/.."
build=1; quick=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --quick) quick=1 ;;
    *) echo "usage: bench/cluster.sh [--no-build] [--quick]" >&2; exit 2 ;;
  esac
done
# shellcheck source=bench/quiet-machine.sh
source bench/quiet-machine.sh
require_quiet_machine
if [[ $build == 1 ]]; then
  mvn -q -Pbench -pl bench,sandbox -am package -DskipTests
fi
haproxy_bin=$(command -v haproxy || echo /usr/sbin/haproxy)
sandbox=sandbox/target/lanyard-sandbox.jar
bench=bench/target/benchmarks.jar
out=bench/target/cluster
rm -rf "$out"; mkdir -p "$out"
work=$(mktemp -d /tmp/lanyard-cluster-bench.XXXXXX)
warmup=20; seconds=60; rounds=100
if [[ $quick == 1 ]]; then warmup=3; seconds=10; rounds=10; fi
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

haproxy_config() { # $1 = port, then the node ports
  local port=$1; shift
  cat <<CFG
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  option http-server-close
  option redispatch
  retries 2
frontend cluster
  bind 127.0.0.1:$port
  use_backend last if { path_beg /plugins/servlet/lanyard/backchannel-logout/ }
  default_backend nodes
backend nodes
  balance roundrobin
  stick-table type string len 64 size 100k expire 30m
  stick on req.cook(JSESSIONID)
  stick store-response res.cook(JSESSIONID)
CFG
  local n=1
  for node in "$@"; do echo "  server node$n 127.0.0.1:$node check inter 500ms"; n=$((n + 1)); done
  # logout tokens go to the last node, so that the latency run knows they cross to node 1's sessions
  echo "backend last"
  echo "  server last 127.0.0.1:${!#}"
}

start_node() { # $1 = home, $2 = port, $3 = front URL, $4 = log
  java -jar "$sandbox" --home "$1" --port "$2" --cluster "$3" >"$4" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do grep -q "Open:" "$4" && return 0; sleep 0.5; done
  echo "node on port $2 did not start; see $4" >&2; exit 1
}

run_setup() { # $1 = name, $2 = front port, then node ports
  local name=$1 front_port=$2; shift 2
  local home="$work/$name-home" front="http://localhost:$front_port"
  haproxy_config "$front_port" "$@" >"$work/$name-haproxy.cfg"
  "$haproxy_bin" -db -f "$work/$name-haproxy.cfg" >"$out/$name-haproxy.log" 2>&1 &
  pids+=($!)
  local i=1
  for port in "$@"; do start_node "$home" "$port" "$front" "$out/$name-node$i.log"; i=$((i + 1)); done
  java -cp "$bench" io.lanyard.bench.login.LoginRoundTrip --url "$front/" --users 4 --warmup "$warmup" \
       --seconds "$seconds" --out "$out/$name-logins.json" >/dev/null
  echo "$name: $(grep -E '"(loginsPerSecond|failures)"' "$out/$name-logins.json" | tr -d ' \n')" \
       "$(grep -A8 '"latencyMs"' "$out/$name-logins.json" | tr -d ' \n')"
}

run_setup one-node 9180 8180
for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; pids=(); sleep 2
run_setup two-nodes 9280 8280 8290
java -cp "$bench" io.lanyard.bench.cluster.BackChannelLatency http://localhost:9280 http://localhost:8280 \
     http://localhost:8290 "$rounds" | tee "$out/back-channel-latency.txt"
