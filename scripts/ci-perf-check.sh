#!/usr/bin/env bash
# CI performance gate: is HEAD_REF slower than BASE_REF?
#
#   scripts/ci-perf-check.sh BASE_REF [HEAD_REF]      (HEAD_REF defaults to HEAD)
#
# Builds both commits in git worktrees, runs the `ci` suite on both INTERLEAVED on this machine
# (base, head, base, head: machine drift hits both sides alike), then `concur compare` on the
# merged samples and exits with its code: 0 no regression, 1 regression, 2 input error,
# 3 inconclusive. Both sides run HEAD_REF's benchmarks/ci.yaml, so they measure the same thing.
#
# The unit of the test is the fork (docs/compare.md). The ci suite runs one fork per benchmark, and
# 6 interleaved rounds give each benchmark 6 forks a side, each from a different moment: with the
# suite's 9 benchmarks the smallest p-value 6 vs 6 allows (0.0022) passes Holm's strictest step.
#
# Environment: CONCUR_PERF_OUT (default results/ci-perf), CONCUR_PERF_ROUNDS (default 6),
# CONCUR_PERF_SUITE (default: HEAD_REF's benchmarks/ci.yaml), CONCUR_COMPARE_ARGS (extra
# arguments for concur compare, e.g. --threshold 10).
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: scripts/ci-perf-check.sh BASE_REF [HEAD_REF]" >&2
  exit 2
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base_ref="$1"
head_ref="${2:-HEAD}"
out="${CONCUR_PERF_OUT:-$ROOT/results/ci-perf}"
rounds="${CONCUR_PERF_ROUNDS:-6}"

for ref in "$base_ref" "$head_ref"; do
  if ! git -C "$ROOT" rev-parse --verify --quiet "$ref^{commit}" >/dev/null; then
    echo "ci-perf-check: '$ref' is not a commit in $ROOT" >&2
    exit 2
  fi
done
base_sha="$(git -C "$ROOT" rev-parse "$base_ref^{commit}")"
head_sha="$(git -C "$ROOT" rev-parse "$head_ref^{commit}")"

work="$(mktemp -d "${TMPDIR:-/tmp}/concur-perf.XXXXXX")"
cleanup() {
  git -C "$ROOT" worktree remove --force "$work/base" >/dev/null 2>&1 || true
  git -C "$ROOT" worktree remove --force "$work/head" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$out"
rm -f "$out"/base-*.json "$out"/head-*.json "$out"/summary.md "$out"/verdicts.json
echo "ci-perf-check: base $base_ref ($base_sha), head $head_ref ($head_sha), $rounds interleaved rounds" >&2
for side in base head; do
  sha="$base_sha"; [[ $side == head ]] && sha="$head_sha"
  git -C "$ROOT" worktree add --detach --quiet "$work/$side" "$sha"
  echo "ci-perf-check: building $side" >&2
  "$work/$side/scripts/concur" --version >/dev/null   # the launcher builds the jar
done
suite="${CONCUR_PERF_SUITE:-$work/head/benchmarks/ci.yaml}"

base_files=()
head_files=()
for ((round = 1; round <= rounds; round++)); do
  for side in base head; do
    file="$out/$side-$round.json"
    echo "ci-perf-check: round $round/$rounds: $side" >&2
    # A benchmark that fails or is invalid exits 1 but still writes its report: compare judges it.
    (cd "$work/$side" && CI=true scripts/concur bench --suite "$suite" --no-progress --out "$file" >"$out/$side-$round.log" 2>&1) || true
    if [[ ! -s "$file" ]]; then
      echo "ci-perf-check: the $side run wrote no report; see $out/$side-$round.log" >&2
      exit 2
    fi
    if [[ $side == base ]]; then base_files+=("$file"); else head_files+=("$file"); fi
  done
done

join() { local IFS=,; echo "$*"; }
set +e
# shellcheck disable=SC2086
"$work/head/scripts/concur" compare "$(join "${base_files[@]}")" "$(join "${head_files[@]}")" \
  --summary "$out/summary.md" --json "$out/verdicts.json" ${CONCUR_COMPARE_ARGS:-}
rc=$?
set -e
echo "ci-perf-check: summary $out/summary.md, verdicts $out/verdicts.json, exit $rc" >&2
exit $rc
