# Sourced by ./mvnw and ./run.sh: makes sure JAVA_HOME points at a JDK 21 or newer.
# Order: $JAVA_HOME, the java on PATH, then JDKs installed under the usual folders.

suhbat_java_major() {
  # prints the feature version of the given java binary, e.g. 17 or 25
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | sed 's/^1\.//' | head -n1
}

suhbat_find_jdk() {
  candidates=""
  [ -n "${JAVA_HOME:-}" ] && candidates="$JAVA_HOME"
  if command -v java >/dev/null 2>&1; then
    onpath=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    candidates="$candidates $onpath"
  fi
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$d" ] && candidates="$candidates $d"
  done
  best=""; best_major=0
  for c in $candidates; do
    if [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ]; then
      major=$(suhbat_java_major "$c/bin/java")
      case "$major" in ''|*[!0-9]*) continue ;; esac
      if [ "$major" -ge 21 ]; then
        # the first 21+ candidate wins, so an explicit JAVA_HOME is respected
        best="$c"; best_major=$major; break
      fi
    fi
  done
  if [ -z "$best" ]; then
    echo "Suhbat needs a JDK 21 or newer, and none was found." >&2
    echo "Looked at JAVA_HOME, the java on PATH and /usr/lib/jvm/*." >&2
    echo "Install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME="$best"; export JAVA_HOME
  PATH="$JAVA_HOME/bin:$PATH"; export PATH
  SUHBAT_JAVA_MAJOR=$best_major
  # Maven's own libraries (Guice, Guava) still call sun.misc.Unsafe; JDK 24+ warns about each call
  # at every build unless this access is allowed (the option exists from JDK 23 on)
  if [ "$best_major" -ge 23 ]; then
    case " ${MAVEN_OPTS:-} " in
      *sun-misc-unsafe-memory-access*) ;;
      *) MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;;
    esac
  fi
}
