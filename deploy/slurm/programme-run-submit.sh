#!/bin/bash
# Submits `wushe programme run` as a job array of N shards of its replicate seeds
# (deploy/slurm/programme-run.sbatch) plus a merge job (deploy/slurm/programme-merge.sbatch) that
# runs when every shard has succeeded:
#
#   deploy/slurm/programme-run-submit.sh PROGRAMME.json OUT_DIR N [wushe options…]
#
# e.g. deploy/slurm/programme-run-submit.sh programmes/hubei-2020.json results/hubei 10 --seeds 100
# Extra sbatch options for the array: WUSHE_SBATCH="--partition=long --cpus-per-task=16".
# Prints the two job ids. Results: OUT_DIR/all once the merge job has run (its table of every
# metric is in OUT_DIR/programme-merge-JOB.out), byte for byte what `wushe programme run
# PROGRAMME --out DIR [options]` writes on one machine. A task that failed or timed out: re-submit
# it (sbatch --array=K --export=ALL,WUSHE_SHARDS=N deploy/slurm/programme-run.sbatch PROGRAMME.json
# OUT_DIR [options]; it resumes), then merge (sbatch deploy/slurm/programme-merge.sbatch OUT_DIR).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
programme=${1:?usage: programme-run-submit.sh PROGRAMME.json OUT_DIR N [options]}
out=${2:?usage: programme-run-submit.sh PROGRAMME.json OUT_DIR N [options]}
n=${3:?usage: programme-run-submit.sh PROGRAMME.json OUT_DIR N [options]}
shift 3
case $n in
  '' | *[!0-9]* | 0) echo "programme-run-submit.sh: N must be a whole number of shards from 1, not $n" >&2; exit 2 ;;
esac
read -r -a extra <<<"${WUSHE_SBATCH:-}"
mkdir -p "$out"
array=$(sbatch --parsable --array="0-$((n - 1))" --output="$out/programme-%A_%a.out" "${extra[@]}" \
  "$here/programme-run.sbatch" "$programme" "$out" "$@")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --output="$out/programme-merge-%j.out" \
  "$here/programme-merge.sbatch" "$out")
echo "array job $array ($n shards), merge job ${merge%%;*}"
