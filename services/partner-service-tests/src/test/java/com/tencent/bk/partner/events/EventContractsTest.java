package com.tencent.bk.partner.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tencent.bk.partner.support.EventContracts;
import com.tencent.bk.partner.support.EventContracts.Contract;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.yaml.snakeyaml.Yaml;

/**
 * The event contracts hold together without a running service: every example of every schema passes its schema
 * (a second validator beside the build's Ajv check), the AsyncAPI document names exactly the schema files, and every
 * outbound event the code can publish has a schema naming exactly its fields.
 */
class EventContractsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Test
    void everyExampleOfEverySchemaPassesItsSchema() {
        Map<String, Contract> contracts = EventContracts.all();
        assertThat(contracts).hasSizeGreaterThanOrEqualTo(29);
        for (Contract contract : contracts.values()) {
            assertThat(contract.document().path("$schema").asText()).as(contract.name())
                    .isEqualTo("https://json-schema.org/draft/2020-12/schema");
            JsonNode examples = contract.document().path("examples");
            assertThat(examples.isArray() && !examples.isEmpty()).as(contract.name() + " has examples").isTrue();
            for (JsonNode example : examples) {
                assertThat(contract.violations(example)).as(contract.name() + " example " + example).isEmpty();
            }
        }
    }

    @Test
    void schemasRejectWhatTheyShouldNotAccept() {
        Contract granted = EventContracts.of("bk.certification.events", "bk.certification.granted");
        JsonNode example = granted.document().path("examples").get(0);
        assertThat(granted.violations(with(example, "issuedOn", "2026-02-30"))).isNotEmpty();
        assertThat(granted.violations(with(example, "partnerId", "91350100M000100YI3"))).isNotEmpty();
        assertThat(granted.violations(with(example, "level", null))).as("AUTOMATION needs a level").isNotEmpty();
        assertThat(granted.violations(with(with(example, "track", "DEVELOPMENT"), "level", "SERVICE"))).isNotEmpty();
        assertThat(granted.violations(with(example, "somethingNew", "ok"))).as("open to new fields").isEmpty();
        Contract received = EventContracts.of("bk.payment.events", "bk.payment.received");
        JsonNode payment = received.document().path("examples").get(0);
        assertThat(received.violations(with(payment, "amount", "0.00"))).isNotEmpty();
        assertThat(received.violations(with(payment, "amount", "12.345"))).isNotEmpty();
        assertThat(received.violations(with(payment, "amount", "0.01"))).isEmpty();
    }

    @Test
    void theAsyncApiDocumentNamesExactlyTheSchemaFiles() throws IOException {
        Set<String> referenced = new TreeSet<>();
        try (InputStream in = new ClassPathResource("contracts/asyncapi.yaml").getInputStream()) {
            collectFileReferences(new Yaml().load(in), referenced);
        }
        Set<String> files = EventContracts.all().keySet().stream().map(name -> "./schemas/" + name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(referenced).isEqualTo(files);
    }

    @Test
    void everyOutboundEventOfTheCodeHasASchemaNamingExactlyItsFields() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent() && definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(OutboundEvent.class));
        Set<String> types = new HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.tencent.bk.partner")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            assertThat(type.isRecord()).as(type + " is a record").isTrue();
            OutboundEvent event = blank(type);
            types.add(event.eventType());
            Contract contract = EventContracts.of(EventContracts.OUTBOUND, event.eventType());
            assertThat(contract).as("schema of " + event.eventType() + " (" + type.getName() + ")").isNotNull();
            Set<String> fields = new TreeSet<>();
            JSON.valueToTree(event).fieldNames().forEachRemaining(fields::add);
            Set<String> documented = new TreeSet<>();
            contract.document().path("properties").fieldNames().forEachRemaining(documented::add);
            assertThat(documented).as(event.eventType() + " (" + type.getName() + ")").isEqualTo(fields);
            contract.document().path("required").forEach(required ->
                    assertThat(fields).as(event.eventType() + " required").contains(required.asText()));
        }
        Set<String> schemas = EventContracts.all().keySet().stream()
                .filter(name -> name.startsWith(EventContracts.OUTBOUND + "/"))
                .map(name -> name.substring(EventContracts.OUTBOUND.length() + 1, name.length() - ".json".length()))
                .collect(Collectors.toSet());
        assertThat(types).as("outbound event types in the code").isEqualTo(schemas);
    }

    /** The record with every component null, zero or false: enough to ask its type and its JSON fields. */
    private static OutboundEvent blank(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
            arguments[i] = blankValue(parameterTypes[i]);
        }
        Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
        canonical.setAccessible(true); // records of the domains are package-private
        return (OutboundEvent) canonical.newInstance(arguments);
    }

    private static Object blankValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }

    private static JsonNode with(JsonNode example, String field, Object value) {
        com.fasterxml.jackson.databind.node.ObjectNode changed = example.deepCopy();
        changed.set(field, JSON.valueToTree(value));
        return changed;
    }

    @SuppressWarnings("unchecked")
    private static void collectFileReferences(Object node, Set<String> references) {
        if (node instanceof Map<?, ?> map) {
            Object ref = map.get("$ref");
            if (ref instanceof String text && text.startsWith("./schemas/")) {
                references.add(text);
            }
            map.values().forEach(value -> collectFileReferences(value, references));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectFileReferences(value, references));
        }
    }
}
