# shellcheck shell=bash
# Finds a JDK >= 21 and exports JAVA_HOME to it. Sourced by ./mvnw, ./tributary and .ci/run, so that
# the README's commands work on a machine whose default `java` is older (see docs/decisions/0002).
#
# Order: JAVA_HOME if it is a JDK >= 21; else `java` on PATH if it is >= 21; else the newest JDK >= 21
# in the usual install locations. With none, prints what to install and returns 1.

tributary_required_jdk=21

# Prints the feature version (17, 21, 25, ...) of the JDK at $1, or nothing if it is not a JDK.
tributary_jdk_feature() {
  local home=$1 version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -r "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  version=${version#1.}          # 1.8.0 -> 8.0
  echo "${version%%[.+-]*}"
}

tributary_find_jdk() {
  local candidate feature best="" best_feature=0
  if [ -n "${JAVA_HOME:-}" ]; then
    feature=$(tributary_jdk_feature "$JAVA_HOME")
    if [ -n "$feature" ] && [ "$feature" -ge "$tributary_required_jdk" ]; then return 0; fi
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    feature=$(tributary_jdk_feature "$candidate")
    if [ -n "$feature" ] && [ "$feature" -ge "$tributary_required_jdk" ]; then
      export JAVA_HOME=$candidate
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/*jdk* \
      "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* "$HOME"/.local/share/mise/installs/java/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] || continue
    [ -L "$candidate" ] && continue   # /usr/lib/jvm has aliases of the real directories
    feature=$(tributary_jdk_feature "$candidate")
    if [ -n "$feature" ] && [ "$feature" -ge "$tributary_required_jdk" ] && [ "$feature" -gt "$best_feature" ]; then
      best=$candidate
      best_feature=$feature
    fi
  done
  if [ -n "$best" ]; then
    export JAVA_HOME=$best
    return 0
  fi
  {
    echo "Tributary needs a JDK $tributary_required_jdk or newer and found none."
    echo "  JAVA_HOME: ${JAVA_HOME:-<unset>}; java on PATH: $(command -v java || echo '<none>')"
    echo "  Install one, for example 'apt-get install openjdk-21-jdk' (Debian/Ubuntu) or Temurin 21+"
    echo "  from https://adoptium.net, or set JAVA_HOME to an installed JDK 21+."
  } >&2
  return 1
}
