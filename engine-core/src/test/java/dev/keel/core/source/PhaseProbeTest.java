package dev.keel.core.source;

import dev.keel.spi.Problem;
import dev.keel.spi.migration.Checksum;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseProbeTest {
    @Test
    void probe() {
        MemorySource source = new MemorySource();
        String body = "-- Migration: %d\n-- Author: test\n-- === UP MIGRATION ===\n"
                + "-- keel:allow PG101 test data only\nCREATE TABLE t%d(id INT, name TEXT);\n"
                + "INSERT INTO t%d VALUES (1, 'a -- b');\n-- === DOWN MIGRATION ===\nDROP TABLE t%d;\n";
        for (int i = 1; i <= 10_000; i++) {
            source.file(String.format("%014d_create_table_%d.sql", 20250000000000L + i, i), String.format(body, i, i, i, i));
        }
        ScriptNameParser names = new ScriptNameParser(new DialectNames(ReaderSettings.defaults("postgres").dialectAliases()));
        ScriptFileParser files = new ScriptFileParser(1 << 20);
        for (int run = 0; run < 25; run++) {
            List<Problem> problems = new ArrayList<>();
            long t0 = System.nanoTime();
            List<NamedFile> named = new ArrayList<>();
            for (var f : source.files()) names.parse(f, problems).ifPresent(n -> named.add(new NamedFile(n, f)));
            long t1 = System.nanoTime();
            List<byte[]> raw = new ArrayList<>();
            for (NamedFile n : named) raw.add(n.file().read());
            long t2 = System.nanoTime();
            List<String> texts = new ArrayList<>();
            Utf8Decoder d = new Utf8Decoder();
            for (byte[] b : raw) texts.add(d.decode(b, "x", problems).orElseThrow());
            long t3 = System.nanoTime();
            for (String t : texts) CommentLines.scan(t);
            long t4 = System.nanoTime();
            for (String t : texts) Checksum.of(t);
            long t5 = System.nanoTime();
            for (NamedFile n : named) files.parse(n, problems);
            long t6 = System.nanoTime();
            System.out.printf("names %d read %d decode %d lines %d sha %d parse %d%n", (t1-t0)/1000000, (t2-t1)/1000000,
                (t3-t2)/1000000, (t4-t3)/1000000, (t5-t4)/1000000, (t6-t5)/1000000);
        }
    }
}
