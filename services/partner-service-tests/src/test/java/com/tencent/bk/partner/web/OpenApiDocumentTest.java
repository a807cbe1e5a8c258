package com.tencent.bk.partner.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The served OpenAPI document ({@code /v3/api-docs}, read without logging in) is valid OpenAPI 3.1, checked
 * against the official OAS 3.1 JSON Schema (schema-base, which also checks every Schema Object against the OAS
 * dialect), and describes every {@code /api/**} handler Spring MVC serves: its path and method, each path, query
 * and header parameter with its required flag, its body, its success status and the properties of what it
 * answers; and nothing that is not served. Errors are problem+json; the scheme is HTTP Basic.
 */
class OpenApiDocumentTest extends ServiceIntegrationTest {

    private static final String OAS_31 = "https://spec.openapis.org/oas/3.1/";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;
    @Autowired
    private ObjectMapper objectMapper;

    private JsonNode document;

    @BeforeEach
    void readDocument() throws Exception {
        ResponseEntity<String> served = rest.getForEntity("/v3/api-docs", String.class);
        assertThat(served.getStatusCode().value()).as(served.getBody()).isEqualTo(200);
        document = EngineRestClient.read(served.getBody());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), objectMapper.writerWithDefaultPrettyPrinter()
                .writeValueAsString(document)); // for a look at what was checked
    }

    @Test
    void servedDocumentIsValidOpenApi31() {
        assertThat(document.path("openapi").asText()).startsWith("3.1.");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(OAS_31, "classpath:spec.openapis.org/oas/3.1/")));
        Schema oas = registry.getSchema(SchemaLocation.of(OAS_31 + "schema-base/2022-10-07"));
        assertThat(oas.validate(document)).as("violations of the OAS 3.1 schema").isEmpty();
        assertThat(unresolvedReferences(document)).as("$refs that point nowhere").isEmpty();
    }

    @Test
    void describesHttpBasicAndProblemDetails() {
        assertThat(document.at("/components/securitySchemes/basicAuth/type").asText()).isEqualTo("http");
        assertThat(document.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(document.at("/security/0").has("basicAuth")).isTrue();
        assertThat(document.at("/components/schemas/Problem/properties").has("errors")).isTrue();
        assertThat(document.path("paths").properties()).allSatisfy(path -> path.getValue().properties()
                .forEach(operation -> {
                    JsonNode responses = operation.getValue().path("responses");
                    assertThat(responses.properties()).as(operation.getKey() + " " + path.getKey() + ": a problem")
                            .anySatisfy(response -> assertThat(resolve(response.getValue())
                                    .at("/content").has("application/problem+json")).isTrue());
                    if (!path.getKey().startsWith("/api/public/")) {
                        assertThat(responses.has("401")).as(operation.getKey() + " " + path.getKey() + ": 401").isTrue();
                    }
                }));
        assertThat(document.path("paths").properties()).as("only the project's API")
                .allSatisfy(path -> assertThat(path.getKey()).startsWith("/api/"));
    }

    @Test
    void everyApiHandlerIsInTheDocumentAndNothingElse() {
        Set<String> served = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            for (String path : mapping.getKey().getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
                assertThat(methods).as(path + " must name its HTTP method").isNotEmpty();
                for (RequestMethod method : methods) {
                    String name = method.name().toLowerCase();
                    served.add(name + " " + path);
                    JsonNode operation = document.path("paths").path(path).path(name);
                    if (operation.isMissingNode()) {
                        missing.add(name + " " + path);
                    } else {
                        checkOperation(name + " " + path, operation, mapping.getValue(), missing);
                    }
                }
            }
        }
        assertThat(missing).as("handlers, parameters, bodies or responses missing from /v3/api-docs").isEmpty();
        Set<String> documented = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> documented.add(operation.getKey() + " " + path.getKey())));
        assertThat(documented).as("documented operations").isEqualTo(served);
    }

    private void checkOperation(String operationName, JsonNode operation, HandlerMethod handler, List<String> missing) {
        Set<String> parameters = new HashSet<>();
        operation.path("parameters").forEach(parameter -> parameters.add(resolve(parameter).path("in").asText() + ":"
                + resolve(parameter).path("name").asText() + ":" + resolve(parameter).path("required").asBoolean()));
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            String expected = expectedParameter(parameter);
            if (expected != null && !parameters.contains(expected)) {
                missing.add(operationName + ": parameter " + expected + " (documented: " + parameters + ")");
            }
            RequestBody body = parameter.getParameterAnnotation(RequestBody.class);
            if (body != null) {
                JsonNode documented = operation.path("requestBody");
                if (documented.isMissingNode() || documented.path("required").asBoolean(false) != body.required()) {
                    missing.add(operationName + ": request body (required=" + body.required() + ")");
                } else {
                    checkProperties(operationName + ": request body", documented.at("/content/application~1json/schema"),
                            objectMapper.constructType(parameter.getGenericParameterType()), false, missing);
                }
            }
        }
        ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ResponseStatus.class);
        Class<?> returned = handler.getMethod().getReturnType();
        if (status == null && HttpEntity.class.isAssignableFrom(returned)) {
            missing.add(operationName + ": returns a ResponseEntity without @ResponseStatus, so no document can"
                    + " know its status: declare it");
            return;
        }
        String code = String.valueOf(status == null ? 200 : status.code().value());
        JsonNode response = resolve(operation.path("responses").path(code));
        if (response.isMissingNode()) {
            missing.add(operationName + ": response " + code + " (documented: " + operation.path("responses")
                    .properties().stream().map(Map.Entry::getKey).toList() + ")");
            return;
        }
        JavaType body = answered(handler);
        if (body != null) {
            checkProperties(operationName + ": response " + code, response.at("/content/application~1json/schema"),
                    body, true, missing);
        }
    }

    /** {@code in:name:required} as the document should have it; null for what is no HTTP parameter. */
    private static String expectedParameter(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null) {
            return "path:" + name(path.name(), parameter) + ":true";
        }
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null) {
            boolean required = query.required() && ValueConstants.DEFAULT_NONE.equals(query.defaultValue());
            return "query:" + name(query.name(), parameter) + ":" + required;
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null) {
            boolean required = header.required() && ValueConstants.DEFAULT_NONE.equals(header.defaultValue());
            return "header:" + name(header.name(), parameter) + ":" + required;
        }
        return null;
    }

    private static String name(String declared, MethodParameter parameter) {
        return declared.isEmpty() ? parameter.getParameterName() : declared;
    }

    /** What the handler answers, a ResponseEntity unwrapped; null when it answers no body. */
    private JavaType answered(HandlerMethod handler) {
        ResolvableType type = ResolvableType.forMethodReturnType(handler.getMethod());
        if (HttpEntity.class.isAssignableFrom(type.toClass())) {
            type = type.as(HttpEntity.class).getGeneric(0);
        }
        Type body = type.getType();
        return type.toClass() == void.class || type.toClass() == Void.class ? null : objectMapper.constructType(body);
    }

    /**
     * The documented schema holds the Java type's JSON properties (as Jackson writes or reads them): an object for
     * a record or bean, an array of such for a collection, any object for a map.
     */
    private void checkProperties(String what, JsonNode documented, JavaType type, boolean serialized,
                                 List<String> missing) {
        JsonNode schema = resolve(documented);
        if (schema.isMissingNode()) {
            missing.add(what + ": no application/json schema");
            return;
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            if (!schema.path("type").asText().equals("array")) {
                missing.add(what + ": an array, documented as " + schema);
                return;
            }
            checkProperties(what + " items", schema.path("items"), type.getContentType(), serialized, missing);
            return;
        }
        if (type.isMapLikeType() || type.getRawClass() == Object.class || type.getRawClass().getName().startsWith("java.")) {
            return;
        }
        Collection<BeanPropertyDefinition> properties = serialized
                ? objectMapper.getSerializationConfig().introspect(type).findProperties()
                : objectMapper.getDeserializationConfig().introspect(type).findProperties();
        Set<String> expected = properties.stream().map(BeanPropertyDefinition::getName).collect(Collectors.toSet());
        Set<String> documentedNames = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(documentedNames::add);
        if (!documentedNames.containsAll(expected)) {
            missing.add(what + ": properties " + expected + " documented as " + documentedNames);
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            current = document.at(current.path("$ref").asText().substring(1));
        }
        return current;
    }

    private static List<String> unresolvedReferences(JsonNode root) {
        List<String> unresolved = new ArrayList<>();
        collectReferences(root, root, unresolved);
        return unresolved;
    }

    private static void collectReferences(JsonNode root, JsonNode node, List<String> unresolved) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.path("$ref").asText();
            if (!ref.startsWith("#/") || root.at(ref.substring(1)).isMissingNode()) {
                unresolved.add(ref);
            }
        }
        StreamSupport.stream(node.spliterator(), false).forEach(child -> collectReferences(root, child, unresolved));
    }
}
