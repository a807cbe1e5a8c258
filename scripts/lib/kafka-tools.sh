# Sourced by scripts/kafka-send and scripts/kafka-read: runs Kafka's own console tools from the jars the
# project already uses (kafka_2.13 and kafka-tools, same version as the embedded broker), so no Kafka install
# is needed. The classpath is built once into .local/ (git-ignored); delete .local/kafka-classpath to rebuild.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bootstrap="${BK_KAFKA_BOOTSTRAP:-localhost:9092}"

kafka_classpath() {
    local classpath_file="$root/.local/kafka-classpath"
    local tools_dir="$root/.local/kafka-tools"
    if [[ ! -s $classpath_file ]]; then
        mkdir -p "$root/.local"
        (cd "$root" && ./mvnw -B -q -pl services/embedded-infra dependency:build-classpath \
            -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file") >&2
    fi
    # the console consumer lives in kafka-tools, which the project does not depend on: fetch that one jar
    if ! compgen -G "$tools_dir/kafka-tools-*.jar" >/dev/null; then
        local version
        version="$(tr ':' '\n' <"$classpath_file" | sed -n 's|.*/kafka-clients-\([0-9.]*\)\.jar$|\1|p' | head -n 1)"
        (cd "$root" && ./mvnw -B -q -N dependency:copy -Dartifact="org.apache.kafka:kafka-tools:$version" \
            -DoutputDirectory="$tools_dir") >&2
    fi
    printf '%s:%s\n' "$(cat "$classpath_file")" "$(compgen -G "$tools_dir/kafka-tools-*.jar" | head -n 1)"
}

kafka_tool() {
    local main_class="$1"
    shift
    exec java -Dlogback.configurationFile="$root/scripts/lib/kafka-tools-logback.xml" \
        -cp "$(kafka_classpath)" "$main_class" "$@"
}
