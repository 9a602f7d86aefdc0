#!/usr/bin/env bash
# The action end to end on the lab, as the Actions runner would run it: a release push of
# tag v1.2.3 builds examples/two-stage (two stages, amd64 + arm64) and pushes it to the
# lab registry, then prints the tags and the digest the action output.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/container-lab.sh up >&2
[ -f dist/index.js ] || npm run build >&2

run=$(mktemp -d)
touch "$run/output" "$run/state" "$run/summary"
echo '{"ref":"refs/tags/v1.2.3","repository":{"full_name":"acme/app","default_branch":"main"}}' > "$run/event.json"

image=${DEMO_IMAGE:-localhost:5000/shipshape/demo}
status=0
env -i PATH="$PATH" HOME="$HOME" ${DOCKER_CONFIG:+DOCKER_CONFIG="$DOCKER_CONFIG"} \
  GITHUB_ACTIONS=true GITHUB_EVENT_NAME=push GITHUB_REF=refs/tags/v1.2.3 \
  GITHUB_SHA="$(git rev-parse HEAD 2>/dev/null || echo 0000000000000000000000000000000000000000)" \
  GITHUB_REPOSITORY=acme/app GITHUB_SERVER_URL=https://github.com GITHUB_RUN_ID=1 \
  GITHUB_WORKSPACE="$PWD" RUNNER_TEMP="$run" GITHUB_EVENT_PATH="$run/event.json" \
  GITHUB_OUTPUT="$run/output" GITHUB_STATE="$run/state" GITHUB_STEP_SUMMARY="$run/summary" \
  INPUT_CONTEXT=examples/two-stage INPUT_IMAGES="$image" INPUT_PUSH=true INPUT_NETWORK=none \
  INPUT_PLATFORMS=linux/amd64,linux/arm64 \
  node dist/index.js || status=$?

# GITHUB_OUTPUT holds name<<DELIMITER blocks; print the ones a user cares about.
output() { awk -v name="$1" '$0 ~ "^"name"<<" {d=substr($0, length(name)+3); on=1; next} on && $0==d {on=0} on' "$run/output"; }
echo
echo "tags:"; output tags | sed 's/^/  /'
echo "digest: $(output digest)"
echo "version: $(output version)"
rm -rf "$run"
exit $status
