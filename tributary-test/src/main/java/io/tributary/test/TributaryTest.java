package io.tributary.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the tests of a class (or one test method) a fresh {@link io.tributary.Bus} and its
 * {@link EventRecorder} as parameters, closed after each test. Registers {@link TributaryExtension}.
 *
 * <pre>{@code
 * @TributaryTest                                  // mem: by default
 * class OrderServiceTest {
 *     @Test
 *     void placeOrder_emitsOrderCreated(Bus bus, EventRecorder recorder) { ... }
 *
 *     @Test
 *     @TributaryTest(transport = Transport.FILE)   // this test on an embedded log in a temporary directory
 *     void survivesOnDisk(Bus bus) { ... }
 * }
 * }</pre>
 *
 * <p>The annotation nearest to the test wins: the method's, else its class's, else an enclosing class's.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(TributaryExtension.class)
public @interface TributaryTest {

    /** Where the test's events live; {@link Transport#MEM} by default. */
    Transport transport() default Transport.MEM;

    /**
     * Bus settings as the query of a bus URL, keys without the {@code tributary.bus.} prefix, e.g.
     * {@code "partitions=4&workers=2"} (see {@link io.tributary.BusOptions}); empty for the defaults.
     */
    String settings() default "";

    /** The bus a test gets. */
    enum Transport {
        /** {@code mem:}: in this process only; the fastest. */
        MEM,
        /** {@code file:} on a temporary directory deleted after the test: the embedded durable log. */
        FILE,
        /**
         * {@code tributary://}: a broker started in this JVM on a loopback port chosen at run time, with its
         * data in a temporary directory; the bus talks to it through the network client.
         */
        SERVER
    }
}
