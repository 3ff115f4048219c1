package dev.keel.spi.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A {@link LazyDetail} is computed when a rule asks for a detail it can provide, and only then. */
class ParsedStatementLazyDetailTest {

    /** A lazy detail of type {@link CharSequence} that counts its computations. */
    private static final class CountingDetail implements LazyDetail<CharSequence> {
        final AtomicInteger computed = new AtomicInteger();
        private final Optional<CharSequence> value;

        CountingDetail(Optional<CharSequence> value) {
            this.value = value;
        }

        @Override
        public Class<CharSequence> type() {
            return CharSequence.class;
        }

        @Override
        public Optional<CharSequence> value() {
            computed.incrementAndGet();
            return value;
        }
    }

    private static ParsedStatement statement(List<Object> details) {
        return new ParsedStatement("SELECT 1", 0, 1, 1, "postgres", Optional.empty(), StatementKind.SELECT, List.of(),
                Set.of(), false, details);
    }

    @Test
    void asking_for_another_type_leaves_the_lazy_detail_alone() {
        CountingDetail lazy = new CountingDetail(Optional.of("tree"));
        ParsedStatement s = statement(List.of(42, lazy));

        assertEquals(Optional.of(42), s.detail(Integer.class));
        assertEquals(Optional.empty(), s.detail(Double.class));
        assertEquals(0, lazy.computed.get());
    }

    @Test
    void asking_for_its_type_a_supertype_or_a_subtype_computes_it() {
        CountingDetail lazy = new CountingDetail(Optional.of("tree"));
        ParsedStatement s = statement(List.of(lazy));

        assertEquals(Optional.of("tree"), s.detail(String.class));
        assertEquals(Optional.of("tree"), s.detail(CharSequence.class));
        assertEquals(Optional.of("tree"), s.detail(Object.class));
        assertEquals(Optional.empty(), s.detail(StringBuilder.class), "a subtype the value is not");
        assertTrue(lazy.computed.get() > 0);
    }

    @Test
    void the_holder_itself_can_be_asked_for_without_computing_it() {
        CountingDetail lazy = new CountingDetail(Optional.of("tree"));

        assertEquals(Optional.of(lazy), statement(List.of(lazy)).detail(CountingDetail.class));
        assertEquals(0, lazy.computed.get());
    }

    @Test
    void details_hands_out_values_and_leaves_out_absent_ones() {
        ParsedStatement s = statement(List.of(1, new CountingDetail(Optional.of("tree")), new CountingDetail(Optional.empty())));

        assertEquals(List.of(1, "tree"), s.details());
    }
}
