package dev.keel.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class PostgresDialectTest {

    @Test
    void unquotedNamesFoldToLowerCaseLikePostgres() {
        assertEquals("\"orders\"", PostgresDialect.quotedName("Orders"));
        assertEquals("\"app\".\"orders\"", PostgresDialect.quotedName("App.ORDERS"));
    }

    @Test
    void quotedNamesStayExact() {
        assertEquals("\"Orders\"", PostgresDialect.quotedName("\"Orders\""));
        assertEquals("\"My Schema\".\"a.b\"", PostgresDialect.quotedName("\"My Schema\".\"a.b\""));
        assertEquals("\"say \"\"hi\"\"\"", PostgresDialect.quotedName("\"say \"\"hi\"\"\""));
    }

    @Test
    void anythingElseIsQuotedSoItCannotInject() {
        assertEquals("\"t; DROP TABLE x; --\"", PostgresDialect.quotedName("t; DROP TABLE x; --"));
        assertEquals("\"a\"\" OR 1=1\"", PostgresDialect.quotedName("a\" OR 1=1"));
    }

    @Test
    void lockKeyIsStableAndPerDatabase() {
        assertEquals(PostgresAdvisoryLock.keyFor("app"), PostgresAdvisoryLock.keyFor("app"));
        assertNotEquals(PostgresAdvisoryLock.keyFor("app"), PostgresAdvisoryLock.keyFor("app2"));
        // documented value: first 8 bytes of SHA-256("keel:app"), big-endian
        assertEquals(new java.math.BigInteger(1, sha256("keel:app")).shiftRight(192).longValue(),
                PostgresAdvisoryLock.keyFor("app"));
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
