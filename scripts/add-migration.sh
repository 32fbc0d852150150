#!/usr/bin/env bash
# Adds a migration with the same name to both providers: every schema change goes to both.
# Usage: scripts/add-migration.sh NameOfTheChange
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NameOfTheChange}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
export EfDesign=true
for provider in Sqlite Postgres; do
  project=src/Relais.Migrations.$provider
  dotnet restore "$project" >/dev/null
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
# Back to the ordinary dependency graph, so the lock files hold no design-time package.
unset EfDesign
for provider in Sqlite Postgres; do dotnet restore "src/Relais.Migrations.$provider" >/dev/null; done
