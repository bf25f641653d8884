#!/usr/bin/env bash
# The gate's error rates on real builds of this repository, measured the way CI uses the gate.
#
#   scripts/gate-calibration.sh [PAIRS] [SLOWDOWN_PERCENT]       (defaults: 5 pairs, 10 %)
#
# For each of PAIRS rounds it makes two throwaway commits on top of HEAD (detached, never pushed):
#   A/A'  a comment-only change in a Java source: the same code, a rebuilt jar;
#   slow  the `virtual` model made SLOWDOWN_PERCENT slower: after each batch it spins for that
#         fraction of the batch's own time, so every workload it runs is slower by exactly that much;
# and runs scripts/ci-perf-check.sh HEAD <commit> for each. An A/A' pair that reports any regression
# is a false alarm; a slow pair is a hit when a virtual/* benchmark is flagged, and a false alarm for
# every other benchmark it flags. The summary goes to $OUT/calibration.md (and stdout).
#
# It takes about 5 minutes a pair on 2 cores (two builds, twelve interleaved ci runs); nothing else
# should run meanwhile (concur runs one benchmark at a time and says so).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pairs="${1:-5}"
slow_pct="${2:-10}"
OUT="${CONCUR_CALIBRATION_OUT:-$ROOT/results/gate-calibration}"
mkdir -p "$OUT"
work="$(mktemp -d "${TMPDIR:-/tmp}/concur-calibration.XXXXXX")"
cleanup() {
  git -C "$ROOT" worktree remove --force "$work/tree" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

head_sha="$(git -C "$ROOT" rev-parse HEAD)"
model="$ROOT/src/main/java/dev/concur/model/VirtualThreadModel.java"
[[ -f "$model" ]] || { echo "gate-calibration: $model not found" >&2; exit 2; }

# A throwaway commit on top of HEAD with one edit applied by the given command, printed as a sha.
throwaway() {
  local edit="$1" message="$2"
  git -C "$ROOT" worktree add --detach --quiet "$work/tree" "$head_sha"
  (cd "$work/tree" && eval "$edit") >&2
  git -C "$work/tree" -c user.name=calibration -c user.email=calibration@localhost commit --quiet -am "$message"
  git -C "$work/tree" rev-parse HEAD
  git -C "$ROOT" worktree remove --force "$work/tree"
}

comment_edit() {
  echo "sed -i 's|^public final class VirtualThreadModel|// calibration A/A prime, round $1: a comment, nothing else\npublic final class VirtualThreadModel|' src/main/java/dev/concur/model/VirtualThreadModel.java"
}
slow_edit() {
  # one spin after the batch, for slow_pct % of the batch's own time
  echo "python3 - <<'PY'
p = 'src/main/java/dev/concur/model/VirtualThreadModel.java'
s = open(p).read()
head = 'public void run(List<Task> tasks, Batch batch) throws Exception {'
assert head in s
s = s.replace(head, head + '\n        long calibrationStart = System.nanoTime();', 1)
tail = '        batch.throwIfFailed();'
s = s.replace(tail, '        long calibrationSpin = (System.nanoTime() - calibrationStart) * $slow_pct / 100;\n'
              '        for (long end = System.nanoTime() + calibrationSpin; System.nanoTime() < end; ) Thread.onSpinWait();\n' + tail, 1)
open(p, 'w').write(s)
PY"
}

flagged() { # the benchmarks a verdicts.json calls a regression, one per line
  python3 -c 'import json,sys; [print(v["benchmark"]) for v in json.load(open(sys.argv[1]))["verdicts"] if v["verdict"]=="regression"]' "$1"
}

rows=()
aa_alarms=0; slow_hits=0; slow_other=0
for ((i = 1; i <= pairs; i++)); do
  for kind in aa slow; do
    if [[ $kind == aa ]]; then sha="$(throwaway "$(comment_edit "$i")" "calibration: comment only ($i)")"
    else sha="$(throwaway "$(slow_edit)" "calibration: virtual ${slow_pct}% slower ($i)")"; fi
    dir="$OUT/$kind-$i"
    echo "gate-calibration: pair $i/$pairs, $kind ($sha)" >&2
    set +e
    CONCUR_PERF_OUT="$dir" "$ROOT/scripts/ci-perf-check.sh" "$head_sha" "$sha" >"$dir.log" 2>&1
    rc=$?
    set -e
    if [[ ! -f "$dir/verdicts.json" ]]; then
      rows+=("| $i | $kind | exit $rc | no verdicts (see $dir.log) |")
      continue
    fi
    mapfile -t regs < <(flagged "$dir/verdicts.json")
    list="$(IFS=,; echo "${regs[*]:-}")"
    if [[ $kind == aa ]]; then
      (( ${#regs[@]} > 0 )) && aa_alarms=$((aa_alarms + 1))
    else
      hit=0; other=0
      for r in "${regs[@]:-}"; do
        [[ -z "$r" ]] && continue
        if [[ $r == virtual/* ]]; then hit=1; else other=$((other + 1)); fi
      done
      slow_hits=$((slow_hits + hit)); slow_other=$((slow_other + other))
    fi
    rows+=("| $i | $kind | exit $rc | ${list:-none} |")
  done
done

{
  echo "# Gate calibration on real builds"
  echo
  echo "\`scripts/gate-calibration.sh $pairs $slow_pct\` on $(nproc) cores, base $head_sha; each pair is"
  echo "\`scripts/ci-perf-check.sh\` (the ci suite, 6 interleaved runs a side, one fork each)."
  echo
  echo "| pair | change | ci-perf-check | flagged as regressions |"
  echo "|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "- A/A' (comment-only rebuild): $aa_alarms of $pairs pairs raised a false alarm."
  echo "- virtual made ${slow_pct}% slower: flagged in $slow_hits of $pairs pairs; $slow_other untouched benchmark(s) flagged in all."
} | tee "$OUT/calibration.md"
