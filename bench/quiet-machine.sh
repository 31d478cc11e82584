# Sourced by bench/run.sh and bench/cluster.sh: figures measured on a busy machine are not worth publishing, so a
# run refuses to start when the 1-minute load average is LANYARD_BENCH_MAX_LOAD (default 0.5) or more.
require_quiet_machine() {
  local max_load="${LANYARD_BENCH_MAX_LOAD:-0.5}"
  local load_1m
  load_1m="$(cut -d' ' -f1 /proc/loadavg)"
  if awk -v l="$load_1m" -v m="$max_load" 'BEGIN { exit !(l >= m) }'; then
    echo "load average is $load_1m (>= $max_load): figures measured now are not worth publishing." >&2
    echo "Wait for a quiet machine, or set LANYARD_BENCH_MAX_LOAD to run anyway." >&2
    exit 3
  fi
}
