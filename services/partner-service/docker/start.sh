#!/bin/sh
# The image's entry point: starts the service with the class cache of the JVM it runs on
# (docs/operations.md#quicker-starts-class-data-sharing). From Java 25 that is an ahead-of-time cache
# (JEP 483/514/515: classes loaded and linked, method profiles), before that a class-data sharing archive.
# The first start of an image writes it when it stops cleanly (SIGTERM); every later start maps it.
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
if [ "$feature" -ge 25 ] 2>/dev/null; then
  suffix=aot use=-XX:AOTCache write=-XX:AOTCacheOutput
else
  suffix=jsa use=-XX:SharedArchiveFile write=-XX:ArchiveClassesAtExit
fi
# The JVM refuses a cache of another JVM or of other classes and starts without it: one cache per JVM and
# application jar, so an upgraded image in the same volume writes its own instead of ignoring the old one forever
stamp=$(cksum < "$app/partner-service.jar" | cut -d ' ' -f 1)
cache="$app/cds/service-$feature-$stamp.$suffix"
if [ -s "$cache" ]; then
  option="$use=$cache"
else
  find "$app/cds" -maxdepth 1 \( -name 'service*.jsa' -o -name 'service*.aot' \) -exec rm -f {} +
  option="$write=$cache"
fi
# The bean definitions Spring generated when the jar was built (Spring AOT): no configuration classes parsed and no
# conditions evaluated at start (docs/operations.md#quicker-starts-spring-aot). BK_SPRING_AOT=false starts without
# them, for a setting that switches an auto-configuration on or off, or a profile that adds beans.
aot=-Dspring.aot.enabled=true
if [ "${BK_SPRING_AOT:-true}" = false ]; then
  aot=-Dspring.aot.enabled=false
fi
set -f # JAVA_OPTS unquoted on purpose, one option per word, and no file name expansion in them
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} "$option" "$aot" -jar "$app/partner-service.jar" "$@"
