package dev.keel.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public type of Keel's SPI with how stable it is and since which version it exists,
 * in the manner of JUnit's {@code @API}: plugin authors can rely on {@link Status#STABLE} types
 * across minor versions, and must expect {@link Status#EXPERIMENTAL} ones to change.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
@Api(status = Api.Status.STABLE, since = "0.1")
public @interface Api {

    /** How stable the annotated type is. */
    Status status();

    /** The Keel version that introduced the type. */
    String since();

    /** Stability levels of SPI types. */
    enum Status {
        /** Kept compatible across minor versions. */
        STABLE,
        /** May change in any version; feedback welcome. */
        EXPERIMENTAL,
        /** Public for technical reasons only; not for plugins. */
        INTERNAL
    }
}
