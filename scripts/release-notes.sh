#!/usr/bin/env bash
# The notes of a release: what its author wrote (BODY_FILE, the release's body as it is), then
# "Changes since vA.B.C", the subject of every commit since the previous release, oldest first
# (for the first release, every commit).
# Run again on notes that have the section already, it prints them unchanged.
#
#   scripts/release-notes.sh vX.Y.Z [BODY_FILE] > notes.md
set -euo pipefail

tag=${1:?usage: release-notes.sh vX.Y.Z [BODY_FILE]}
body=${2:-/dev/null}
heading='## Changes since'

if grep -q "^$heading\|^## Changes\$" "$body"; then
  cat "$body"
  exit 0
fi
git rev-parse --verify --quiet "refs/tags/$tag^{commit}" > /dev/null || {
  echo "release-notes: no tag $tag" >&2
  exit 1
}

# The previous release: the highest vX.Y.Z below this one among its ancestors (a fix released
# on an older line is not what the next minor changed from).
n='(0|[1-9][0-9]*)'
previous=
while read -r candidate; do
  if git merge-base --is-ancestor "$candidate" "$tag"; then
    previous=$candidate
    break
  fi
done < <(git tag --list 'v*' | grep -E "^v$n\\.$n\\.$n\$" | { cat; echo "$tag"; } | sort -V -u -r \
  | sed -n "/^${tag//./\\.}\$/,\$p" | tail -n +2)

if [ -s "$body" ]; then
  cat "$body"
  echo
fi
if [ -n "$previous" ]; then
  echo "$heading $previous"
  range=$previous..$tag
else
  echo '## Changes'
  range=$tag
fi
echo
git log --reverse --no-merges --format='- %s (%h)' "$range"
