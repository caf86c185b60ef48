# Sourced by ./reuselab once the jar is built: gives the JVM an AOT cache (JEP 483, 514, 515) of
# the classes a run loads and links, made by one training run over the scenario library, which
# takes nearly a third off the start-up of a short command. Expects root, jar and jvm (the JVM's
# options, class path included); appends the cache's options to jvm.
#
# The cache's name is a fingerprint of the jars, the JDK and the options. The JVM itself checks
# neither: it would load stale classes from a cache made for an older jar, and on a damaged file
# it prints errors on stdout. So a cache is only ever used by the build it was made for, and the
# JVM's own messages about it are switched off.

reuselab_aot_dir="$root/sim-cli/target/aot"

# Size and time of every jar and of the JDK's runtime image, and the options, as one checksum;
# fails where one of them cannot be read.
reuselab_aot_key() {
  local sum
  sum=$({ stat -c '%n %s %y' "$jar" "$root"/sim-cli/target/lib/*.jar "$JAVA_HOME/lib/modules" 2>/dev/null
          printf '%s\n' "${jvm[@]}"; } | cksum) || return 1
  echo "${sum%% *}"
}

# One run of the library on the simulator, its traces explained, records what goes in the cache.
# A failed training leaves a marker, so that it is not retried on every command of this build.
reuselab_aot_train() {
  local cache=$1 tmp="$1.$$.tmp" old
  local -a library
  mapfile -t library < <(find "$root/scenarios" -name '*.json' -not -path '*/invalid/*' 2>/dev/null | sort)
  echo "reuselab: preparing the start-up cache for this build ..." >&2
  # Caches of earlier builds go; so do the leftovers of trainings that were killed.
  for old in "$reuselab_aot_dir"/*.aot "$reuselab_aot_dir"/*.failed; do
    [ "${old%.*}" = "${cache%.*}" ] || rm -f "$old"
  done
  find "$reuselab_aot_dir" -name '*.tmp*' -mmin +10 -delete 2>/dev/null || true
  "$JAVA_HOME/bin/java" "${jvm[@]}" -XX:TieredStopAtLevel=1 -XX:AOTCacheOutput="$tmp" \
    org.reuselab.cli.Main run --explain "${library[@]}" >/dev/null 2>&1 </dev/null || true
  if [ -s "$tmp" ]; then
    mv -f "$tmp" "$cache" 2>/dev/null || true
  else
    rm -f "$tmp" "$tmp.config"
    : > "${cache%.aot}.failed"
  fi
}

if mkdir -p "$reuselab_aot_dir" 2>/dev/null && [ -w "$reuselab_aot_dir" ] && reuselab_aot_key=$(reuselab_aot_key); then
  reuselab_aot_cache="$reuselab_aot_dir/$reuselab_aot_key.aot"
  if [ ! -f "$reuselab_aot_cache" ] && [ ! -f "${reuselab_aot_cache%.aot}.failed" ]; then
    reuselab_aot_train "$reuselab_aot_cache"
  fi
  if [ -s "$reuselab_aot_cache" ]; then
    jvm+=(-XX:AOTCache="$reuselab_aot_cache" "-Xlog:aot*=off,cds*=off")
  fi
fi
