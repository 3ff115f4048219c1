package dev.keel.core.source;

import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.MigrationSource;
import dev.keel.spi.migration.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the migration files of one or more sources into {@link MigrationScript}s for one target dialect,
 * collecting every problem instead of stopping at the first (SPEC §2, §4).
 *
 * <p>For each migration, {@link MigrationScript#sql()} is everything before the DOWN marker (header and UP
 * marker included), so {@link MigrationScript#firstLine()} is always 1 and directives above the UP marker
 * count; the checksum covers that same text. A DOWN section starts on the line after its marker; a DOWN
 * file starts on line 1. Files are named only (not read) until their variant selection says they apply.
 */
public final class MigrationReader {

    private final ScriptNameParser names;
    private final VariantSelector variants;
    private final ScriptFileParser files;
    private final MigrationAssembler assembler;

    public MigrationReader(ReaderSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.names = new ScriptNameParser(new DialectNames(settings.dialectAliases()));
        this.variants = new VariantSelector(settings.targetDialect());
        this.files = new ScriptFileParser(settings.maxFileBytes());
        this.assembler = new MigrationAssembler(settings.targetDialect());
    }

    /** Reads every source; a version found in two sources is a duplicate like one found twice in one. */
    public ReadResult read(List<MigrationSource> sources) {
        List<Problem> problems = new ArrayList<>();
        List<NamedFile> named = new ArrayList<>();
        Set<String> listedNames = new HashSet<>();
        for (MigrationSource source : sources) {
            List<SourceFile> listed;
            try {
                listed = new ArrayList<>(source.files());
            } catch (KeelException e) {
                problems.addAll(e.problems());
                continue;
            }
            // Sources list in no particular order; sorting makes problems and duplicates come out the same everywhere.
            listed.sort(Comparator.comparing(SourceFile::relativeName));
            for (SourceFile file : listed) {
                listedNames.add(file.relativeName());
                names.parse(file, problems).ifPresent(name -> named.add(new NamedFile(name, file)));
            }
        }
        List<NamedFile> selected = variants.select(named);
        // Reading, decoding and checksumming are independent per file: spread them over the cores, then collect
        // in the selected order so problems come out the same on every run.
        List<Parsed> parsed = selected.parallelStream()
                .map(file -> {
                    List<Problem> own = new ArrayList<>(0);
                    return new Parsed(file, files.parse(file, own), own);
                })
                .toList();
        Map<NamedFile, ScriptFile> read = new IdentityHashMap<>();
        for (Parsed one : parsed) {
            problems.addAll(one.problems());
            one.script().ifPresent(script -> read.put(one.file(), script));
        }
        List<MigrationScript> migrations = assembler.assemble(selected, read, problems);
        for (MigrationScript migration : migrations) {
            listedNames.remove(migration.script());
            migration.down().ifPresent(down -> listedNames.remove(down.script()));
        }
        return new ReadResult(migrations, problems, listedNames);
    }

    /** One file's parse result with its own problems. */
    private record Parsed(NamedFile file, Optional<ScriptFile> script, List<Problem> problems) {
    }
}
