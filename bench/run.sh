#!/usr/bin/env bash
# Builds Release once, then runs every benchmark and writes its figures into bench/README.md.
# Extra arguments go to the signature, pledge and gift runs, e.g. `bench/run.sh --wait-quiet 600` on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."

# postfix's smtp-sink and smtp-source for the email benchmark.
if ! command -v smtp-sink >/dev/null && [ ! -x /usr/sbin/smtp-sink ] && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null
fi

# Builds the load generator and, through its project reference, the server (src/Relais.Web) in Release.
dotnet build -c Release bench/Relais.Bench

bench() { dotnet run -c Release --no-build --project bench/Relais.Bench -- "$@"; }

status=0
# The table row: SQLite with synchronous=FULL (the default: an acknowledged signature survives a power cut).
bench signatures --sync FULL --update-readme "$@" || status=$?
# The note below it: synchronous=NORMAL (survives a process crash, not a power cut).
bench signatures --sync NORMAL --update-readme "$@" || status=$?
# The other public actions through the same intake: in-kind pledges and offline gift promises.
bench pledges --update-readme "$@" || status=$?
bench gifts --update-readme "$@" || status=$?
# A million recipients to smtp-sink, against smtp-source into the same sink.
bench email --update-readme || status=$?
# Relay links, live counters and issue 6's giving figures.
bench relay-redirects --update-readme || status=$?
bench live-counters --update-readme || status=$?
bench webhooks --update-readme || status=$?
bench contest-rank --update-readme || status=$?
bench contest-live --update-readme || status=$?
exit "$status"
