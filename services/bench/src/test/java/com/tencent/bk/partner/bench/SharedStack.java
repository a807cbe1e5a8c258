package com.tencent.bk.partner.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link FaultStack} for every test of a test JVM that declares a {@code FaultStack} parameter
 * ({@code @ExtendWith(SharedStack.class)}): the fault tests that need no stack to themselves share one PostgreSQL, one
 * broker and the running service ({@link FaultStack#running()}) instead of starting their own, one after the other.
 * Each of them checks only its own partners and event sources, so what an earlier test left does not count; one
 * that kills the service starts the next. Closed when the launch that ran them ends (JUnit's root store; failsafe
 * launches each top-level class on its own, so with {@link SharedStackFaultsIT} that is the end of the suite).
 */
final class SharedStack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    /** Closes the stack with the root context. */
    private record Shared(FaultStack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FaultStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        FaultStack stack = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(FaultStack.class,
                key -> new Shared(create()), Shared.class).stack();
        stack.repair();
        return stack;
    }

    /** In {@code target/faults/shared-<pid>}, after removing the folders of test JVMs that have ended. */
    private static FaultStack create() {
        Path faults = Path.of("target", "faults");
        if (Files.isDirectory(faults)) {
            try (Stream<Path> folders = Files.list(faults)) {
                folders.filter(folder -> folder.getFileName().toString().matches("shared-\\d+"))
                        .filter(folder -> ProcessHandle.of(Long.parseLong(folder.getFileName().toString()
                                .substring("shared-".length()))).isEmpty())
                        .forEach(Infrastructure::deleteRecursively);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return FaultStack.fresh("shared-" + ProcessHandle.current().pid());
    }
}
