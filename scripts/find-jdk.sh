# Sourced by ./lachan and ./test.sh: sets JAVA_HOME to a JDK >= 25 or exits with code 3.
# Looks at $JAVA_HOME first, then the usual JVM folders.

lachan_java_major() { # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

lachan_find_jdk() {
  local candidates=() dir major
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [[ -d "$dir" ]] && candidates+=("$dir")
  done
  for dir in "${candidates[@]}"; do
    if [[ -x "$dir/bin/java" && -x "$dir/bin/javac" ]]; then
      major="$(lachan_java_major "$dir/bin/java")"
      if [[ -n "$major" && "$major" -ge 25 ]]; then
        echo "$dir"
        return 0
      fi
    fi
  done
  return 1
}

if ! JAVA_HOME="$(lachan_find_jdk)"; then
  echo "lachan: no JDK 25 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm)." >&2
  echo "lachan: install one (for instance Temurin 25) or set JAVA_HOME to it." >&2
  exit 3
fi
export JAVA_HOME
