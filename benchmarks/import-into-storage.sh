#!/usr/bin/env bash
# Times POST /api/authorities/{code}/imports through HTTP on the local host (src/LocalHost, Kestrel) against Azurite
# (tables and queues, in memory), with the synthetic 10,000-child returns of benchmarks/Scheduler.Benchmarks
# (SyntheticReturns, fixed seed, collection year 2025/26, imported as of 2026-05-20), into one authority. For each
# return, in this order: a dry run before any of its cases is stored, the import (every case created), the same
# import again (every event already present), and a dry run against the stored cases. Prints one line per run: wall time (curl's time_total), cases,
# events, children/s, events/s and the 1-minute load average before the run; then the local host's peak memory.
#
# Usage: benchmarks/import-into-storage.sh [--only 903|cin] [--children N] [--keep DIR]
#   --only KIND    time one return only, against empty storage (default: the 903, then the census beside it)
#   --children N   trim the 903 files to about N children (a quick check of the script; default 10000)
#   --keep DIR     leave the generated returns and the reports in DIR
set -euo pipefail
set -m # every background job gets its own process group, so cleanup can stop whole trees

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
children=10000
keep=""
only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --children) children="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "import-into-storage: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

work="${keep:-$(mktemp -d)}"
mkdir -p "$work"
pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [[ -z "$keep" ]] && rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
wait_port() { for _ in $(seq 300); do (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.2; done; echo "port $1 did not open" >&2; exit 1; }

echo "Building the local host and the generator…"
dotnet build "$root/src/LocalHost" -c Release --nologo -v quiet >/dev/null
dotnet build "$root/benchmarks/Scheduler.Benchmarks" -c Release --nologo -v quiet >/dev/null
dotnet "$root/benchmarks/Scheduler.Benchmarks/bin/Release/net10.0/Scheduler.Benchmarks.dll" returns --generate "$work/returns" >/dev/null
if [[ "$children" != 10000 ]]; then
  echo "note: the generator writes 10,000 children; --children only trims the files" >&2
fi

table_port=$(free_port); queue_port=$(free_port); api_port=$(free_port)
azurite="$root/node_modules/azurite/dist/src"
node "$azurite/table/main.js" --tableHost 127.0.0.1 --tablePort "$table_port" --inMemoryPersistence --silent --disableTelemetry --skipApiVersionCheck >/dev/null 2>&1 &
pids+=($!)
node "$azurite/queue/main.js" --queueHost 127.0.0.1 --queuePort "$queue_port" --inMemoryPersistence --silent --disableTelemetry --skipApiVersionCheck >/dev/null 2>&1 &
pids+=($!)
wait_port "$table_port"; wait_port "$queue_port"

operator_key="benchmark-operator-key-local-only"
connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;"
base="http://127.0.0.1:$api_port"
(
  cd "$work"
  export Scheduler__Storage__ConnectionString="$connection"
  export Scheduler__OperatorKeySha256="$(printf '%s' "$operator_key" | sha256sum | cut -d' ' -f1)"
  export Scheduler__Outbox__Directory="$work/outbox"
  export SCHEDULER_TODAY=2026-05-20
  # Warnings only, but the import's own summary line: logging every storage call would be timed too.
  export Logging__LogLevel__Default=Warning
  exec env Logging__LogLevel__Scheduler.Application.Imports=Information dotnet "$root/src/LocalHost/bin/Release/net10.0/Scheduler.LocalHost.dll" --no-triggers --urls "$base"
) >"$work/host.log" 2>&1 &
host=$!
pids+=($host)
for _ in $(seq 150); do curl -fsS "$base/health" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "$base/health" >/dev/null

code=bench
curl -fsS -X PUT -H "X-Api-Key: $operator_key" -H 'Content-Type: application/json' -d '{"name":"Benchmark council"}' "$base/api/authorities/$code" >/dev/null
key=$(curl -fsS -X POST -H "X-Api-Key: $operator_key" "$base/api/authorities/$code/keys" | jq -r .key)

files903=()
for f in "$work/returns/903"/*.csv; do
  if [[ "$children" != 10000 ]]; then head -n $((children * 3 + 1)) "$f" >"$f.cut" && mv "$f.cut" "$f"; fi
  files903+=(-F "file=@$f;type=text/csv")
done
filesCin=(-F "file=@$work/returns/cin.xml;type=application/xml")
du -sh "$work/returns/903" "$work/returns/cin.xml" | sed 's/^/size: /'

run() { # label kind query files...
  local label=$1 kind=$2 query=$3; shift 3
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local out="$work/$label.json"
  local seconds
  seconds=$(curl -sS -o "$out" -w '%{time_total}' -H "X-Api-Key: $key" -F "kind=$kind" "$@" "$base/api/authorities/$code/imports$query")
  jq -r --arg name "$label" --arg s "$seconds" --arg load "$load" '
    .summary as $m
    | ($m.events_added + $m.events_already_present) as $events
    | "\($name): \($s) s, load \($load); cases \($m.cases) (created \($m.created), updated \($m.updated), unchanged \($m.unchanged), conflicted \($m.conflicted), refused \($m.refused)), events added \($m.events_added), already present \($m.events_already_present), problems \($m.problems); \(($m.cases / ($s|tonumber)) | floor) children/s, \(($events / ($s|tonumber)) | floor) events/s"' "$out"
  ls -l "$out" | awk '{printf "  report %.1f MiB\n", $5 / 1048576}'
}

if [[ "$only" != cin ]]; then
  run 903-dry-empty 903 "?dry_run=true" "${files903[@]}"
  run 903-import 903 "" "${files903[@]}"
  run 903-again 903 "" "${files903[@]}"
  run 903-dry-stored 903 "?dry_run=true" "${files903[@]}"
fi
if [[ "$only" != 903 ]]; then
  run cin-dry-empty cin "?dry_run=true" "${filesCin[@]}"
  run cin-import cin "" "${filesCin[@]}"
  run cin-again cin "" "${filesCin[@]}"
  run cin-dry-stored cin "?dry_run=true" "${filesCin[@]}"
fi

grep -E 'VmHWM' "/proc/$host/status" | sed 's/^/local host peak memory: /' || true
grep -F 'Import of a' "$work/host.log" | sed 's/^/host: /' || true
