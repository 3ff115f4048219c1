package dev.keel.systemtests;

/**
 * The migrations the snapshot and docker tests apply, in SQL that SQLite, PostgreSQL and MariaDB all accept unless
 * the name says otherwise. Every statement is of low or medium risk, so no run needs a confirmation in development.
 */
public final class Migrations {

    private Migrations() {
    }

    public static final String V1 = "V1__customers.sql";
    public static final String V1_SQL = """
            -- Description: customers, with a few rows
            CREATE TABLE customers (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, city VARCHAR(100));
            INSERT INTO customers (id, name, city) VALUES (1, 'Ada', 'London'), (2, 'Grace', 'Arlington'), (3, 'Edsger', 'Austin');
            """;

    /** Succeeds: a table with rows, and a change to existing rows. */
    public static final String V2 = "V2__orders.sql";
    public static final String V2_SQL = """
            -- Description: orders; moves customer 1
            CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY, customer_id BIGINT NOT NULL, total DECIMAL(10,2) NOT NULL);
            INSERT INTO orders (id, customer_id, total) VALUES (10, 1, 99.50), (11, 2, 12.00), (12, 1, 250.00);
            UPDATE customers SET city = 'Cambridge' WHERE id = 1;
            """;

    public static final String V3 = "V3__invoices.sql";

    /** Four DDL statements; the third names a column that does not exist. */
    private static final String V3_FAILING_STATEMENTS = """
            CREATE TABLE invoices (id BIGINT NOT NULL PRIMARY KEY, order_id BIGINT NOT NULL, amount DECIMAL(10,2) NOT NULL);
            CREATE INDEX customers_city_ix ON customers (city);
            CREATE INDEX invoices_order_ix ON invoices (order_no);
            CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 50;
            """;

    /** Three statements that succeed on every dialect. */
    private static final String V3_STATEMENTS = """
            CREATE TABLE invoices (id BIGINT NOT NULL PRIMARY KEY, order_id BIGINT NOT NULL, amount DECIMAL(10,2) NOT NULL);
            CREATE INDEX customers_city_ix ON customers (city);
            INSERT INTO invoices (id, order_id, amount) VALUES (100, 10, 99.50);
            """;

    private static final String NO_TRANSACTION = "-- keel:transaction none\n";

    /** The failing statements in MySQL/MariaDB, which commits each DDL statement by itself. */
    public static final String V3_MYSQL_FAILING = "-- Description: invoices; the third statement fails\n"
            + V3_FAILING_STATEMENTS;

    /** The same outside any transaction on PostgreSQL (CREATE INDEX CONCURRENTLY cannot run in one). */
    public static final String V3_POSTGRES_FAILING = NO_TRANSACTION
            + "-- Description: invoices, built without blocking writes; the third statement fails\n"
            + V3_FAILING_STATEMENTS.replace("CREATE INDEX ", "CREATE INDEX CONCURRENTLY ");

    /** The same outside any transaction on SQLite. */
    public static final String V3_SQLITE_NO_TRANSACTION_FAILING = NO_TRANSACTION
            + "-- Description: invoices, statement by statement; the third statement fails\n" + V3_FAILING_STATEMENTS;

    /** The same in a transaction (any dialect but MySQL, where DDL commits): rolled back by itself. */
    public static final String V3_TRANSACTIONAL_FAILING = V3_MYSQL_FAILING;

    /** Succeeds on every dialect. */
    public static final String V3_SQL = "-- Description: invoices\n" + V3_STATEMENTS;

    /** Succeeds on PostgreSQL and SQLite, outside a transaction. */
    public static final String V3_NO_TRANSACTION = NO_TRANSACTION + "-- Description: invoices, statement by statement\n"
            + V3_STATEMENTS;
}
