#!/bin/bash
# Runs `wushe programme optimise` on a Slurm cluster: each stage of the search (a rung of a race)
# as a job array of N shards (deploy/slurm/programme-optimise.sbatch), one stage after another
# (squeue polled every $WUSHE_POLL seconds, default 10),
# until no evaluation is pending; then writes OUT_DIR/trace.csv and OUT_DIR/best.json and prints
# the top candidates. Run it on a login node (e.g. under nohup or tmux) or as a small job of its own:
#
#   deploy/slurm/programme-optimise-submit.sh PROGRAMME.json OUT_DIR N [wushe options…]
#
# e.g. deploy/slurm/programme-optimise-submit.sh programmes/my-district.json results/opt 10 --budget 2000 --seeds 20
# Extra sbatch options for the arrays: WUSHE_SBATCH="--partition=long --cpus-per-task=16".
# Stopped half-way (a task failed, a time-out, the script killed)? Run it again with the same
# arguments: every evaluation already in OUT_DIR is kept, and the search goes on from there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
programme=${1:?usage: programme-optimise-submit.sh PROGRAMME.json OUT_DIR N [options]}
out=${2:?usage: programme-optimise-submit.sh PROGRAMME.json OUT_DIR N [options]}
n=${3:?usage: programme-optimise-submit.sh PROGRAMME.json OUT_DIR N [options]}
shift 3
if [ -n "${WUSHE:-}" ]; then
  read -r -a wushe <<<"$WUSHE"
elif [ -f "$PWD/dist/cli.js" ]; then
  wushe=(node "$PWD/dist/cli.js")
else
  wushe=(npx --no-install wushe)
fi
read -r -a extra <<<"${WUSHE_SBATCH:-}"
mkdir -p "$out"
poll=${WUSHE_POLL:-10}
stage=0
done_before=-1
# evaluations recorded so far (lines of every evaluations*.jsonl)
recorded() { cat "$out"/evaluations*.jsonl 2>/dev/null | grep -c . || true; }
while :; do
  pending=$("${wushe[@]}" programme optimise "$programme" --out "$out" --pending "$@")
  [ "$pending" = 0 ] && break
  now=$(recorded)
  if [ "$now" = "$done_before" ]; then
    echo "programme-optimise-submit.sh: stage $stage recorded no evaluation (a task failed?); see $out/optimise-*.out, then run this again" >&2
    exit 1
  fi
  done_before=$now
  stage=$((stage + 1))
  job=$(sbatch --parsable --array="0-$((n - 1))" --output="$out/optimise-%A_%a.out" "${extra[@]}" \
    "$here/programme-optimise.sbatch" "$programme" "$out" "$@")
  job=${job%%;*}
  echo "stage $stage: $pending evaluations on $n shards (job array $job)"
  while [ -n "$(squeue -h -j "$job" -o %i 2>/dev/null)" ]; do sleep "$poll"; done
done
exec "${wushe[@]}" programme optimise "$programme" --out "$out" --resume --quiet "$@"
