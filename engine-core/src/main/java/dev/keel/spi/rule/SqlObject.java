package dev.keel.spi.rule;

import dev.keel.spi.Api;
import java.util.Locale;
import java.util.Objects;

/**
 * A database object a statement touches, by type and name as written (unquoted, possibly schema-qualified).
 * Compare names with {@link #sameName(String)}, which ignores case and quoting.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record SqlObject(Type type, String name) {

    /** The kinds of objects rules talk about. */
    public enum Type { SCHEMA, TABLE, INDEX, COLUMN, CONSTRAINT, TYPE, VIEW, ROUTINE, SEQUENCE, OTHER }

    public SqlObject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }

    /** A table. */
    public static SqlObject table(String name) {
        return new SqlObject(Type.TABLE, name);
    }

    /** The name without a schema qualifier, lower-cased. */
    public String simpleName() {
        String n = name;
        int dot = n.lastIndexOf('.');
        return (dot >= 0 ? n.substring(dot + 1) : n).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code other} names the same object, ignoring case and a schema qualifier. */
    public boolean sameName(String other) {
        return other != null && new SqlObject(type, other).simpleName().equals(simpleName());
    }
}
