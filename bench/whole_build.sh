#!/bin/sh
# One whole-process L build, as a data commit meets it, for paired timings from outside
# (e.g. `/usr/bin/time -v bench/whole_build.sh cold WORK`, alternating with `rebuild`):
#   cold WORK     no parse cache and no memos (a fresh cache folder under WORK/cold)
#   rebuild WORK  one department's file changed (one vote less), the next day's data date,
#                 the parse cache and memos of the last rebuild (WORK/cache)
# WORK holds the L data (`python -m bench.bench_build --tiers L --keep PARENT` makes
# PARENT/L); each run writes its site under WORK.
set -eu
mode=$1
work=$(cd "$2" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-$root/.venv/bin/python}
day=1764720000
cd "$root"
case $mode in
cold)
    rm -rf "$work/cold"
    mkdir -p "$work/cold"
    ln -s "$work/data" "$work/cold/data"
    THIDUA_CACHE_DIR="$work/cold/cache" SOURCE_DATE_EPOCH=$day \
        exec "$python" -m bench.bench_build --child L --work "$work/cold" ;;
rebuild)
    n=$(cat "$work/.rebuild-day" 2>/dev/null || echo 1)
    echo $((n + 1)) > "$work/.rebuild-day"
    PYTHONPATH="$root" "$python" -c "import sys; from pathlib import Path; \
from bench.bench_build import change_one_department as change; change(Path(sys.argv[1]))" "$work/data"
    THIDUA_CACHE_DIR="$work/cache" SOURCE_DATE_EPOCH=$((day + 86400 * n)) \
        exec "$python" -m bench.bench_build --child L --work "$work" ;;
*)
    echo "usage: $0 cold|rebuild WORK" >&2
    exit 2 ;;
esac
