# Sourced by ./reuselab and ./run-tests: finds a JDK 25 (or newer) and exports JAVA_HOME and PATH.
# Order: $JAVA_HOME, `java` on PATH, /usr/lib/jvm/temurin-25-jdk-amd64, any /usr/lib/jvm/*25*.

# The feature version of the JDK at $1 (its home): read from its release file, which saves starting
# a JVM on every command; asked of the JVM itself where there is no such file.
reuselab_java_feature() {
  local line
  if [ -f "$1/release" ]; then
    while IFS= read -r line; do
      case $line in
        JAVA_VERSION=\"*) line=${line#JAVA_VERSION=\"}; echo "${line%%[!0-9]*}"; return 0 ;;
      esac
    done < "$1/release"
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
reuselab_find_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    local feature
    feature=$(reuselab_java_feature "$candidate")
    if [ -n "$feature" ] && [ "$feature" -ge 25 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
if ! REUSELAB_JDK=$(reuselab_find_jdk); then
  echo "reuselab: no JDK 25 found (looked at \$JAVA_HOME, java on PATH and /usr/lib/jvm); install one or set JAVA_HOME" >&2
  exit 2
fi
export JAVA_HOME="$REUSELAB_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
# Maven itself (and its Guice) still calls sun.misc.Unsafe; keep JDK 25 quiet about it.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
