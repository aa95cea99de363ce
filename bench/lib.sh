# Shell functions shared by the benchmark scripts (source it; it runs nothing).

# replicate_corpus SOURCE DEST K: K copies of the folder SOURCE under DEST/copy-1..K,
# each made distinct by " (copy N)" at the end of every article's first line (its
# title), so that no two copies are duplicates of each other.
replicate_corpus() {
  local source=$1 dest=$2 copies=$3 k
  for (( k = 1; k <= copies; k++ )); do
    mkdir -p "$dest/copy-$k"
    cp -r "$source"/. "$dest/copy-$k/"
    find "$dest/copy-$k" -name '*.txt' -exec sed -i "1s/\$/ (copy $k)/" {} +
  done
}

# machine_line: the date and the machine, for the head of a benchmark's report.
machine_line() {
  echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC'); machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
}
