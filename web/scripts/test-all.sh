#!/usr/bin/env bash
# Every check of the web client: typecheck, lint, unit tests, build, bundle size, then the
# browser tests against a local stack this script starts on a free port with fresh data.
# Called by `./polychat test` with JAVA_HOME set and the local stack's jar built.
# POLYCHAT_URL=http://127.0.0.1:PORT/ runs the browser tests against a stack already running.
set -uo pipefail

WEB="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(dirname "$WEB")"
RESULTS="$WEB/test-results"
passed=0
failed=0
stack_pid=""
stack_data=""

say() { echo "web: $*"; }

# A step that is not a test suite counts as one check.
check() {
  local name="$1"
  shift
  say "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    say "FAILED: $name"
  fi
}

# Adds a suite's counts from its JSON report; a missing report counts as one failure.
count_suite() {
  local name="$1" report="$2" counts
  if counts="$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
    const [ok, bad] = r.stats
      ? [r.stats.expected + r.stats.flaky, r.stats.unexpected]
      : [r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0)]
    console.log(ok, bad)' "$report" 2>/dev/null)"; then
    read -r ok bad <<<"$counts"
    say "$name: $ok passed, $bad failed"
    passed=$((passed + ok))
    failed=$((failed + bad))
  else
    say "FAILED: $name produced no report"
    failed=$((failed + 1))
  fi
}

stop_stack() {
  if [[ -n "$stack_pid" ]] && kill -0 "$stack_pid" 2>/dev/null; then
    kill "$stack_pid" 2>/dev/null
    for _ in $(seq 1 30); do
      kill -0 "$stack_pid" 2>/dev/null || break
      sleep 1
    done
    kill -9 "$stack_pid" 2>/dev/null || true
  fi
  stack_pid=""
  if [[ -n "$stack_data" ]]; then
    [[ -f "$stack_data/stack.log" ]] && cp "$stack_data/stack.log" "$RESULTS/stack.log" 2>/dev/null
    rm -rf "$stack_data"
    stack_data=""
  fi
}
trap stop_stack EXIT
trap 'exit 130' INT TERM

free_port() {
  node -e 'const s = require("net").createServer()
    s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close() })'
}

healthy() {
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.status === 200 ? 0 : 1),
    () => process.exit(1))' "$1"
}

start_stack() {
  local jar port
  jar="$(compgen -G "$ROOT/local/target/polychat-local-*-all.jar" | head -n1 || true)"
  if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]]; then
    say "JAVA_HOME must point at a JDK 21 or newer to start the local stack"
    return 1
  fi
  if [[ -z "$jar" ]]; then
    say "no local/target/polychat-local-*-all.jar; run ./polychat build first"
    return 1
  fi
  port="$(free_port)"
  stack_data="$(mktemp -d "${TMPDIR:-/tmp}/polychat-web-e2e.XXXXXX")"
  POLYCHAT_PORT="$port" POLYCHAT_DATA="$stack_data" POLYCHAT_SCHEDULE_SECONDS=1 \
    "$JAVA_HOME/bin/java" -Dpolychat.home="$ROOT" -jar "$jar" >"$stack_data/stack.log" 2>&1 &
  stack_pid=$!
  export POLYCHAT_URL="http://127.0.0.1:$port/"

  for _ in $(seq 1 90); do
    if ! kill -0 "$stack_pid" 2>/dev/null; then
      say "the local stack exited during start-up; its log:"
      tail -n 40 "$stack_data/stack.log"
      return 1
    fi
    if healthy "${POLYCHAT_URL}health"; then
      say "local stack ready at $POLYCHAT_URL (pid $stack_pid)"
      return 0
    fi
    sleep 1
  done
  say "the local stack was not healthy within 90 s; its log:"
  tail -n 40 "$stack_data/stack.log"
  return 1
}

need_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [[ -x "$chromium" ]] && return 0
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    say "installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  [[ -x "$chromium" ]] || { say "no Chromium at $chromium"; return 1; }
}

cd "$WEB" || exit 1
mkdir -p "$RESULTS"
if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error || exit 1
fi

check typecheck npm run --silent typecheck
check lint npm run --silent lint
say "unit tests"
npx vitest run --reporter=default --reporter=json --outputFile.json="$RESULTS/unit-results.json"
count_suite "unit tests" "$RESULTS/unit-results.json"
check build npm run --silent build
check "bundle size" node scripts/bundle-size.mjs

if [[ -n "${POLYCHAT_URL:-}" ]] || start_stack; then
  if need_chromium; then
    say "browser tests against $POLYCHAT_URL"
    npx playwright test
    count_suite "browser tests" "$RESULTS/e2e-results.json"
  else
    failed=$((failed + 1))
  fi
else
  failed=$((failed + 1))
fi
stop_stack

echo "web: $passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
