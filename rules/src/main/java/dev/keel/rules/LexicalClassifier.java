package dev.keel.rules;

import dev.keel.spi.rule.Clause;
import dev.keel.spi.rule.SqlObject;
import dev.keel.spi.rule.StatementKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Classifies a statement from its tokens alone: the fallback for statements JSqlParser rejects (vendor syntax),
 * and the source of clause flags for all statements. Never throws; what it cannot recognise is {@link
 * StatementKind#OTHER}, which the risk baseline treats as medium risk rather than passing it silently.
 */
public final class LexicalClassifier {

    /** What the tokens say: kind, objects touched (main target first) and clauses. */
    public record Classification(StatementKind kind, List<SqlObject> objects, Set<Clause> clauses) {
    }

    private LexicalClassifier() {
    }

    /** Classifies the tokens of one statement. */
    public static Classification classify(SqlTokens t) {
        List<SqlObject> objects = new ArrayList<>();
        StatementKind kind = kind(t, objects);
        return new Classification(kind, objects, clauses(t, kind));
    }

    private static StatementKind kind(SqlTokens t, List<SqlObject> objects) {
        String first = t.word(0);
        switch (first) {
            case "CREATE":
                return create(t, objects);
            case "ALTER":
                return alter(t, objects);
            case "DROP":
                return drop(t, objects);
            case "RENAME": {
                int i = t.matches(1, "TABLE") ? 2 : 1;
                addName(t, i, SqlObject.Type.TABLE, objects);
                int to = t.indexOf(i, "TO");
                if (to > 0) {
                    addName(t, to + 1, SqlObject.Type.TABLE, objects);
                }
                return StatementKind.RENAME_TABLE;
            }
            case "TRUNCATE": {
                int i = skip(t, 1, "TABLE", "ONLY");
                for (SqlTokens part : t.from(i).splitTopLevel()) {
                    addName(part, 0, SqlObject.Type.TABLE, objects);
                }
                return StatementKind.TRUNCATE;
            }
            case "INSERT":
            case "REPLACE": {
                int into = t.indexOf(1, "INTO");
                addName(t, into > 0 ? into + 1 : skipWords(t, 1, "IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "OR",
                        "ABORT", "FAIL", "ROLLBACK"), SqlObject.Type.TABLE, objects);
                return StatementKind.INSERT;
            }
            case "UPDATE": {
                int i = skipWords(t, 1, "ONLY", "LOW_PRIORITY", "IGNORE", "OR", "REPLACE", "ABORT", "FAIL", "ROLLBACK");
                addName(t, i, SqlObject.Type.TABLE, objects);
                return StatementKind.UPDATE;
            }
            case "DELETE": {
                int from = t.indexOf(1, "FROM");
                if (from > 0) {
                    addName(t, skipWords(t, from + 1, "ONLY"), SqlObject.Type.TABLE, objects);
                }
                return StatementKind.DELETE;
            }
            case "MERGE":
                return StatementKind.MERGE;
            case "SELECT":
            case "WITH":
            case "VALUES":
            case "SHOW":
            case "EXPLAIN":
                return StatementKind.SELECT;
            case "BEGIN":
            case "START":
                return t.matches(1, "TRANSACTION") || first.equals("BEGIN") ? StatementKind.BEGIN : StatementKind.OTHER;
            case "COMMIT":
            case "END":
                return StatementKind.COMMIT;
            case "ROLLBACK":
            case "ABORT":
                return StatementKind.ROLLBACK;
            case "SET":
            case "RESET":
                return StatementKind.SET;
            case "VACUUM":
                addName(t, skipWords(t, 1, "FULL", "FREEZE", "VERBOSE", "ANALYZE"), SqlObject.Type.TABLE, objects);
                return StatementKind.VACUUM;
            case "CLUSTER":
                addName(t, skipWords(t, 1, "VERBOSE"), SqlObject.Type.TABLE, objects);
                return StatementKind.CLUSTER;
            case "REINDEX": {
                int i = 1;
                if (t.get(1).is("(")) {
                    i = t.indexOf(1, ")") + 1;
                }
                SqlObject.Type type = t.word(i).equals("TABLE") ? SqlObject.Type.TABLE : SqlObject.Type.INDEX;
                addName(t, skipWords(t, i + 1, "CONCURRENTLY"), type, objects);
                return StatementKind.REINDEX;
            }
            case "ANALYZE":
                return StatementKind.ANALYZE;
            case "OPTIMIZE": // MySQL: rebuilds the table
                addName(t, skipWords(t, 1, "NO_WRITE_TO_BINLOG", "LOCAL", "TABLE"), SqlObject.Type.TABLE, objects);
                return StatementKind.VACUUM;
            case "PRAGMA":
                return StatementKind.PRAGMA;
            case "GRANT":
            case "REVOKE":
                return StatementKind.GRANT;
            case "COMMENT":
                return StatementKind.COMMENT;
            default:
                return StatementKind.OTHER;
        }
    }

    private static StatementKind create(SqlTokens t, List<SqlObject> objects) {
        int i = skipWords(t, 1, "OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL", "UNIQUE",
                "MATERIALIZED", "RECURSIVE", "CONSTRAINT", "AGGREGATE", "TRUSTED", "PROCEDURAL", "ONLINE", "OFFLINE",
                "FULLTEXT", "SPATIAL", "VIRTUAL");
        if (t.word(i).equals("DEFINER")) { // MySQL: CREATE DEFINER = user PROCEDURE …
            i += 2;
            while (i < t.size() && !isCreatable(t.word(i))) {
                i++;
            }
        }
        String what = t.word(i);
        int name = skipIfNotExists(t, i + 1);
        switch (what) {
            case "TABLE":
                addName(t, name, SqlObject.Type.TABLE, objects);
                return StatementKind.CREATE_TABLE;
            case "INDEX": {
                int n = skipIfNotExists(t, skipWords(t, i + 1, "CONCURRENTLY"));
                int on = t.indexOf(i + 1, "ON");
                if (n != on) {
                    addName(t, n, SqlObject.Type.INDEX, objects);
                }
                if (on > 0) {
                    int tableAt = skipWords(t, on + 1, "ONLY");
                    addName(t, tableAt, SqlObject.Type.TABLE, objects);
                    objects.add(0, objects.remove(objects.size() - 1)); // the table first
                }
                return StatementKind.CREATE_INDEX;
            }
            case "VIEW":
                addName(t, name, SqlObject.Type.VIEW, objects);
                return StatementKind.CREATE_VIEW;
            case "FUNCTION":
            case "PROCEDURE":
                addName(t, name, SqlObject.Type.ROUTINE, objects);
                return StatementKind.CREATE_ROUTINE;
            case "TRIGGER":
            case "EVENT":
            case "RULE":
                addName(t, name, SqlObject.Type.OTHER, objects);
                int on = t.indexOf(i + 1, "ON");
                if (on > 0) {
                    addName(t, on + 1, SqlObject.Type.TABLE, objects);
                }
                return StatementKind.CREATE_TRIGGER;
            case "SEQUENCE":
                addName(t, name, SqlObject.Type.SEQUENCE, objects);
                return StatementKind.CREATE_SEQUENCE;
            case "SCHEMA":
                addName(t, name, SqlObject.Type.SCHEMA, objects);
                return StatementKind.CREATE_SCHEMA;
            case "DATABASE":
                addName(t, name, SqlObject.Type.SCHEMA, objects);
                return StatementKind.CREATE_DATABASE;
            case "TYPE":
                addName(t, name, SqlObject.Type.TYPE, objects);
                return StatementKind.CREATE_TYPE;
            case "DOMAIN":
                addName(t, name, SqlObject.Type.TYPE, objects);
                return StatementKind.CREATE_DOMAIN;
            default:
                return StatementKind.OTHER;
        }
    }

    private static boolean isCreatable(String w) {
        return switch (w) {
            case "PROCEDURE", "FUNCTION", "TRIGGER", "EVENT", "VIEW" -> true;
            default -> false;
        };
    }

    private static StatementKind alter(SqlTokens t, List<SqlObject> objects) {
        String what = t.word(1);
        switch (what) {
            case "TABLE": {
                int i = skipWords(t, skipIfExists(t, 2), "ONLY");
                SqlTokens.Name name = t.nameAt(i).orElse(null);
                if (name == null) {
                    return StatementKind.ALTER_TABLE;
                }
                objects.add(SqlObject.table(name.text()));
                int at = name.next();
                if (t.get(at).is("*")) {
                    at++;
                }
                if (t.matches(at, "RENAME", "TO") || t.matches(at, "RENAME", "AS")) {
                    addName(t, at + 2, SqlObject.Type.TABLE, objects);
                    return StatementKind.RENAME_TABLE;
                }
                for (SqlTokens action : t.from(at).splitTopLevel()) {
                    actionObjects(action, objects);
                }
                return StatementKind.ALTER_TABLE;
            }
            case "SCHEMA":
            case "DATABASE":
                addName(t, 2, SqlObject.Type.SCHEMA, objects);
                return what.equals("SCHEMA") ? StatementKind.ALTER_SCHEMA : StatementKind.OTHER;
            case "TYPE":
                addName(t, 2, SqlObject.Type.TYPE, objects);
                return StatementKind.ALTER_TYPE;
            case "DOMAIN":
                addName(t, 2, SqlObject.Type.TYPE, objects);
                return StatementKind.ALTER_DOMAIN;
            default:
                return StatementKind.OTHER;
        }
    }

    /** Columns and constraints named by one {@code ALTER TABLE} action. */
    static void actionObjects(SqlTokens a, List<SqlObject> objects) {
        String verb = a.word(0);
        int i = 1;
        switch (verb) {
            case "ADD":
                if (a.matches(1, "CONSTRAINT")) {
                    addName(a, 2, SqlObject.Type.CONSTRAINT, objects);
                } else if (!isConstraintWord(a.word(1))) {
                    addName(a, skipIfNotExists(a, skipWords(a, 1, "COLUMN")), SqlObject.Type.COLUMN, objects);
                }
                break;
            case "DROP":
                if (a.matches(1, "CONSTRAINT") || a.matches(1, "FOREIGN", "KEY")) {
                    addName(a, skipIfExists(a, a.matches(1, "CONSTRAINT") ? 2 : 3), SqlObject.Type.CONSTRAINT, objects);
                } else if (a.matches(1, "INDEX") || a.matches(1, "KEY")) {
                    addName(a, skipIfExists(a, 2), SqlObject.Type.INDEX, objects);
                } else if (!a.matches(1, "PRIMARY") && !a.matches(1, "PARTITION") && !a.matches(1, "CHECK")
                        && !a.matches(1, "DEFAULT")) {
                    addName(a, skipIfExists(a, skipWords(a, 1, "COLUMN")), SqlObject.Type.COLUMN, objects);
                }
                break;
            case "ALTER":
            case "MODIFY":
            case "CHANGE":
                i = skipWords(a, 1, "COLUMN");
                addName(a, skipIfExists(a, i), SqlObject.Type.COLUMN, objects);
                if (verb.equals("CHANGE")) {
                    a.nameAt(skipIfExists(a, i)).ifPresent(n -> addName(a, n.next(), SqlObject.Type.COLUMN, objects));
                }
                break;
            case "RENAME":
                if (a.matches(1, "CONSTRAINT")) {
                    addName(a, 2, SqlObject.Type.CONSTRAINT, objects);
                } else if (!a.matches(1, "TO") && !a.matches(1, "AS") && !a.matches(1, "INDEX") && !a.matches(1, "KEY")) {
                    i = skipWords(a, 1, "COLUMN");
                    addName(a, i, SqlObject.Type.COLUMN, objects);
                    int to = a.indexOf(i, "TO");
                    if (to > 0) {
                        addName(a, to + 1, SqlObject.Type.COLUMN, objects);
                    }
                }
                break;
            case "VALIDATE":
                addName(a, 2, SqlObject.Type.CONSTRAINT, objects);
                break;
            default:
                break;
        }
    }

    static boolean isConstraintWord(String w) {
        return switch (w) {
            case "CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE", "INDEX", "KEY", "FULLTEXT", "SPATIAL",
                 "PARTITION" -> true;
            default -> false;
        };
    }

    private static StatementKind drop(SqlTokens t, List<SqlObject> objects) {
        int i = skipWords(t, 1, "TEMPORARY", "MATERIALIZED");
        String what = t.word(i);
        int name = skipIfExists(t, skipWords(t, i + 1, "CONCURRENTLY"));
        List<SqlTokens> names = t.from(name).splitTopLevel();
        switch (what) {
            case "TABLE":
                names.forEach(n -> addName(n, 0, SqlObject.Type.TABLE, objects));
                return StatementKind.DROP_TABLE;
            case "INDEX": {
                names.forEach(n -> addName(n, 0, SqlObject.Type.INDEX, objects));
                int on = t.indexOf(name, "ON");
                if (on > 0) {
                    addName(t, on + 1, SqlObject.Type.TABLE, objects);
                }
                return StatementKind.DROP_INDEX;
            }
            case "SCHEMA":
                names.forEach(n -> addName(n, 0, SqlObject.Type.SCHEMA, objects));
                return StatementKind.DROP_SCHEMA;
            case "DATABASE":
                addName(t, name, SqlObject.Type.SCHEMA, objects);
                return StatementKind.DROP_DATABASE;
            case "VIEW":
                names.forEach(n -> addName(n, 0, SqlObject.Type.VIEW, objects));
                return StatementKind.DROP_OTHER;
            case "FUNCTION":
            case "PROCEDURE":
                addName(t, name, SqlObject.Type.ROUTINE, objects);
                return StatementKind.DROP_OTHER;
            case "TYPE":
            case "DOMAIN":
                addName(t, name, SqlObject.Type.TYPE, objects);
                return StatementKind.DROP_OTHER;
            case "SEQUENCE":
                addName(t, name, SqlObject.Type.SEQUENCE, objects);
                return StatementKind.DROP_OTHER;
            case "":
                return StatementKind.OTHER;
            default:
                addName(t, name, SqlObject.Type.OTHER, objects);
                return StatementKind.DROP_OTHER;
        }
    }

    private static Set<Clause> clauses(SqlTokens t, StatementKind kind) {
        Set<Clause> c = EnumSet.noneOf(Clause.class);
        if (t.containsTopLevel("WHERE")) {
            c.add(Clause.WHERE);
        }
        if (t.contains("IF", "EXISTS")) {
            c.add(Clause.IF_EXISTS);
        }
        if (t.contains("IF", "NOT", "EXISTS")) {
            c.add(Clause.IF_NOT_EXISTS);
        }
        if (t.containsTopLevel("CONCURRENTLY")) {
            c.add(Clause.CONCURRENTLY);
        }
        for (int i = t.indexOfTopLevel(0, "CASCADE"); i >= 0; i = t.indexOfTopLevel(i + 1, "CASCADE")) {
            if (!t.get(i - 1).is("DELETE") && !t.get(i - 1).is("UPDATE")) {
                c.add(Clause.CASCADE);
            }
        }
        if ((kind == StatementKind.UPDATE || kind == StatementKind.DELETE) && t.containsTopLevel("LIMIT")) {
            c.add(Clause.LIMIT);
        }
        if ((kind == StatementKind.UPDATE || kind == StatementKind.DELETE) && t.containsTopLevel("ORDER", "BY")) {
            c.add(Clause.ORDER_BY);
        }
        if (kind == StatementKind.INSERT) {
            int into = t.indexOf(0, "INTO");
            t.nameAt(into >= 0 ? into + 1 : 1).ifPresent(n -> {
                if (t.get(n.next()).is("(")) {
                    c.add(Clause.COLUMN_LIST);
                }
            });
            if (t.containsTopLevel("SET")) { // MySQL INSERT … SET col = …
                c.add(Clause.COLUMN_LIST);
            }
        }
        if (kind == StatementKind.CREATE_INDEX && t.matches(1, "UNIQUE")) {
            c.add(Clause.UNIQUE);
        }
        if (t.matches(1, "OR", "REPLACE")) {
            c.add(Clause.OR_REPLACE);
        }
        return c;
    }

    static void addName(SqlTokens t, int i, SqlObject.Type type, List<SqlObject> objects) {
        t.nameAt(i).ifPresent(n -> objects.add(new SqlObject(type, n.text())));
    }

    private static int skip(SqlTokens t, int i, String... words) {
        return skipWords(t, i, words);
    }

    static int skipWords(SqlTokens t, int i, String... words) {
        int j = i;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (String w : words) {
                if (t.get(j).is(w)) {
                    j++;
                    moved = true;
                }
            }
        }
        return j;
    }

    static int skipIfExists(SqlTokens t, int i) {
        return t.matches(i, "IF", "EXISTS") ? i + 2 : i;
    }

    static int skipIfNotExists(SqlTokens t, int i) {
        return t.matches(i, "IF", "NOT", "EXISTS") ? i + 3 : i;
    }
}
