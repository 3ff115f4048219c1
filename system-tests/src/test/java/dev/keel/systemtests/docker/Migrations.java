package dev.keel.systemtests.docker;

/** The migrations the docker tests apply (MariaDB: every DDL statement commits by itself). */
final class Migrations {

    private Migrations() {
    }

    static final String V1 = "V1__customers.sql";
    static final String V1_SQL = """
            -- Description: customers, with a few rows
            CREATE TABLE customers (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, city VARCHAR(100));
            INSERT INTO customers (id, name, city) VALUES (1, 'Ada', 'London'), (2, 'Grace', 'Arlington'), (3, 'Edsger', 'Austin');
            """;

    static final String V2 = "V2__orders.sql";
    static final String V2_SQL = """
            -- Description: orders; moves customer 1
            CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY, customer_id BIGINT NOT NULL, total DECIMAL(10,2) NOT NULL);
            INSERT INTO orders (id, customer_id, total) VALUES (10, 1, 99.50), (11, 2, 12.00), (12, 1, 250.00);
            UPDATE customers SET city = 'Cambridge' WHERE id = 1;
            """;

    static final String V3 = "V3__invoices.sql";
    /** Four DDL statements; the third names a column that does not exist, after two were committed. */
    static final String V3_FAILING = """
            -- Description: invoices; the third statement fails
            CREATE TABLE invoices (id BIGINT NOT NULL PRIMARY KEY, order_id BIGINT NOT NULL, amount DECIMAL(10,2) NOT NULL);
            CREATE INDEX customers_city_ix ON customers (city);
            CREATE INDEX invoices_order_ix ON invoices (order_no);
            CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 50;
            """;
}
