package dev.keel.spi.dialect;

import dev.keel.spi.Api;
import java.time.Duration;

/**
 * What the engine tells a dialect when creating it. New methods arrive as default methods so that
 * existing dialects keep compiling.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface DialectContext {

    /** The JDBC URL of the target database. */
    String url();

    /** How long to wait for the migration lock. */
    Duration lockTimeout();
}
