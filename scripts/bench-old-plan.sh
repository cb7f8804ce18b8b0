#!/usr/bin/env bash
# The burst benchmark against the request plan before the reports scheduler
# (one batch of reports per user, answered inside Teams' HTTP request): the
# pre-change commit with today's sandbox (which enforces the quota) and burst
# harness copied in. Its output is what src/bench/burstOldPlan.json holds.
# Usage: scripts/bench-old-plan.sh [commit]   (default: the commit before the scheduler)
set -euo pipefail
commit="${1:-d823514}"
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git -C "$here" archive "$commit" | tar -x -C "$work"
rm -rf "$work/src/sandbox"
cp -r "$here/src/sandbox" "$work/src/sandbox"
cp "$here/src/config/quota.ts" "$work/src/config/quota.ts"
cp "$here/src/bench/burst.ts" "$work/src/bench/burst.ts"
ln -s "$here/node_modules" "$work/node_modules"
(cd "$work" && npx tsc -p tsconfig.build.json)
for n in 3 10 50; do
  (cd "$work" && node dist/bench/burst.js "$n")
done
