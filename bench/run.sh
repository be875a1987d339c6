#!/usr/bin/env bash
# ./polychat bench: build what the bench measures, then run it. Everything it starts binds
# 127.0.0.1 and is stopped before it exits; the whole run is bounded in time.
#
#   bench/run.sh            the full run (about 10 minutes on 2 cores)
#   bench/run.sh --smoke    a few seconds of each part, to see that it works
#   bench/run.sh --only=coldstart,history     some parts only
#   bench/run.sh --stack=http://127.0.0.1:8080  use a running local stack for fan-out and load
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# A run that overstays this is stopped (TERM, then KILL): the full run needs well under it.
LIMIT_SECONDS="${POLYCHAT_BENCH_LIMIT_SECONDS:-840}"

[[ -n "${JAVA_HOME:-}" ]] || { echo "bench: JAVA_HOME must point to a JDK 21 or newer" >&2; exit 1; }

# The load parts open about 1,100 sockets on each side of loopback.
hard="$(ulimit -Hn)"
want=8192
if [[ "$hard" != "unlimited" && "$hard" -lt "$want" ]]; then want="$hard"; fi
if [[ "$(ulimit -Sn)" != "unlimited" && "$(ulimit -Sn)" -lt "$want" ]]; then
  ulimit -Sn "$want"
fi

if [[ ! -d "$ROOT/tools/dynalite/node_modules" ]]; then
  echo "bench: installing dynalite (npm ci)" >&2
  (cd "$ROOT/tools/dynalite" && npm ci --no-audit --no-fund --loglevel=error)
fi

quiet_maven() {
  # Maven on a new JDK prints sun.misc.Unsafe warnings that are Maven's own, not ours.
  MAVEN_OPTS="${MAVEN_OPTS:-} --enable-native-access=ALL-UNNAMED" \
    mvn -B -q -f "$ROOT/pom.xml" "$@" 2> >(grep -v -e 'sun.misc.Unsafe' -e 'terminally deprecated' \
      -e 'Please consider reporting' -e 'will be removed in a future release' >&2)
}

echo "bench: building the function jars, the local stack and the bench" >&2
quiet_maven package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt \
  -pl bench -am

mkdir -p "$ROOT/target/bench"
cd "$ROOT"
exec timeout --signal=TERM --kill-after=20s "$LIMIT_SECONDS" \
  "$JAVA_HOME/bin/java" -Xmx2g -XX:+UseParallelGC -Dpolychat.home="$ROOT" \
  -cp "$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")" \
  dev.polychat.bench.BenchMain "$@"
