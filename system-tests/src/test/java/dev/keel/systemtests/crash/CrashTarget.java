package dev.keel.systemtests.crash;

import java.util.List;

/**
 * One database under crash test: how Keel reaches it, its migrations, how to read and reset its state.
 */
interface CrashTarget {

    /** {@code sqlite}, {@code postgres} or {@code mariadb}, for reports. */
    String name();

    /** The JDBC URL Keel is given (credentials included), also used to read the state. */
    String url();

    DatabaseState.Kind kind();

    /** The {@code snapshot:} section of keel.yaml, indented by two spaces per level under {@code snapshot:}. */
    List<String> snapshotSection();

    /** Creates the tables and rows that exist before any migration (the large table that makes copies take time). */
    void loadData();

    /** {@code V1__…}: applied in the set-up; the state after it is the "before" state of every crashed run. */
    String v1();

    /** {@code V2__…} and {@code V3__…}: several statements each. */
    String v2();

    String v3();

    /** {@code V4__…} as it succeeds. */
    String v4();

    /** {@code V4__…} with a later statement that fails, so that the run restores its snapshot. */
    String v4Failing();

    /** Undoes V2–V4 with plain SQL (the run's objects dropped, history rows above 1 deleted). */
    List<String> resetStatements();

    /** Fails unless the database server runs and answers (nothing for SQLite). */
    void assertServerRunning();

    /** Bytes of the database on disk (the file, or the server's data directory). */
    long databaseBytes();

    /** How the database was made, for the report. */
    String describe();

    /** What helps to understand a failure: the server's processes and logs, the files beside the database. */
    String diagnostics();

    /** The database server processes running on the data directory (none for SQLite). */
    default List<ProcessHandle> serverProcesses() {
        return List.of();
    }

    /** Drops what {@link #loadData()} made, where others share the server (nothing for SQLite). */
    default void drop() {
    }
}
