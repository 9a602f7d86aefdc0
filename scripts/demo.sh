#!/usr/bin/env bash
# The action end to end on the lab, as the Actions runner would run it (dist/, INPUT_*
# variables, an event payload, GITHUB_OUTPUT):
#   1. a release: tag v1.2.3 builds examples/two-stage for amd64 + arm64 and pushes it;
#      prints the tags and the digest;
#   2. a push to main: the same image becomes :main, the baseline of pull requests;
#   3. a pull request whose Dockerfile changed (examples/wasteful): built, pushed as :pr-7,
#      compared with :main; prints the comment that would be posted on the PR.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/container-lab.sh up >&2
[ -f dist/index.js ] || npm run build >&2

image=${DEMO_IMAGE:-localhost:5000/shipshape/demo}
sha=$(git rev-parse HEAD 2>/dev/null || echo 0000000000000000000000000000000000000000)
run=$(mktemp -d)
trap 'rm -rf "$run"' EXIT

# action EVENT REF PAYLOAD CONTEXT: runs dist/index.js as the runner would; outputs in $run/output.
action() {
  : > "$run/output"; : > "$run/state"; : > "$run/summary"
  echo "$3" > "$run/event.json"
  env -i PATH="$PATH" HOME="$HOME" ${DOCKER_CONFIG:+DOCKER_CONFIG="$DOCKER_CONFIG"} \
    GITHUB_ACTIONS=true GITHUB_EVENT_NAME="$1" GITHUB_REF="$2" GITHUB_SHA="$sha" \
    GITHUB_REPOSITORY=acme/app GITHUB_SERVER_URL=https://github.com GITHUB_RUN_ID=1 \
    GITHUB_WORKSPACE="$PWD" RUNNER_TEMP="$run" GITHUB_EVENT_PATH="$run/event.json" \
    GITHUB_OUTPUT="$run/output" GITHUB_STATE="$run/state" GITHUB_STEP_SUMMARY="$run/summary" \
    INPUT_CONTEXT="$4" INPUT_IMAGES="$image" INPUT_PUSH=true INPUT_NETWORK=none \
    INPUT_PLATFORMS=linux/amd64,linux/arm64 INPUT_COMMENT=never \
    INPUT_ADVICE-MIN-BYTES=100kB \
    node dist/index.js > "$run/log" || { cat "$run/log"; exit 1; }
}

# GITHUB_OUTPUT holds name<<DELIMITER blocks; print one.
output() { awk -v name="$1" '$0 ~ "^"name"<<" {d=substr($0, length(name)+3); on=1; next} on && $0==d {on=0} on' "$run/output"; }

repo='{"full_name":"acme/app","default_branch":"main"}'

echo "== 1. release v1.2.3 of examples/two-stage"
action push refs/tags/v1.2.3 "{\"ref\":\"refs/tags/v1.2.3\",\"repository\":$repo}" examples/two-stage
echo "tags:"; output tags | sed 's/^/  /'
echo "digest: $(output digest)"

echo
echo "== 2. push to main (the baseline of pull requests)"
action push refs/heads/main "{\"ref\":\"refs/heads/main\",\"repository\":$repo}" examples/two-stage
echo "tags: $(output tags)"

echo
echo "== 3. pull request 7 changes the Dockerfile (examples/wasteful); the comment it gets:"
pr="{\"number\":7,\"pull_request\":{\"number\":7,\"base\":{\"ref\":\"main\",\"repo\":{\"full_name\":\"acme/app\"}},\"head\":{\"ref\":\"grow\",\"sha\":\"$sha\",\"repo\":{\"full_name\":\"acme/app\"}}},\"repository\":$repo}"
action pull_request refs/pull/7/merge "$pr" examples/wasteful
echo
output comment-body
echo
echo "== the annotations it puts on the Dockerfile's lines (advice threshold 100 kB for this small example):"
grep '^::warning .*file=' "$run/log" || true
