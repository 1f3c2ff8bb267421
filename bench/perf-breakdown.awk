# Where a request's CPU goes, in microseconds per request, for the processes bench/run.sh --profile sampled.
# Input: one file per sample, each `perf report --no-children --sort dso,sym --stdio -n` under a header line
#   #@ side=1 requests=420000
# that names its column (1 or 2) and how many requests its server answered while it was sampled; the
# samples of a column add up over its files. -v hz: the sampling frequency; -v names: "gateway,kestrel";
# -v top: how many methods to list (15).
# Code is counted by the assembly of its method (JIT'd .NET code, from the perf map), by library otherwise
# (libcoreclr.so is the runtime: GC, type checks, stubs), and by "kernel" for the kernel's share.
BEGIN { split(names, name, ","); top = top ? top : 15 }

/^#@ / {
  for (i = 2; i <= NF; i++) { split($i, kv, "="); header[kv[1]] = kv[2] }
  side = header["side"]; total_requests[side] += header["requests"]
  next
}

/^ +[0-9.]+% +[0-9]+ / {
  samples = $2
  # The dso runs from the third field to the "[k]" (kernel) or "[.]" (user) marker; the symbol follows it.
  marker = match($0, / \[[k.]\] /)
  if (!marker) next
  rest = substr($0, 1, marker - 1); sub(/^ +[0-9.]+% +[0-9]+ +/, "", rest); sub(/ +$/, "", rest); dso = rest
  symbol = substr($0, marker + 5)
  if (substr($0, marker + 2, 1) == "k") where = "kernel"
  else if (dso ~ /^\[JIT\]/) {
    # A .NET method: "... [Assembly] Namespace.Type::Method(...)"; stubs have no assembly.
    where = match(symbol, /\[[^]]+\] ?[^][ ]+::/) ? substr(symbol, RSTART + 1, index(substr(symbol, RSTART), "]") - 2) : "runtime stubs"
  } else where = dso
  by_where[where, side] += samples; wheres[where] = 1
  short = symbol; sub(/\(.*/, "", short); if (length(short) > 110) short = "..." substr(short, length(short) - 106)
  by_symbol[short, side] += samples; symbols[short] = 1
  side_samples[side] += samples
}

function us(count, s) { return total_requests[s] ? count / hz / total_requests[s] * 1e6 : 0 }

END {
  printf "CPU per request (us), from perf samples at %d Hz:\n", hz
  printf "  %-52s %9s %9s %9s\n", "where", name[1], name[2], "diff"
  printf "  %-52s %9.2f %9.2f %9.2f\n", "all", us(side_samples[1], 1), us(side_samples[2], 2), us(side_samples[1], 1) - us(side_samples[2], 2)
  n = 0
  for (w in wheres) order[++n] = w
  sort_by_first(order, n)
  for (i = 1; i <= n; i++) {
    w = order[i]; a = us(by_where[w, 1], 1); b = us(by_where[w, 2], 2)
    if (a >= 0.05 || b >= 0.05) printf "  %-52s %9.2f %9.2f %9.2f\n", substr(w, 1, 52), a, b, a - b
  }
  printf "\nThe %d methods %s spends most more on than %s (us per request):\n", top, name[1], name[2]
  n = 0
  for (s in symbols) { order[++n] = s; key[s] = us(by_symbol[s, 1], 1) - us(by_symbol[s, 2], 2) }
  sort_by_key(order, n)
  for (i = 1; i <= n && i <= top; i++) {
    s = order[i]
    printf "  %6.2f %6.2f  %s\n", us(by_symbol[s, 1], 1), us(by_symbol[s, 2], 2), s
  }
}

# Orders wheres by the first column's figure, largest first (insertion sort: a few dozen entries).
function sort_by_first(a, n,    i, j, t) {
  for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && by_where[a[j], 1] < by_where[t, 1]; j--) a[j + 1] = a[j]; a[j + 1] = t }
}

# Orders symbols by key[], largest first.
function sort_by_key(a, n,    i, j, t) {
  for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && key[a[j]] < key[t]; j--) a[j + 1] = a[j]; a[j + 1] = t }
}
