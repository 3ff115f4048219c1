package dev.keel.rules.policy;

import dev.keel.spi.schema.ColumnModel;

/** How policy findings show a column as it is now: its name, type, character set, nullability and default. */
final class PolicyText {

    private PolicyText() {
    }

    /** E.g. {@code name varchar(50) latin1 NOT NULL DEFAULT 'x'}. */
    static String definition(ColumnModel column) {
        StringBuilder text = new StringBuilder(column.name()).append(' ').append(column.columnType());
        column.charset().ifPresent(c -> text.append(' ').append(c));
        text.append(column.nullable() ? " NULL" : " NOT NULL");
        column.defaultValue().ifPresent(d -> text.append(" DEFAULT ").append(d));
        if (!column.extra().isEmpty()) {
            text.append(' ').append(column.extra());
        }
        return text.toString();
    }
}
