package dev.keel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Keel#lint} keeps results by script checksum in {@code .keel/lint-cache}: an unchanged file is not linted
 * again; an edited file, or a changed rule configuration, is; a corrupt entry is ignored; {@code useCache = false}
 * neither reads nor writes.
 */
class LintCacheTest {

    @TempDir
    Path dir;

    private Path risky;
    private Path clean;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("migrations"));
        risky = write("V1__risky.sql", "DROP TABLE users;\nUPDATE accounts SET balance = 0;\n");
        clean = write("V2__clean.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY);\n");
        Files.writeString(dir.resolve("keel.yaml"), "migrations: migrations\n", StandardCharsets.UTF_8);
    }

    @Test
    void aSecondLintOfUnchangedFilesReusesEveryResult() {
        LintReport first = lint(true);
        LintReport second = lint(true);

        assertEquals(0, first.cachedFiles());
        assertEquals(2, second.cachedFiles());
        assertEquals(first.findings(), second.findings());
        assertEquals(first.risk(), second.risk());
        assertEquals(first.files().stream().map(LintReport.FileLint::statements).toList(),
                second.files().stream().map(LintReport.FileLint::statements).toList());
    }

    @Test
    void anEditedFileIsLintedAgainAndTheOthersAreNot() throws IOException {
        lint(true);
        write("V1__risky.sql", "DROP TABLE users;\n");

        LintReport again = lint(true);

        assertFalse(again.files().get(0).cached(), "the edited file is linted");
        assertTrue(again.files().get(1).cached(), "the unchanged file is reused");
        assertEquals(1, again.files().get(0).statements());
        List<String> rules = again.files().get(0).findings().stream().map(f -> f.ruleId()).toList();
        assertTrue(rules.contains("drop-table") && !rules.contains("dml-without-where"), rules::toString);
    }

    @Test
    void aChangedRuleConfigurationLintsEverythingAgain() throws IOException {
        lint(true);
        Files.writeString(dir.resolve("keel.yaml"), "migrations: migrations\nrules:\n  disable: [drop-table]\n",
                StandardCharsets.UTF_8);

        LintReport again = lint(true);

        assertEquals(0, again.cachedFiles());
        assertTrue(again.findings().stream().noneMatch(f -> f.ruleId().equals("drop-table")), again.findings()::toString);
        assertEquals(2, lint(true).cachedFiles(), "the new configuration's results are cached in turn");
    }

    @Test
    void corruptEntriesAreIgnoredAndReplaced() throws IOException {
        LintReport first = lint(true);
        for (Path entry : entries()) {
            Files.writeString(entry, "{\"format\":1,\"key\":", StandardCharsets.UTF_8);
        }

        LintReport again = lint(true);

        assertEquals(0, again.cachedFiles());
        assertEquals(first.findings(), again.findings());
        assertEquals(2, lint(true).cachedFiles(), "the entries were written anew");
    }

    @Test
    void withoutTheCacheNothingIsReadOrWritten() throws IOException {
        lint(true);
        LintReport uncached = lint(false);

        assertEquals(0, uncached.cachedFiles());
        Files.delete(dir.resolve("keel.yaml"));
        Files.writeString(dir.resolve("keel.yaml"), "migrations: migrations\nworkDirectory: other\n", StandardCharsets.UTF_8);
        lint(false);
        assertFalse(Files.exists(dir.resolve("other")), "--no-cache writes nothing");
    }

    @Test
    void theCacheIsPrivateToItsOwner() throws IOException {
        lint(true);
        Path cache = dir.resolve(".keel/lint-cache");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        List<Path> entries = entries();
        assertEquals(2, entries.size());
        for (Path entry : entries) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)));
        }
    }

    @Test
    void entriesUnusedForThirtyDaysAreSweptAndUsedOnesKept() throws IOException {
        lint(true);
        lint(true); // sweeps the new folder and leaves the marker
        List<Path> entries = entries();
        age(entries.get(0), LintCache.UNUSED_FOR.plusDays(1));
        age(entries.get(1), LintCache.UNUSED_FOR.minusDays(1));
        Path stray = Files.writeString(cacheDir().resolve("abc.123.1.tmp"), "{", StandardCharsets.UTF_8);
        age(stray, Duration.ofDays(2));
        age(cacheDir().resolve("last-swept"), LintCache.SWEEP_EVERY.plusHours(1));

        LintReport again = lint(true);

        assertEquals(1, again.cachedFiles(), "the entry unused for 31 days was deleted, the other one served");
        assertFalse(Files.exists(stray), "a killed run's temporary file is deleted");
        assertEquals(2, entries().size(), "the swept script's result is stored again");
    }

    @Test
    void theFolderIsSweptAtMostOnceADay() throws IOException {
        lint(true);
        lint(true); // the first run with a folder sweeps it and leaves the marker
        for (Path entry : entries()) {
            age(entry, LintCache.UNUSED_FOR.plusDays(1));
        }

        assertEquals(2, lint(true).cachedFiles(), "swept less than a day ago: nothing is deleted");
    }

    @Test
    void readingAnEntryMarksItUsed() throws IOException {
        lint(true);
        for (Path entry : entries()) {
            age(entry, Duration.ofDays(10));
        }

        lint(true);

        Instant recently = Instant.now().minus(Duration.ofHours(1));
        for (Path entry : entries()) {
            assertTrue(Files.getLastModifiedTime(entry).toInstant().isAfter(recently), entry::toString);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(cacheDir().resolve("last-swept"))));
    }

    private Path cacheDir() {
        return dir.resolve(".keel/lint-cache");
    }

    private static void age(Path file, Duration age) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
    }

    private LintReport lint(boolean useCache) {
        try (Keel keel = Keel.configure()
                .workingDirectory(dir)
                .configFile(dir.resolve("keel.yaml"))
                .url("jdbc:sqlite:" + dir.resolve("unused.db"))
                .pluginsDirectory(dir.resolve("no-plugins"))
                .dockerMarker(dir.resolve("no-dockerenv"))
                .environment("development")
                .build()) {
            return keel.lint(new LintRequest(List.of(risky, clean), Optional.of("postgres"), Optional.empty(), useCache));
        }
    }

    private Path write(String name, String sql) throws IOException {
        return Files.writeString(dir.resolve("migrations").resolve(name), sql, StandardCharsets.UTF_8);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(".keel/lint-cache"))) {
            return files.filter(p -> p.toString().endsWith(".json")).toList();
        }
    }
}
