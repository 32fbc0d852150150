#!/usr/bin/env bash
# The project's single test command (CI runs it through .ci/run).
#
#   scripts/test.sh [--filter EXPR] [--only NAME_FRAGMENT] [--no-format]
#
# 1. As root, installs what is missing from Debian's packages (postgresql, chromium,
#    python3-aiosmtpd, python3-dkim, fonts-dejavu-core, poppler-utils); otherwise says what is missing and goes on.
# 2. dotnet tool restore, then builds Relais.slnx once (Release; warnings are errors), then checks
#    formatting with `dotnet format --verify-no-changes` (unless --no-format).
# 3. Starts a throwaway PostgreSQL cluster and an SMTP sink on free 127.0.0.1 ports and exports
#    RELAIS_TEST_POSTGRES, RELAIS_TEST_SMTP_PORT, RELAIS_TEST_MAILDIR (the sink's Maildir) and
#    RELAIS_CHROMIUM for the tests; a trap stops them and removes their folders, however the script ends.
# 4. Runs every tests/*/*.Tests.csproj (Core first), each with a .trx in TestResults/latest/.
# 5. Prints the failed tests, then as its last line: `N passed, N failed, N skipped`.
#    Exit code 0 only when the build, the format check and every test passed.
#
# Options:
#   --filter EXPR          passed to `dotnet test --filter` (e.g. "FullyQualifiedName~Petitions")
#   --only FRAGMENT        runs only the test projects whose name contains FRAGMENT (any case)
#   --no-format            skips the format check
#   --summarize-only DIR   only sums up the .trx files in DIR (checks this script's summary)
# Environment: RELAIS_TEST_RESULTS overrides the results folder (default TestResults/latest).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1 MSBUILDTERMINALLOGGER=off

FILTER=""
ONLY=""
FORMAT=1
SUMMARIZE_ONLY=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --filter) FILTER=${2:?--filter needs an expression}; shift 2 ;;
        --filter=*) FILTER=${1#*=}; shift ;;
        --only) ONLY=${2:?--only needs a project name fragment}; shift 2 ;;
        --only=*) ONLY=${1#*=}; shift ;;
        --no-format) FORMAT=0; shift ;;
        --summarize-only) SUMMARIZE_ONLY=${2:?--summarize-only needs a folder}; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1 (see scripts/test.sh --help)" >&2; exit 2 ;;
    esac
done

RESULTS=${RELAIS_TEST_RESULTS:-$ROOT/TestResults/latest}
WORK=""          # temp folder of this run (logs, SMTP sink)
SMTP_PID=""
EXTRA_FAILURES=()   # failures that have no test result: crashes, missing infrastructure in CI
START=$SECONDS

step() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
elapsed() { printf '%dm%02ds' $(((SECONDS - $1) / 60)) $(((SECONDS - $1) % 60)); }

# Stops everything this run started. Quiet, idempotent: called before the summary and by the trap.
cleanup() {
    set +e
    if [[ -n $SMTP_PID ]]; then
        kill "$SMTP_PID" 2>/dev/null
        wait "$SMTP_PID" 2>/dev/null
        SMTP_PID=""
    fi
    relais_pg_stop >/dev/null 2>&1
    if [[ -n $WORK ]]; then
        rm -rf "$WORK"
        WORK=""
    fi
    # In CI, no MSBuild node or compiler server outlives the run (nor keeps its output open).
    if [[ ${CI:-} == true && -n ${BUILT:-} ]]; then
        dotnet build-server shutdown >/dev/null 2>&1
        BUILT=""
    fi
    set -e
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# Summary of .trx files

xml_unescape() { sed -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'; }

# Prints "total passed failed" of one .trx (failed includes error/timeout/aborted outcomes),
# nothing when the file has no <Counters> element.
trx_counts() {
    local counters
    counters=$(grep -o '<Counters [^>]*>' "$1" 2>/dev/null | head -n 1) || true
    [[ -n $counters ]] || return 0
    awk -v c="$counters" 'function attr(name,   re) {
            re = " " name "=\"[0-9]+\""
            if (match(c, re)) { s = substr(c, RSTART, RLENGTH); gsub(/[^0-9]/, "", s); return s + 0 }
            return 0
        }
        BEGIN { print attr("total"), attr("passed"), attr("failed") + attr("error") + attr("timeout") + attr("aborted") }'
}

# Names of the failed tests of one .trx.
trx_failed_names() {
    { grep -o '<UnitTestResult [^>]*>' "$1" 2>/dev/null || true; } |
        grep -E 'outcome="(Failed|Error|Timeout|Aborted)"' |
        sed -n 's/.* testName="\([^"]*\)".*/\1/p' | xml_unescape
}

# Sums up every .trx in $1 plus EXTRA_FAILURES; prints the failed tests and the counts line;
# sets TOTAL_PASSED, TOTAL_FAILED, TOTAL_SKIPPED.
summarize() {
    local dir=$1 f name counts total passed failed skipped
    TOTAL_PASSED=0 TOTAL_FAILED=0 TOTAL_SKIPPED=0
    local -a failed_lines=()
    while IFS= read -r f; do
        name=$(basename "$f" .trx)
        counts=$(trx_counts "$f")
        if [[ -z $counts ]]; then
            EXTRA_FAILURES+=("$name: $(basename "$f") has no <Counters> (run cut short?)")
            continue
        fi
        read -r total passed failed <<<"$counts"
        skipped=$((total - passed - failed))
        ((skipped < 0)) && skipped=0
        TOTAL_PASSED=$((TOTAL_PASSED + passed))
        TOTAL_FAILED=$((TOTAL_FAILED + failed))
        TOTAL_SKIPPED=$((TOTAL_SKIPPED + skipped))
        while IFS= read -r line; do
            [[ -n $line ]] && failed_lines+=("[$name] $line")
        done < <(trx_failed_names "$f")
    done < <(find "$dir" -maxdepth 1 -name '*.trx' -type f 2>/dev/null | LC_ALL=C sort)
    TOTAL_FAILED=$((TOTAL_FAILED + ${#EXTRA_FAILURES[@]}))

    if ((${#failed_lines[@]} > 0)); then
        printf '\nFailed tests (%d):\n' "${#failed_lines[@]}"
        printf '  %s\n' "${failed_lines[@]}"
    fi
    if ((${#EXTRA_FAILURES[@]} > 0)); then
        printf '\nFailures without a test result (each counts as 1 failed):\n'
        printf '  %s\n' "${EXTRA_FAILURES[@]}"
    fi
}

if [[ -n $SUMMARIZE_ONLY ]]; then
    summarize "$SUMMARIZE_ONLY"
    echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed, $TOTAL_SKIPPED skipped"
    ((TOTAL_FAILED == 0)) && exit 0 || exit 1
fi

# tests/*/*.Tests.csproj, Core first, then the others by name.
mapfile -t PROJECTS < <(
    compgen -G 'tests/*/*.Tests.csproj' |
        awk '{ print (index($0, "/Relais.Core.Tests.csproj") ? "0 " : "1 ") $0 }' |
        LC_ALL=C sort | cut -d' ' -f2-
)
if [[ -n $ONLY ]]; then
    SELECTED=()
    for p in "${PROJECTS[@]}"; do
        name=$(basename "$p" .csproj)
        [[ ${name,,} == *"${ONLY,,}"* ]] && SELECTED+=("$p")
    done
    if ((${#SELECTED[@]} == 0)); then
        echo "no test project matches --only '$ONLY' (have: ${PROJECTS[*]##*/})" >&2
        exit 2
    fi
    PROJECTS=("${SELECTED[@]}")
fi
if ((${#PROJECTS[@]} == 0)); then
    EXTRA_FAILURES+=("no test project found (tests/*/*.Tests.csproj)")
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/relais-test.XXXXXX")

# ---------------------------------------------------------------------------------------------
# 1. System packages

have_postgres() { [[ -n $(relais_pg_bindir) ]]; }
have_chromium() { [[ -x /usr/bin/chromium ]]; }
have_aiosmtpd() { [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; }
have_dkim() { [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import dkim' >/dev/null 2>&1; }
have_fonts() { [[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]]; }
have_pdftotext() { [[ -x /usr/bin/pdftotext ]]; }

missing_packages() {
    have_postgres || echo postgresql
    have_chromium || echo chromium
    have_aiosmtpd || echo python3-aiosmtpd
    have_dkim || echo python3-dkim
    have_fonts || echo fonts-dejavu-core
    have_pdftotext || echo poppler-utils
}

step "system packages"
mapfile -t MISSING < <(missing_packages)
if ((${#MISSING[@]} == 0)); then
    note "all present (postgresql, chromium, python3-aiosmtpd, python3-dkim, fonts-dejavu-core, poppler-utils)"
elif [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    note "installing: ${MISSING[*]}"
    t0=$SECONDS
    export DEBIAN_FRONTEND=noninteractive
    if apt-get update -qq >"$WORK/apt.log" 2>&1 &&
        apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >>"$WORK/apt.log" 2>&1 </dev/null; then
        note "installed in $(elapsed "$t0")"
    else
        note "apt-get failed; its last lines:"
        tail -n 20 "$WORK/apt.log" | sed 's/^/      /'
    fi
    mapfile -t MISSING < <(missing_packages)
    ((${#MISSING[@]} == 0)) || note "still missing: ${MISSING[*]}"
else
    note "MISSING: ${MISSING[*]} — install them with:"
    note "  sudo apt-get install --no-install-recommends ${MISSING[*]}"
    note "tests that need them will fail or say they are skipped"
fi

# ---------------------------------------------------------------------------------------------
# 2. Build and format check

step "build (dotnet build Relais.slnx -c Release)"
t0=$SECONDS
BUILD_OK=1
if [[ -f dotnet-tools.json || -f .config/dotnet-tools.json ]]; then
    if ! dotnet tool restore >"$WORK/tool-restore.log" 2>&1; then
        BUILD_OK=0
        cat "$WORK/tool-restore.log"
    fi
fi
if ((BUILD_OK)); then
    BUILT=1
    if ! dotnet build Relais.slnx -c Release -v q -nologo -tl:off -clp:NoSummary \
        >"$WORK/build.log" 2>&1 </dev/null; then
        BUILD_OK=0
        if grep -qE ': error [A-Z]*[0-9]+' "$WORK/build.log"; then
            grep -E ': error [A-Z]*[0-9]+' "$WORK/build.log" | sed 's/^ *//' | LC_ALL=C sort -u
        else
            tail -n 40 "$WORK/build.log"
        fi
    fi
fi
if ((!BUILD_OK)); then
    note "BUILD FAILED ($(elapsed "$t0"))"
    cleanup
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
fi
# Warnings are errors, so anything left here is a message worth seeing.
grep -E ': warning [A-Z]*[0-9]+' "$WORK/build.log" | sed 's/^ *//' | LC_ALL=C sort -u || true
note "built in $(elapsed "$t0")"

FORMAT_OK=1
if ((FORMAT)); then
    step "format check (dotnet format Relais.slnx --verify-no-changes)"
    t0=$SECONDS
    if dotnet format Relais.slnx --verify-no-changes --no-restore >"$WORK/format.log" 2>&1 </dev/null; then
        note "formatting is clean ($(elapsed "$t0"))"
    else
        FORMAT_OK=0
        sed 's/^ *//' "$WORK/format.log" | LC_ALL=C sort -u | head -n 60
        note "FORMAT CHECK FAILED ($(elapsed "$t0")): run 'dotnet format Relais.slnx' and commit the result"
    fi
fi

# ---------------------------------------------------------------------------------------------
# 3. Servers for the tests

step "test servers"
if relais_pg_start; then
    note "PostgreSQL $(basename "$(dirname "$RELAIS_PG_BIN")") on 127.0.0.1:$RELAIS_PG_PORT (RELAIS_TEST_POSTGRES)"
else
    note "PostgreSQL NOT started: RELAIS_TEST_POSTGRES is unset, tests that need it will fail or skip"
    [[ ${CI:-} == true ]] && EXTRA_FAILURES+=("environment: PostgreSQL could not be started")
fi

start_smtp_sink() {
    local port _ attempt
    for attempt in 1 2 3; do
        port=$(relais_free_port) || return 1
        # Messages land in a Maildir the tests read (new/ holds one file per message); Python's
        # Maildir creates its subfolders only when the folder itself is missing, so make all four.
        mkdir -p "$WORK/maildir/tmp" "$WORK/maildir/new" "$WORK/maildir/cur"
        /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$WORK/maildir" \
            >>"$WORK/smtp.log" 2>&1 </dev/null &
        SMTP_PID=$!
        for _ in $(seq 1 100); do
            if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
                export RELAIS_TEST_SMTP_PORT=$port
                export RELAIS_TEST_MAILDIR=$WORK/maildir
                return 0
            fi
            kill -0 "$SMTP_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill "$SMTP_PID" 2>/dev/null || true
        wait "$SMTP_PID" 2>/dev/null || true
        SMTP_PID=""
    done
    return 1
}
if ! have_aiosmtpd; then
    note "SMTP sink skipped: python3-aiosmtpd is not installed (RELAIS_TEST_SMTP_PORT and RELAIS_TEST_MAILDIR unset)"
    [[ ${CI:-} == true ]] && EXTRA_FAILURES+=("environment: python3-aiosmtpd missing")
elif start_smtp_sink; then
    note "SMTP sink (aiosmtpd) on 127.0.0.1:$RELAIS_TEST_SMTP_PORT into $RELAIS_TEST_MAILDIR (RELAIS_TEST_SMTP_PORT, RELAIS_TEST_MAILDIR)"
else
    note "SMTP sink did not start (RELAIS_TEST_SMTP_PORT unset):"
    tail -n 10 "$WORK/smtp.log" | sed 's/^/      /'
    [[ ${CI:-} == true ]] && EXTRA_FAILURES+=("environment: SMTP sink could not be started")
fi

# The DKIM tests check our signatures with an independent verifier (dkimpy); they skip without it.
if ! have_dkim; then
    note "python3-dkim is not installed: the DKIM verification tests will say they are skipped"
    [[ ${CI:-} == true ]] && EXTRA_FAILURES+=("environment: python3-dkim missing")
fi

if have_chromium; then
    export RELAIS_CHROMIUM=/usr/bin/chromium
    note "Chromium: $RELAIS_CHROMIUM (RELAIS_CHROMIUM)"
else
    note "Chromium not installed: RELAIS_CHROMIUM unset"
    [[ ${CI:-} == true ]] && EXTRA_FAILURES+=("environment: chromium missing")
fi

# ---------------------------------------------------------------------------------------------
# 4. Tests

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
TEST_ARGS=(-c Release --no-build --nologo --results-directory "$RESULTS"
    --blame-hang-timeout 10m --blame-hang-dump-type none)
[[ -n $FILTER ]] && TEST_ARGS+=(--filter "$FILTER")

for project in "${PROJECTS[@]}"; do
    name=$(basename "$project" .csproj)
    step "test $name"
    t0=$SECONDS
    if ! grep -qF "\"$project\"" Relais.slnx; then
        note "$project is not in Relais.slnx, so it was not built"
        EXTRA_FAILURES+=("$name: not in Relais.slnx (add it: dotnet sln Relais.slnx add $project)")
        continue
    fi
    rc=0
    dotnet test "$project" "${TEST_ARGS[@]}" --logger "trx;LogFileName=$name.trx" </dev/null || rc=$?
    trx=$RESULTS/$name.trx
    if [[ ! -f $trx ]]; then
        EXTRA_FAILURES+=("$name: dotnet test exited with $rc and wrote no .trx (crashed?)")
    elif ((rc != 0)); then
        counts=$(trx_counts "$trx")
        if [[ -n $counts ]] && (($(cut -d' ' -f3 <<<"$counts") == 0)); then
            EXTRA_FAILURES+=("$name: dotnet test exited with $rc but no test failed (test host crashed or run aborted?)")
        fi
    fi
    note "$name: exit code $rc ($(elapsed "$t0"))"
done

# ---------------------------------------------------------------------------------------------
# 5. Summary

cleanup
step "summary ($(elapsed "$START") in all; results in ${RESULTS#"$ROOT"/})"
summarize "$RESULTS"
STATUS=0
((TOTAL_FAILED == 0)) || STATUS=1
if ((!FORMAT_OK)); then
    echo "format check FAILED: run 'dotnet format Relais.slnx'"
    STATUS=1
fi
echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed, $TOTAL_SKIPPED skipped"
exit "$STATUS"
