# shellcheck shell=bash
# Throwaway PostgreSQL cluster and free loopback ports, for scripts/test.sh and other scripts.
# Source it (bash), then:
#   relais_pg_start     starts a cluster in a temp dir on a free 127.0.0.1 port, exports
#                       RELAIS_TEST_POSTGRES and sets RELAIS_PG_DIR, RELAIS_PG_PORT, RELAIS_PG_BIN
#   relais_pg_stop      stops it (fast) and removes the temp dir; safe to call twice
#   relais_free_port    prints a TCP port nobody listens on at 127.0.0.1
# As root, initdb and pg_ctl run as the `postgres` user (initdb refuses root).

# shellcheck disable=SC2034 # set here, read by the scripts that source this file
{
    RELAIS_PG_DIR=""
    RELAIS_PG_PORT=""
    RELAIS_PG_BIN=""
}

# A port below Linux's ephemeral range (32768+), so outgoing connections do not take it later.
relais_free_port() {
    local port _
    for _ in $(seq 1 100); do
        port=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
        if command -v ss >/dev/null 2>&1 && ss -Htan "sport = :$port" 2>/dev/null | grep -q .; then
            continue
        fi
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            continue
        fi
        echo "$port"
        return 0
    done
    return 1
}

# The newest /usr/lib/postgresql/*/bin that has initdb, else initdb's folder on PATH.
relais_pg_bindir() {
    local dir best=""
    while IFS= read -r dir; do
        [[ -x $dir/initdb && -x $dir/pg_ctl ]] && best=$dir
    done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V)
    if [[ -z $best ]] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        best=$(dirname "$(command -v initdb)")
    fi
    [[ -n $best ]] && echo "$best"
}

# Runs a PostgreSQL program as the cluster's owner, from inside the cluster's folder
# (the postgres user may not be allowed into the caller's working directory).
_relais_pg_run() {
    if [[ $EUID -eq 0 ]]; then
        (cd "$RELAIS_PG_DIR" && runuser -u postgres -- "$@")
    else
        (cd "$RELAIS_PG_DIR" && "$@")
    fi
}

relais_pg_start() {
    local port attempt opts
    RELAIS_PG_BIN=$(relais_pg_bindir) || true
    if [[ -z $RELAIS_PG_BIN ]]; then
        echo "PostgreSQL not found (no /usr/lib/postgresql/*/bin/initdb; Debian package: postgresql)" >&2
        return 1
    fi
    if [[ $EUID -eq 0 ]]; then
        if ! id postgres >/dev/null 2>&1; then
            echo "running as root but there is no 'postgres' user to run initdb as" >&2
            return 1
        fi
        # /tmp rather than $TMPDIR: the postgres user must be able to reach the folder.
        RELAIS_PG_DIR=$(mktemp -d /tmp/relais-pg.XXXXXX)
        chown postgres:postgres "$RELAIS_PG_DIR"
    else
        RELAIS_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/relais-pg.XXXXXX")
    fi
    chmod 700 "$RELAIS_PG_DIR"

    # UTF-8 whatever the caller's locale (an unset LANG would give SQL_ASCII); C.UTF-8 keeps
    # upper()/lower() right for accented letters; plain C is the fallback.
    if ! _relais_pg_run "$RELAIS_PG_BIN/initdb" -D "$RELAIS_PG_DIR/data" -A trust -U relais -E UTF8 \
        --locale=C.UTF-8 -N >"$RELAIS_PG_DIR/initdb.log" 2>&1; then
        rm -rf "$RELAIS_PG_DIR/data"
        if ! _relais_pg_run "$RELAIS_PG_BIN/initdb" -D "$RELAIS_PG_DIR/data" -A trust -U relais -E UTF8 \
            --locale=C -N >"$RELAIS_PG_DIR/initdb.log" 2>&1; then
            echo "initdb failed:" >&2
            tail -n 20 "$RELAIS_PG_DIR/initdb.log" >&2
            return 1
        fi
    fi

    for attempt in 1 2 3; do
        port=$(relais_free_port) || break
        opts="-p $port -k $RELAIS_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200"
        opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        if _relais_pg_run "$RELAIS_PG_BIN/pg_ctl" -D "$RELAIS_PG_DIR/data" -o "$opts" \
            -l "$RELAIS_PG_DIR/log" -w -t 60 start >/dev/null 2>&1; then
            RELAIS_PG_PORT=$port
            export RELAIS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=relais;Database=postgres;Pooling=true;Maximum Pool Size=50"
            return 0
        fi
        echo "PostgreSQL did not start on port $port (attempt $attempt):" >&2
        tail -n 10 "$RELAIS_PG_DIR/log" >&2 2>/dev/null || true
    done
    return 1
}

relais_pg_stop() {
    local pid
    [[ -n $RELAIS_PG_DIR && -d $RELAIS_PG_DIR ]] || return 0
    if [[ -f $RELAIS_PG_DIR/data/postmaster.pid ]]; then
        if ! _relais_pg_run "$RELAIS_PG_BIN/pg_ctl" -D "$RELAIS_PG_DIR/data" -m fast -w -t 30 stop \
            >/dev/null 2>&1; then
            pid=$(head -n 1 "$RELAIS_PG_DIR/data/postmaster.pid" 2>/dev/null || true)
            if [[ $pid =~ ^[0-9]+$ ]]; then
                kill -KILL "$pid" 2>/dev/null || true
            fi
            sleep 1
        fi
    fi
    rm -rf "$RELAIS_PG_DIR"
    # shellcheck disable=SC2034
    RELAIS_PG_DIR="" RELAIS_PG_PORT=""
    unset RELAIS_TEST_POSTGRES
}
