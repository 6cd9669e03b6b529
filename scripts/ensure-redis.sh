#!/usr/bin/env bash
# Start the machine's Redis on 127.0.0.1:6379 when nothing answers there (make test-redis,
# make test-postgres for the two-instance test, make loadtest SCALE_OUT=1). No persistence: the
# tests only need a cache. Exits non-zero when Redis cannot be started.
set -euo pipefail
HOST=127.0.0.1
PORT=6379

answers() {
  # PING over bash's /dev/tcp, so redis-cli is not needed.
  { exec 3<>"/dev/tcp/$HOST/$PORT"; } 2>/dev/null || return 1
  printf 'PING\r\n' >&3
  local reply=""
  read -r -t 2 reply <&3 || true
  exec 3>&-
  [[ "$reply" == +PONG* ]]
}

if answers; then
  exit 0
fi
if ! command -v redis-server >/dev/null; then
  echo "Redis does not answer on $HOST:$PORT and redis-server is not installed (make system-deps)." >&2
  exit 1
fi
mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
echo "Starting Redis on $HOST:$PORT"
redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$PORT" --save "" --appendonly no \
  --dir /var/lib/redis --logfile /var/log/redis/ci.log
for _ in $(seq 50); do
  answers && exit 0
  sleep 0.1
done
echo "Redis did not start (see /var/log/redis/ci.log)." >&2
exit 1
