package dev.keel.spi.rule;

import dev.keel.spi.Api;
import java.util.Optional;

/**
 * A parser-specific view of a statement that an analyzer computes only when a rule asks for it, such as a syntax
 * tree that costs a full parse. An analyzer puts one among a {@link ParsedStatement}'s details;
 * {@link ParsedStatement#detail(Class)} and {@link ParsedStatement#details()} compute it on first request and hand out
 * its value, so rules never see this type. Implementations compute the value at most once, are thread-safe and never
 * throw: a value that cannot be computed is absent.
 *
 * @param <T> the type of the value
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface LazyDetail<T> {

    /** The type of the value, known without computing it. */
    Class<T> type();

    /** The value, computed on the first call; absent when the analyzer could not produce it. */
    Optional<T> value();
}
