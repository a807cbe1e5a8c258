#!/bin/sh
# The image's entry point: starts the service with the class cache of the JVM it runs on
# (docs/operations.md#quicker-starts-class-data-sharing). From Java 25 that is an ahead-of-time cache
# (JEP 483/514/515: classes loaded and linked, method profiles), before that a class-data sharing archive.
# The first start writes it when it stops cleanly (SIGTERM); every later start maps it. A cache of another
# image or JVM is refused by the JVM, which then starts without it.
set -eu
app="${APP_HOME:-/app}"
feature="${JAVA_VERSION:-}"
feature="${feature#jdk-}"
feature="${feature%%[.+]*}"
case "$feature" in
  '' | *[!0-9]*) # not an Eclipse Temurin image: ask the JVM
    feature=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    ;;
esac
if [ "$feature" -ge 25 ]; then
  cache="$app/cds/service.aot" use=-XX:AOTCache write=-XX:AOTCacheOutput
else
  cache="$app/cds/service.jsa" use=-XX:SharedArchiveFile write=-XX:ArchiveClassesAtExit
fi
if [ -s "$cache" ]; then option="$use=$cache"; else option="$write=$cache"; fi
# JAVA_OPTS unquoted on purpose: one option per word
# shellcheck disable=SC2086
exec java $JAVA_OPTS "$option" -jar "$app/partner-service.jar" "$@"
