#!/usr/bin/env bash
# Runs every test and check of the project (the single gate: formatting, Error Prone and NullAway,
# ArchUnit, the enforcer, unit tests and the tests over ../shared/corpus) with a JDK >= 25.
# Extra arguments go to Maven, e.g. ./test.sh -pl lachan-sigma -am
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/find-jdk.sh
source "$root/scripts/find-jdk.sh"
cd "$root"
exec mvn -B -ntp -Dstyle.color=never verify "$@"
