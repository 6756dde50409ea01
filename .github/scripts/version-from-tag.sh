#!/usr/bin/env bash
# Prints the package version a release tag names (v1.2.3 -> 1.2.3, v1.2.3-rc.1 -> 1.2.3-rc.1), or fails with a
# message when the tag is not 'v' followed by a SemVer 2.0 version without build metadata (which NuGet would drop from
# the package identity, so a tag would no longer name exactly one package).
set -euo pipefail

tag="${1:?usage: version-from-tag.sh <tag, e.g. v1.2.3>}"
tag="${tag#refs/tags/}"

number='(0|[1-9][0-9]*)'
identifier='(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)'
pattern="^v$number\.$number\.$number(-$identifier(\.$identifier)*)?\$"

if [[ ! "$tag" =~ $pattern ]]; then
  echo "The tag '$tag' is not a release tag: use v<major>.<minor>.<patch>, optionally with a pre-release label (v1.2.3, v1.2.3-rc.1)." >&2
  exit 1
fi

echo "${tag#v}"
