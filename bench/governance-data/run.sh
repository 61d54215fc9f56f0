#!/usr/bin/env bash
# Fills a governance database with generated traffic through the ingestion API and times a 30-day
# usage query, a logs listing and a file download. Pass --database 'Host=...;Database=...' for
# PostgreSQL (the issue's target: --usage 10000000 --compliance 10000000), nothing for SQLite.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release --project Cdx.Governance.DataBench -- "$@"
