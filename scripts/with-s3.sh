#!/usr/bin/env bash
# Runs a command with a real local S3-compatible server (s3s-fs, installed from crates.io by
# `scripts/setup.sh test`) and the environment that points Coopol's storage at it:
# AWS_ENDPOINT, AWS_ALLOW_HTTP, keys, and COOPOL_TEST_MEDIA_URL=s3://coopol-test for the tests.
# Usage: scripts/with-s3.sh cargo test -p server --test media_http
set -euo pipefail
export PATH="$HOME/.cargo/bin:$PATH"

root="$(mktemp -d)"
mkdir -p "$root/data/coopol-test"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
s3s-fs --host 127.0.0.1 --port "$port" --access-key coopol --secret-key coopol-secret-key "$root/data" >"$root/s3s-fs.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$root"' EXIT
# Ready when it accepts connections (bounded: 10 s).
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  kill -0 "$server" 2>/dev/null || { cat "$root/s3s-fs.log" >&2; exit 1; }
  sleep 0.1
done

export AWS_ENDPOINT="http://127.0.0.1:$port" AWS_ALLOW_HTTP=true AWS_REGION=us-east-1
export AWS_ACCESS_KEY_ID=coopol AWS_SECRET_ACCESS_KEY=coopol-secret-key
export COOPOL_TEST_MEDIA_URL="s3://coopol-test"
"$@"
