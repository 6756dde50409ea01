#!/usr/bin/env bash
# Prints the section of CHANGELOG.md for one version (its lines after '## [<version>]', up to the next '## [' or the
# link definitions at the end), or fails with a message when the changelog has no such section or it is empty, so a
# release is never published without its notes.
set -euo pipefail

version="${1:?usage: changelog-section.sh <version> [changelog]}"
changelog="${2:-CHANGELOG.md}"

section=$(awk -v heading="## [$version]" '
  index($0, "## [") == 1 { inside = (index($0, heading) == 1); next }
  /^\[[^]]+\]: / { inside = 0 }
  inside { print }
' "$changelog")

if [ -z "$(tr -d '[:space:]' <<<"$section")" ]; then
  echo "$changelog has no notes under '## [$version]': add them before tagging v$version." >&2
  exit 1
fi

# Without the blank lines around the section.
sed -e '/./,$!d' <<<"$section" | sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}'
