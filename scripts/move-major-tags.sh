#!/usr/bin/env bash
# Moves a release's major and minor tags to it: once v1.4.2 is released, v1 and v1.4 name its
# commit, so that `uses: acme/shipshape@v1` runs it. A tag only moves forward: v1 stays where
# it is when the remote has a newer v1.x.y (a fix released for an older minor moves only its
# vX.Y). Both tags are pushed in one atomic push. The release workflow runs this; so can a
# maintainer, from a clone whose remote accepts the push.
#
#   scripts/move-major-tags.sh vX.Y.Z [REMOTE]      REMOTE: origin by default
set -euo pipefail

tag=${1:?usage: move-major-tags.sh vX.Y.Z [REMOTE]}
remote=${2:-origin}

say() { printf 'move-major-tags: %s\n' "$*"; }
n='(0|[1-9][0-9]*)' # a version number: no leading zero

if ! [[ $tag =~ ^v$n\.$n\.$n$ ]]; then
  say "'$tag' is not a release tag vX.Y.Z (a pre-release moves no tag)" >&2
  exit 1
fi
major=v${BASH_REMATCH[1]}
minor=$major.${BASH_REMATCH[2]}

# The remote's tags, so that "newest" is the remote's view and not this clone's.
git fetch --quiet --force --no-tags "$remote" '+refs/tags/*:refs/tags/*'
commit=$(git rev-parse --verify --quiet "refs/tags/$tag^{commit}") || {
  say "$remote has no tag $tag" >&2
  exit 1
}

newest() { # newest REGEX: the highest release tag that matches
  git tag --list 'v*' | { grep -E "$1" || true; } | sort -V | tail -n 1
}

refspecs=()
for alias in "$major" "$minor"; do
  if [ "$alias" = "$major" ]; then
    latest=$(newest "^$major\.$n\.$n$")
  else
    latest=$(newest "^${minor/./\\.}\.$n$")
  fi
  current=$(git rev-parse --verify --quiet "refs/tags/$alias^{commit}" || true)
  if [ "$latest" != "$tag" ]; then
    say "$alias stays${current:+ at ${current:0:7}}: $latest is newer than $tag"
  elif [ "$current" = "$commit" ]; then
    say "$alias is at $tag already"
  else
    refspecs+=("+$commit:refs/tags/$alias")
    say "$alias -> $tag (${commit:0:7})"
  fi
done

[ ${#refspecs[@]} -eq 0 ] || git push --quiet --atomic "$remote" "${refspecs[@]}"
