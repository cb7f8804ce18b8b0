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
# The harness and the bench files it imports; where the checkout keeps a
# module under an older path, the copies' imports are pointed at it.
for file in burst benchPeople figures recordVerdicts; do
  cp "$here/src/bench/$file.ts" "$work/src/bench/$file.ts"
done
if [ ! -e "$work/src/model/verdictTypes.ts" ] && [ -e "$work/src/diagnosis/verdictTypes.ts" ]; then
  sed -i "s#'../model/verdictTypes'#'../diagnosis/verdictTypes'#" "$work/src/bench/recordVerdicts.ts"
fi
# Today's sandbox throws SANDBOX_INVALID on a bad fixture or fault plan; an
# older error catalogue without that code gets it, so the copy compiles.
if ! grep -q "SANDBOX_INVALID" "$work/src/errors/catalog.ts"; then
  sed -i "s#^  CONFIG_INVALID: {.*#&\n  SANDBOX_INVALID: { exitCode: 2, title: 'The sandbox tenant is misconfigured' },#" "$work/src/errors/catalog.ts"
fi
ln -s "$here/node_modules" "$work/node_modules"
(cd "$work" && npx tsc -p tsconfig.build.json)
for n in 3 10 50; do
  (cd "$work" && node dist/bench/burst.js "$n")
done
