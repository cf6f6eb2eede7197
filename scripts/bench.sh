#!/usr/bin/env bash
# Builds lachan-bench and runs the end-to-end hunt harness, the event-store harness, the load harness of
# `lachan serve` (e2e: the server in a JVM of its own, started from the same class path) or the JMH
# benchmarks with a JDK >= 25.
#   scripts/bench.sh harness [--rounds N] [--warmup N] [--limit EVENTS] [--json FILE] [EVENTS_FOLDER]
#   scripts/bench.sh store [--rounds N] [--limit EVENTS] [--json FILE] [EVENTS_FOLDER]
#   scripts/bench.sh store --fill EVENTS --data FOLDER [--json FILE] [EVENTS_FOLDER]
#   scripts/bench.sh e2e [--rate N] [--duration S] [--burst] [--json FILE] [more: --help]
#   scripts/bench.sh authz [--calls N] [--json FILE] [more: --help]   (the gate's share of real API calls)
#   scripts/bench.sh jmh [JMH options, e.g. -rf json -rff target/jmh.json, or a benchmark regex]
# Set LACHAN_BENCH_SKIP_BUILD=1 to run what was built last; JAVA_OPTS adds JVM options (e.g. JFR).
# See docs/performance.md for the figures and how to read them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/find-jdk.sh
source "$root/scripts/find-jdk.sh"
cd "$root"

usage() {
  echo "usage: scripts/bench.sh harness|store|e2e|authz|jmh [args]" >&2
  exit 2
}

[[ $# -ge 1 ]] || usage
mode="$1"
shift
[[ "$mode" == harness || "$mode" == store || "$mode" == e2e || "$mode" == authz || "$mode" == jmh ]] || usage

if [[ "${LACHAN_BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  # maven.test.skip: the benchmarks need no test classes, and a test being written elsewhere in the
  # tree must not stop a measurement
  log="$(mktemp "${TMPDIR:-/tmp}/lachan-bench-build.XXXXXX")"
  if ! mvn -B -q -ntp -Dstyle.color=never -Dmaven.test.skip=true -Dspotless.check.skip=true \
      package -pl lachan-bench -am >"$log" 2>&1; then
    cat "$log" >&2
    echo "bench: the build failed; see the Maven output above (also in $log)" >&2
    exit 3
  fi
  rm -f "$log"
fi

classpath="lachan-bench/target/classes:lachan-bench/target/lib/*"
java="$JAVA_HOME/bin/java"
# shellcheck disable=SC2206 # JAVA_OPTS is a list of options, split on purpose
extra=(${JAVA_OPTS:-})

case "$mode" in
  harness)
    exec "$java" -Xmx2g -Xms2g -XX:+UseParallelGC "${extra[@]}" -cp "$classpath" vn.lachan.bench.HuntHarness "$@"
    ;;
  store)
    # the flags `lachan serve` runs with (ServerProcess): Lucene's native and SIMD paths
    exec "$java" -Xmx2g -Xms2g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
      "${extra[@]}" -cp "$classpath" vn.lachan.bench.StoreHarness "$@"
    ;;
  e2e)
    # the sender's JVM; each phase's server gets -Xmx2g in a JVM of its own (see E2eHarness)
    exec "$java" -Xmx2g -XX:+UseParallelGC "${extra[@]}" -cp "$classpath" vn.lachan.bench.e2e.E2eHarness "$@"
    ;;
  authz)
    # the callers' JVM; the server runs in a JVM of its own with -Xmx2g (see ServerProcess)
    exec "$java" -Xmx1g -XX:+UseParallelGC "${extra[@]}" -cp "$classpath" vn.lachan.bench.authz.AuthzHarness "$@"
    ;;
  jmh)
    exec "$java" "${extra[@]}" -cp "$classpath" org.openjdk.jmh.Main "$@"
    ;;
  *)
    usage
    ;;
esac
