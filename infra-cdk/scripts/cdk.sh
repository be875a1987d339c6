#!/usr/bin/env bash
# Synthesizes, diffs, deploys or destroys PolyChat on AWS with the CDK CLI pinned in
# infra-cdk/package.json. Builds what the app needs first: the function jars when they are
# missing, and the CDK app itself (with the core module whose table specs it reads).
#
#   infra-cdk/scripts/cdk.sh synth|diff|deploy|destroy [cdk options, e.g. -c stage=dev]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
FUNCTIONS=(auth connect message presence history migrate)

die() {
  echo "cdk.sh: $*" >&2
  exit 1
}

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

need_tools() {
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  command -v "$java" >/dev/null 2>&1 || die "no java found; set JAVA_HOME to a JDK 21 or newer"
  local major
  major="$(java_major "$java")"
  [[ -n "$major" && "$major" -ge 21 ]] \
    || die "java $major is too old; set JAVA_HOME to a JDK 21 or newer"
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is not on PATH"
  command -v npm >/dev/null 2>&1 || die "Node.js and npm are not on PATH (Node 20 or newer)"
}

mvn_quiet() {
  # Maven on a new JDK prints sun.misc.Unsafe warnings that are Maven's own, not ours.
  mvn -B -q -f "$ROOT/pom.xml" "$@" 2> >(grep -v -e 'sun.misc.Unsafe' -e 'terminally deprecated' \
    -e 'Please consider reporting' -e 'will be removed in a future release' >&2)
}

build_missing_function_jars() {
  local missing=() f
  for f in "${FUNCTIONS[@]}"; do
    compgen -G "$ROOT/functions/$f/target/polychat-function-$f-*-lambda.jar" >/dev/null \
      || missing+=("functions/$f")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "cdk.sh: building the function jars (${missing[*]})" >&2
    mvn_quiet package -DskipTests -pl "$(IFS=,; echo "${FUNCTIONS[*]/#/functions/}")" -am
  fi
}

build_app() {
  # Installed, because cdk.json's `mvn exec:java` runs in infra-cdk/ alone and resolves
  # polychat-core (the table specs) from the local repository.
  echo "cdk.sh: building the CDK app" >&2
  mvn_quiet install -DskipTests -pl infra-cdk -am
}

install_cli() {
  if [[ ! -d "$HERE/node_modules" || "$HERE/package-lock.json" -nt "$HERE/node_modules" ]]; then
    echo "cdk.sh: installing the CDK CLI (npm ci)" >&2
    (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$HERE/node_modules"
  fi
}

main() {
  local command="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$command" in
    synth|diff|deploy|destroy) ;;
    *) die "usage: cdk.sh synth|diff|deploy|destroy [cdk options]" ;;
  esac
  need_tools
  export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

  build_missing_function_jars
  build_app
  install_cli

  local extra=()
  if [[ "$command" == deploy ]]; then
    # A value that differs on every deploy makes the migration trigger run every time.
    extra+=(--context "migrationRun=$(date -u +%Y%m%dT%H%M%SZ)")
  fi
  cd "$HERE"
  exec npx --no-install cdk "$command" "${extra[@]}" "$@"
}

main "$@"
