package dev.keel.snapshot.filecopy;

import static dev.keel.snapshot.filecopy.MaintenanceSession.quote;

import dev.keel.spi.session.Row;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What belongs to a PostgreSQL database as an object rather than to its contents, and so is not copied by
 * {@code CREATE DATABASE … TEMPLATE}: privileges on the database, its settings ({@code ALTER DATABASE … SET},
 * {@code ALTER ROLE … IN DATABASE … SET}) and its comment. Read from the live database and given to its copy, so
 * that a restore (which drops the live database and renames the copy) keeps them as they were when the snapshot was
 * taken. (Owner and connection limit are given in the {@code CREATE DATABASE} itself.)
 *
 * @param comment  {@code COMMENT ON DATABASE}, if any
 * @param grants   the privileges, or empty when the database has the default ones (no {@code datacl})
 * @param settings the settings, database-wide ({@code role} empty) or for one role in it
 */
record DatabaseAttributes(Optional<String> comment, Optional<List<Grant>> grants, List<Setting> settings) {

    private static final Set<String> PRIVILEGES = Set.of("CREATE", "TEMPORARY", "CONNECT");

    DatabaseAttributes {
        grants = grants.map(List::copyOf);
        settings = List.copyOf(settings);
    }

    /**
     * One privilege on the database.
     *
     * @param grantee   the role, or empty for {@code PUBLIC}
     * @param privilege {@code CREATE}, {@code TEMPORARY} or {@code CONNECT}
     * @param grantable whether it was given {@code WITH GRANT OPTION}
     */
    record Grant(Optional<String> grantee, String privilege, boolean grantable) {
    }

    /**
     * One setting kept with the database.
     *
     * @param role  the role it applies to, or empty for everyone
     * @param name  the parameter
     * @param value its value as the server stored it
     */
    record Setting(Optional<String> role, String name, String value) {
    }

    /** Reads them from a database of the server. */
    static DatabaseAttributes read(MaintenanceSession session, String database) throws SQLException {
        Optional<Row> row = session.one("SELECT shobj_description(oid, 'pg_database') AS comment, "
                + "datacl IS NULL AS default_acl FROM pg_database WHERE datname = ?", database);
        Optional<String> comment = row.flatMap(r -> r.text("comment"));
        boolean defaultAcl = row.flatMap(r -> r.text("default_acl")).map(Boolean::parseBoolean).orElse(true);
        Optional<List<Grant>> grants = Optional.empty();
        if (!defaultAcl) {
            List<Grant> list = new ArrayList<>();
            for (Row r : session.query("SELECT CASE WHEN a.grantee = 0 THEN '' ELSE pg_get_userbyid(a.grantee) END "
                    + "AS grantee, a.privilege_type AS privilege, a.is_grantable AS grantable "
                    + "FROM pg_database d CROSS JOIN LATERAL aclexplode(d.datacl) a WHERE d.datname = ? "
                    + "ORDER BY 1, 2", database)) {
                list.add(new Grant(r.text("grantee").filter(g -> !g.isEmpty()), r.text("privilege").orElseThrow(),
                        r.text("grantable").map(Boolean::parseBoolean).orElse(false)));
            }
            grants = Optional.of(list);
        }
        List<Setting> settings = new ArrayList<>();
        for (Row r : session.query("SELECT CASE WHEN s.setrole = 0 THEN '' ELSE pg_get_userbyid(s.setrole) END AS role, "
                + "c.setting FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase "
                + "CROSS JOIN LATERAL unnest(s.setconfig) WITH ORDINALITY AS c(setting, n) WHERE d.datname = ? "
                + "ORDER BY 1, c.n", database)) {
            String setting = r.text("setting").orElse("");
            int equals = setting.indexOf('=');
            if (equals > 0) {
                settings.add(new Setting(r.text("role").filter(g -> !g.isEmpty()), setting.substring(0, equals),
                        setting.substring(equals + 1)));
            }
        }
        return new DatabaseAttributes(comment, grants, settings);
    }

    /** Gives them to another database (the fresh copy, which has the defaults: no comment, privileges or settings). */
    void applyTo(MaintenanceSession session, String database, String owner) throws SQLException {
        String target = quote(database);
        if (comment.isPresent()) {
            // format(%L) quotes the text as this server reads literals, whatever standard_conforming_strings says.
            session.execute(session.one("SELECT format('COMMENT ON DATABASE %I IS %L', ?::text, ?::text) AS sql",
                    database, comment.get()).orElseThrow().text("sql").orElseThrow());
        }
        if (grants.isPresent()) {
            session.execute("REVOKE ALL ON DATABASE " + target + " FROM PUBLIC");
            session.execute("REVOKE ALL ON DATABASE " + target + " FROM " + quote(owner));
            for (Grant grant : grants.get()) {
                if (!PRIVILEGES.contains(grant.privilege())) {
                    throw new SQLException("unexpected privilege '" + grant.privilege() + "' on the database");
                }
                session.execute("GRANT " + grant.privilege() + " ON DATABASE " + target + " TO "
                        + grant.grantee().map(MaintenanceSession::quote).orElse("PUBLIC")
                        + (grant.grantable() ? " WITH GRANT OPTION" : ""));
            }
        }
        for (Setting setting : settings) {
            // The value is set in this transaction and stored FROM CURRENT: the server parses it as it did when it
            // was first set (lists such as search_path included), with no quoting of ours in between.
            session.inTransaction(() -> {
                session.query("SELECT set_config(?, ?, true) AS value", setting.name(), setting.value());
                session.execute(setting.role().map(r -> "ALTER ROLE " + quote(r) + " IN DATABASE ").orElse("ALTER DATABASE ")
                        + target + " SET " + quote(setting.name()) + " FROM CURRENT");
            });
        }
    }
}
