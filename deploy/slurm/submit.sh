#!/bin/bash
# Submits a sweep as a job array of N shards plus a merge job that runs when all have succeeded.
#
#   deploy/slurm/submit.sh PLAN.json OUT_DIR N [extra sbatch options for the array…]
#
# Prints the two job ids. Results: OUT_DIR/all once the merge job has run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
plan=${1:?usage: submit.sh PLAN.json OUT_DIR N [sbatch options]}
out=${2:?usage: submit.sh PLAN.json OUT_DIR N [sbatch options]}
n=${3:?usage: submit.sh PLAN.json OUT_DIR N [sbatch options]}
shift 3
mkdir -p "$out"
array=$(sbatch --parsable --array="0-$((n - 1))" --output="$out/sweep-%A_%a.out" "$@" "$here/sweep.sbatch" "$plan" "$out")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --output="$out/merge-%j.out" "$here/merge.sbatch" "$out")
echo "array job $array ($n shards), merge job ${merge%%;*}"
