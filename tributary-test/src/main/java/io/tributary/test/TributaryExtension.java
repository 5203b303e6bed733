package io.tributary.test;

import io.tributary.Bus;
import io.tributary.test.TributaryTest.Transport;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves parameters of type {@link Bus} and {@link EventRecorder} of test methods and their
 * {@code @BeforeEach}/{@code @AfterEach} methods. Register it with {@link TributaryTest} (which also chooses
 * the transport) or {@code @ExtendWith(TributaryExtension.class)} (a {@code mem:} bus).
 *
 * <p>Each test gets one bus, opened when the first such parameter is resolved: every {@code Bus} and
 * {@code EventRecorder} parameter of the test and its lifecycle methods is that bus and its recorder. The
 * bus is the recorder's {@linkplain EventRecorder#bus() recording bus}, so whatever the code under test
 * publishes through it is recorded. After the test (after its {@code @AfterEach} methods) the bus is
 * closed, then the broker of {@link Transport#SERVER} stops and the temporary directory of
 * {@link Transport#FILE} and {@link Transport#SERVER} is deleted. A parameter of a {@code @BeforeAll}
 * method gets a bus shared by the whole class, closed after its {@code @AfterAll} methods.
 */
public final class TributaryExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(TributaryExtension.class);

    /** Called by JUnit. */
    public TributaryExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Bus.class || type == EventRecorder.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TributaryTest settings = settings(context);
        TestBus testBus = context.getStore(NAMESPACE).getOrComputeIfAbsent(TestBus.class,
                key -> TestBus.open(settings.transport(), settings.settings()), TestBus.class);
        return parameter.getParameter().getType() == Bus.class ? testBus.recorder().bus() : testBus.recorder();
    }

    /** The {@link TributaryTest} nearest to the test, or the defaults. */
    private static TributaryTest settings(ExtensionContext context) {
        for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent();
                current = current.get().getParent()) {
            Optional<TributaryTest> found = AnnotationSupport.findAnnotation(current.get().getElement(),
                    TributaryTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return Defaults.class.getAnnotation(TributaryTest.class);
    }

    /** Carries the annotation's defaults, for tests registered with {@code @ExtendWith} alone. */
    @TributaryTest
    private static final class Defaults {
    }
}
