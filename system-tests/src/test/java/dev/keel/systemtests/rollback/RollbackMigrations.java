package dev.keel.systemtests.rollback;

/**
 * The migrations of the rollback tests, in the marker form ({@code -- === UP MIGRATION ===} …
 * {@code -- === DOWN MIGRATION ===}), written in SQL that SQLite, PostgreSQL and MariaDB all accept.
 */
final class RollbackMigrations {

    private RollbackMigrations() {
    }

    /**
     * A small shop, five migrations with data, each with a DOWN that undoes it. Rolling back 5 and 4 (the round trip
     * of acceptance 1) drops a table (high risk) and, in 5, runs a DELETE and then a DROP COLUMN.
     */
    static void shop(Project project) {
        project.migration("0001_customers.sql", """
                -- === UP MIGRATION ===
                CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
                INSERT INTO customers (id, name) VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Linus');
                -- === DOWN MIGRATION ===
                DROP TABLE customers;
                """);
        project.migration("0002_orders.sql", """
                -- === UP MIGRATION ===
                CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, total DECIMAL(10,2) NOT NULL);
                INSERT INTO orders (id, customer_id, total) VALUES (1, 1, 10.50), (2, 1, 99.00), (3, 2, 5.25), (4, 3, 42.00);
                -- === DOWN MIGRATION ===
                DROP TABLE orders;
                """);
        project.migration("0003_customer_email.sql", """
                -- === UP MIGRATION ===
                ALTER TABLE customers ADD COLUMN email VARCHAR(200);
                UPDATE customers SET email = 'ada@example.org' WHERE id = 1;
                -- === DOWN MIGRATION ===
                ALTER TABLE customers DROP COLUMN email;
                """);
        project.migration("0004_invoices.sql", """
                -- === UP MIGRATION ===
                CREATE TABLE invoices (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, amount DECIMAL(10,2) NOT NULL);
                CREATE INDEX invoices_order ON invoices (order_id);
                INSERT INTO invoices (id, order_id, amount) VALUES (1, 1, 10.50), (2, 2, 99.00), (3, 4, 42.00);
                -- === DOWN MIGRATION ===
                DROP TABLE invoices;
                """);
        project.migration("0005_order_status.sql", """
                -- === UP MIGRATION ===
                ALTER TABLE orders ADD COLUMN status VARCHAR(20);
                UPDATE orders SET status = 'paid' WHERE id <= 2;
                INSERT INTO customers (id, name) VALUES (4, 'Barbara');
                -- === DOWN MIGRATION ===
                DELETE FROM customers WHERE id = 4;
                ALTER TABLE orders DROP COLUMN status;
                """);
    }

    /**
     * Four migrations whose DOWN scripts destroy data of every kind the plan measures: 4 deletes the debug events
     * ({@code DELETE … WHERE}), 3 drops a column, 2 drops two tables, 1 drops the table {@code big}. The rows are
     * put in by {@link #lossData(Db)}, outside keel.
     */
    static void loss(Project project) {
        project.migration("0001_big.sql", """
                -- === UP MIGRATION ===
                CREATE TABLE big (id INTEGER PRIMARY KEY, payload VARCHAR(20) NOT NULL);
                -- === DOWN MIGRATION ===
                DROP TABLE big;
                """);
        project.migration("0002_people_events.sql", """
                -- === UP MIGRATION ===
                CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);
                CREATE TABLE events (id INTEGER PRIMARY KEY, kind VARCHAR(10) NOT NULL);
                -- === DOWN MIGRATION ===
                DROP TABLE events;
                DROP TABLE people;
                """);
        project.migration("0003_people_note.sql", """
                -- === UP MIGRATION ===
                ALTER TABLE people ADD COLUMN note VARCHAR(50);
                -- === DOWN MIGRATION ===
                ALTER TABLE people DROP COLUMN note;
                """);
        project.migration("0004_debug_events.sql", """
                -- === UP MIGRATION ===
                INSERT INTO events (id, kind) VALUES (1001, 'debug'), (1002, 'debug'), (1003, 'debug'), (1004, 'info');
                -- === DOWN MIGRATION ===
                DELETE FROM events WHERE kind = 'debug';
                """);
    }

    /** Rows in {@code big}. */
    static final int BIG_ROWS = 12_345;
    /** Rows in {@code people}; the first {@link #NOTES} have a note, the others NULL. */
    static final int PEOPLE = 150;
    static final int NOTES = 100;
    /** Events put in besides migration 4's: every 4th is a debug event (30), the others info. */
    static final int EVENTS = 120;
    /** Debug events: 30 of {@link #EVENTS} and 3 from migration 4. */
    static final int DEBUG_EVENTS = 33;

    /** The rows the DOWN scripts of {@link #loss} would destroy. */
    static void lossData(Db db) {
        db.insertRows("big", "id, payload", BIG_ROWS, i -> "(" + i + ", 'row')");
        db.insertRows("people", "id, name, note", PEOPLE, i -> "(" + i + ", 'p" + i + "', "
                + (i <= NOTES ? "'note " + i + "'" : "NULL") + ")");
        db.insertRows("events", "id, kind", EVENTS, i -> "(" + i + ", '" + (i % 4 == 0 ? "debug" : "info") + "')");
    }
}
