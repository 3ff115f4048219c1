package dev.keel.spi.rule;

import dev.keel.spi.Api;

/** What a statement does, as far as rules care; {@link #OTHER} when nothing more specific is known. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public enum StatementKind {
    CREATE_TABLE, ALTER_TABLE, DROP_TABLE, RENAME_TABLE, TRUNCATE,
    CREATE_INDEX, DROP_INDEX, REINDEX,
    CREATE_VIEW, CREATE_ROUTINE, CREATE_TRIGGER, CREATE_SEQUENCE,
    CREATE_SCHEMA, ALTER_SCHEMA, DROP_SCHEMA, CREATE_DATABASE, DROP_DATABASE,
    CREATE_TYPE, ALTER_TYPE, CREATE_DOMAIN, ALTER_DOMAIN,
    /** {@code DROP} of a view, routine, trigger, type, sequence or other object that holds no table data. */
    DROP_OTHER,
    INSERT, UPDATE, DELETE, MERGE, SELECT,
    BEGIN, COMMIT, ROLLBACK, SET,
    VACUUM, CLUSTER, ANALYZE, PRAGMA,
    GRANT, COMMENT,
    OTHER;

    /** Data definition: creates, alters or drops a schema object. */
    public boolean isDdl() {
        String n = name();
        return n.startsWith("CREATE_") || n.startsWith("ALTER_") || n.startsWith("DROP_")
                || this == RENAME_TABLE || this == TRUNCATE || this == REINDEX;
    }

    /** Data manipulation: changes rows. */
    public boolean isDml() {
        return this == INSERT || this == UPDATE || this == DELETE || this == MERGE;
    }
}
