package dev.keel.rules;

import java.util.Set;

/**
 * Vendor statements JSqlParser 5.3 is known to reject, told from their tokens: {@link StatementParser} never hands
 * them to JSqlParser (a rejection costs a failed simple parse and a failed complex one) and marks their view as the
 * lexical fallback's. Every shape here was checked against JSqlParser 5.3, and {@code LexicalFastPathTest} checks that
 * JSqlParser rejects every statement of the labelled sets, the unparseable list, the rule examples, the dialects'
 * real-world migrations and the benchmark corpus that this class matches. A shape JSqlParser accepts even once
 * (e.g. {@code CREATE INDEX CONCURRENTLY ON t}, without a name) is left to the parser.
 */
final class JsqlRejectedSyntax {

    /** First words of statements JSqlParser has no production for at all. */
    private static final Set<String> UNKNOWN_STATEMENTS = Set.of("VACUUM", "PRAGMA", "DO", "COPY", "LOCK", "UNLOCK",
            "CLUSTER", "REINDEX", "OPTIMIZE", "ATTACH", "DETACH", "FLUSH", "HANDLER", "XA", "INSTALL", "UNINSTALL",
            "CHECKSUM", "CHECK", "REPAIR", "SECURITY", "RELEASE", "REVOKE", "ABORT", "END", "LISTEN", "NOTIFY",
            "DISCARD", "CHECKPOINT", "REASSIGN", "DEALLOCATE", "PREPARE", "IMPORT", "DELIMITER");
    /** Objects JSqlParser cannot create (the word after {@code CREATE [OR REPLACE] [TEMP]}). */
    private static final Set<String> UNKNOWN_CREATE = Set.of("TRIGGER", "TYPE", "DOMAIN", "EXTENSION", "ROLE", "USER",
            "GROUP", "POLICY", "DATABASE", "RULE", "PUBLICATION", "SUBSCRIPTION", "SERVER", "AGGREGATE", "CAST",
            "COLLATION", "CONVERSION", "OPERATOR", "TABLESPACE", "STATISTICS", "EVENT", "LANGUAGE", "TRANSFORM",
            "DEFINER", "ALGORITHM", "SQL", "CONSTRAINT", "TRUSTED");
    /** Objects JSqlParser cannot alter (the word after {@code ALTER}). */
    private static final Set<String> UNKNOWN_ALTER = Set.of("TYPE", "DOMAIN", "INDEX", "TRIGGER", "DATABASE", "ROLE",
            "USER", "GROUP", "EXTENSION", "FUNCTION", "PROCEDURE", "MATERIALIZED", "EVENT", "SCHEMA", "POLICY",
            "PUBLICATION", "SUBSCRIPTION", "DEFAULT", "OPERATOR", "AGGREGATE", "TABLESPACE", "SERVER", "LANGUAGE",
            "COLLATION", "CONVERSION", "STATISTICS", "RULE", "FOREIGN");
    /** Objects JSqlParser cannot drop (the word after {@code DROP}). */
    private static final Set<String> UNKNOWN_DROP = Set.of("DATABASE", "TRIGGER", "TYPE", "DOMAIN", "PROCEDURE",
            "AGGREGATE", "USER");
    /** Words after {@code BEGIN} that make it a transaction start, which JSqlParser rejects (a block it accepts). */
    private static final Set<String> BEGIN_TRANSACTION = Set.of("TRANSACTION", "WORK", "READ", "ISOLATION", "NOT",
            "DEFERRABLE", "IMMEDIATE", "DEFERRED", "EXCLUSIVE");

    private JsqlRejectedSyntax() {
    }

    /** Whether JSqlParser 5.3 rejects the statement with these tokens. */
    static boolean matches(SqlTokens t) {
        if (t.isEmpty()) {
            return true; // comments only: JSqlParser finds no statement
        }
        String first = t.word(0);
        if (UNKNOWN_STATEMENTS.contains(first)) {
            return true;
        }
        return switch (first) {
            case "BEGIN" -> t.size() == 1 || BEGIN_TRANSACTION.contains(t.word(1));
            case "START" -> t.matches(1, "TRANSACTION");
            case "ANALYZE" -> t.size() == 1 || t.get(1).is("(") || t.word(1).equals("TABLE") || t.word(1).equals("VERBOSE")
                    || t.word(1).equals("LOCAL") || t.word(1).equals("NO_WRITE_TO_BINLOG");
            case "SET" -> set(t);
            case "CREATE" -> create(t);
            case "ALTER" -> alter(t);
            case "DROP" -> UNKNOWN_DROP.contains(t.word(LexicalClassifier.skipWords(t, 1, "TEMPORARY")))
                    || t.matches(1, "INDEX", "CONCURRENTLY", "IF", "EXISTS");
            default -> false;
        };
    }

    /** {@code SET name TO value}, {@code SET TRANSACTION …}, {@code SET CONSTRAINTS …}: only {@code SET name = value} parses. */
    private static boolean set(SqlTokens t) {
        if (t.matches(1, "TRANSACTION") || t.matches(1, "CONSTRAINTS")) {
            return true;
        }
        int at = LexicalClassifier.skipWords(t, 1, "SESSION", "LOCAL");
        return t.nameAt(at).map(n -> t.get(n.next()).is("TO")).orElse(false);
    }

    private static boolean create(SqlTokens t) {
        int i = LexicalClassifier.skipWords(t, 1, "OR", "REPLACE");
        int what = LexicalClassifier.skipWords(t, i, "TEMP", "TEMPORARY");
        String word = t.word(what);
        if (UNKNOWN_CREATE.contains(word)) {
            // JSqlParser reads "CREATE <words…> TABLE" as CREATE TABLE (e.g. CREATE ACCESS METHOD m TYPE TABLE …)
            return !leadingWordsReach(t, "TABLE");
        }
        int index = LexicalClassifier.skipWords(t, i, "UNIQUE");
        if (t.word(i).equals("SPATIAL") || t.word(i).equals("FULLTEXT")) {
            return t.matches(i + 1, "INDEX");
        }
        if (t.matches(index, "INDEX")) {
            if (t.matches(index + 1, "CONCURRENTLY")) {
                return !t.get(index + 2).is("ON"); // a named concurrent index; the nameless one parses
            }
            return t.get(LexicalClassifier.skipIfNotExists(t, index + 1)).is("ON"); // a nameless plain index
        }
        if (word.equals("VIEW")) {
            return t.matches(what + 1, "IF", "NOT", "EXISTS");
        }
        if (word.equals("TABLE")) {
            return sqliteOrMysqlTableOption(t);
        }
        return false;
    }

    /** SQLite's {@code WITHOUT ROWID} and {@code STRICT} after the column list; MySQL's {@code KEY_BLOCK_SIZE}. */
    private static boolean sqliteOrMysqlTableOption(SqlTokens t) {
        if (t.contains("KEY_BLOCK_SIZE")) {
            return true;
        }
        int open = t.indexOf(0, "(");
        if (open < 0 || t.indexOfTopLevel(0, "AS") >= 0 && t.indexOfTopLevel(0, "AS") < open) {
            return false;
        }
        SqlTokens options = t.from(t.closing(open) + 1);
        return options.contains("WITHOUT", "ROWID") || options.contains("STRICT");
    }

    private static boolean alter(SqlTokens t) {
        if (UNKNOWN_ALTER.contains(t.word(1))) {
            return true;
        }
        if (!t.matches(1, "TABLE")) {
            return false;
        }
        return t.containsTopLevel("NOT", "VALID") || t.containsTopLevel("SET", "DATA", "TYPE")
                || t.containsTopLevel("UNIQUE", "USING", "INDEX") || t.containsTopLevel("KEY", "USING", "INDEX")
                || addsExclusionConstraint(t) || t.containsTopLevel("DROP", "FOREIGN", "KEY");
    }

    /** {@code ADD [CONSTRAINT name] EXCLUDE …} (a column may be called {@code exclude}). */
    private static boolean addsExclusionConstraint(SqlTokens t) {
        for (int e = t.indexOfTopLevel(0, "EXCLUDE"); e >= 0; e = t.indexOfTopLevel(e + 1, "EXCLUDE")) {
            if (t.get(e - 1).is("ADD") || t.get(e - 2).is("CONSTRAINT")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the bare words right after the first one reach {@code word} before any other token. */
    private static boolean leadingWordsReach(SqlTokens t, String word) {
        for (int i = 1; i < t.size() && t.get(i).type() == SqlTokens.Type.WORD; i++) {
            if (t.get(i).is(word)) {
                return true;
            }
        }
        return false;
    }
}
