#!/usr/bin/env bash
# Builds Release once, then runs every benchmark and writes its figures into bench/README.md.
# Extra arguments go to every run, e.g. `bench/run.sh --wait-quiet 600` on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."

# Builds the load generator and, through its project reference, the server (src/Relais.Web) in Release.
dotnet build -c Release bench/Relais.Bench

bench() { dotnet run -c Release --no-build --project bench/Relais.Bench -- "$@"; }

status=0
# The table row: SQLite with synchronous=FULL (the default: an acknowledged signature survives a power cut).
bench signatures --sync FULL --update-readme "$@" || status=$?
# The note below it: synchronous=NORMAL (survives a process crash, not a power cut).
bench signatures --sync NORMAL --update-readme "$@" || status=$?
exit "$status"
