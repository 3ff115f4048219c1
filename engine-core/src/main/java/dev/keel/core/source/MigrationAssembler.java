package dev.keel.core.source;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.migration.DownScript;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Pairs the files of each version into one {@link MigrationScript}, reporting versions with two UP files,
 * two DOWNs, or a DOWN without an UP. Two files of one version are always an error, never a silent pick:
 * which one would win depends on listing order, and history would then disagree between machines.
 */
final class MigrationAssembler {

    private final String target;

    MigrationAssembler(String target) {
        this.target = target;
    }

    /**
     * The migrations of the selected files, sorted by version.
     *
     * @param selected the files that apply to the target, in a stable order
     * @param read     the files read without problems (missing ones have reported theirs)
     */
    List<MigrationScript> assemble(List<NamedFile> selected, Map<NamedFile, ScriptFile> read, List<Problem> problems) {
        Map<Version, List<NamedFile>> ups = byVersion(selected, Direction.UP);
        Map<Version, List<NamedFile>> downs = byVersion(selected, Direction.DOWN);
        List<MigrationScript> migrations = new ArrayList<>(ups.size());
        for (Map.Entry<Version, List<NamedFile>> entry : ups.entrySet()) {
            List<NamedFile> files = entry.getValue();
            if (files.size() > 1) {
                problems.add(Problem.at(ErrorCode.VERSION_DUPLICATE, Location.of(files.get(0).shown()),
                        "Version " + entry.getKey() + " is used by more than one migration file: " + names(files) + ".",
                        "give each migration its own version: renumber the file that is not applied yet."));
                continue;
            }
            NamedFile upFile = files.get(0);
            Optional<ScriptFile> up = Optional.ofNullable(read.get(upFile));
            List<DownSource> candidates = downSources(upFile, up, downs.getOrDefault(entry.getKey(), List.of()), read);
            if (candidates.size() > 1) {
                DownSource first = candidates.get(0);
                problems.add(Problem.at(ErrorCode.DOWN_DUPLICATE, Location.of(first.shown(), first.line()),
                        "Version " + entry.getKey() + " has more than one DOWN migration: "
                                + candidates.stream().map(DownSource::label).collect(Collectors.joining(", ")) + ".",
                        "keep one DOWN per version: delete the extra file or the DOWN section."));
                continue;
            }
            if (up.isEmpty() || candidates.stream().anyMatch(c -> c.part().isEmpty())) {
                continue; // the unreadable file has reported its problems
            }
            build(up.get(), candidates.stream().findFirst(), problems).ifPresent(migrations::add);
        }
        for (Map.Entry<Version, List<NamedFile>> entry : downs.entrySet()) {
            if (!ups.containsKey(entry.getKey())) {
                for (NamedFile file : entry.getValue()) {
                    problems.add(Problem.at(ErrorCode.DOWN_WITHOUT_UP, Location.of(file.shown()),
                            "The DOWN file " + file.shown() + " is for version " + entry.getKey()
                                    + ", which has no UP migration (for the " + target + " dialect).",
                            "add the UP migration of version " + entry.getKey()
                                    + ", correct the version in the file name, or delete the file."));
                }
            }
        }
        migrations.sort(Comparator.comparing(MigrationScript::version));
        return migrations;
    }

    /**
     * The DOWN candidates of one version: its DOWN files and the UP file's DOWN section. A section holding
     * only comments is no DOWN (a fresh {@code keel new} file has an empty one). Target-dialect candidates
     * replace generic ones, so a generic file's DOWN section gives way to a {@code .sqlite.down.sql}.
     */
    private static List<DownSource> downSources(
            NamedFile upFile, Optional<ScriptFile> up, List<NamedFile> downFiles, Map<NamedFile, ScriptFile> read) {
        List<DownSource> candidates = new ArrayList<>(2);
        up.flatMap(ScriptFile::down).filter(section -> !section.noOp()).ifPresent(section -> candidates.add(
                new DownSource(upFile.name().relativeName(),
                        "the DOWN section of " + upFile.shown() + " (line " + (section.firstLine() - 1) + ")",
                        upFile.shown(), section.firstLine() - 1, upFile.name().isVariant(), Optional.of(section))));
        for (NamedFile file : downFiles) {
            Optional<ScriptPart> part = Optional.ofNullable(read.get(file)).flatMap(ScriptFile::down);
            candidates.add(new DownSource(file.name().relativeName(), file.shown(), file.shown(), 0,
                    file.name().isVariant(), part));
        }
        if (candidates.stream().anyMatch(DownSource::variant)) {
            candidates.removeIf(c -> !c.variant());
        }
        return candidates;
    }

    private static Optional<MigrationScript> build(ScriptFile file, Optional<DownSource> downSource, List<Problem> problems) {
        ScriptPart up = file.up().orElseThrow();
        ScriptName name = file.named().name();
        String shown = file.named().shown();
        // A DOWN file holding only comments undoes nothing; treating it as a DOWN would make a rollback
        // "succeed" without changing the schema, so it counts as no DOWN.
        Optional<DownScript> down = downSource
                .filter(source -> !source.part().orElseThrow().noOp())
                .map(source -> {
                    ScriptPart part = source.part().orElseThrow();
                    return new DownScript(source.script(), part.sql(), part.checksum(), part.firstLine(),
                            part.transactionMode());
                });
        if (up.irreversibleReason().isPresent() && down.isPresent()) {
            problems.add(Problem.at(ErrorCode.DIRECTIVE_INVALID, Location.of(shown),
                    "The migration file " + shown + " says -- keel:irreversible but has a DOWN migration ("
                            + downSource.orElseThrow().label() + ").",
                    "remove either the -- keel:irreversible line or the DOWN migration."));
            return Optional.empty();
        }
        return Optional.of(new MigrationScript(name.version(), name.description(), name.relativeName(), shown,
                up.sql(), up.firstLine(), up.checksum(), down, up.transactionMode(), up.allowances(),
                up.invalidAllowances(), up.irreversibleReason(), up.metadata(), up.noOp()));
    }

    private static Map<Version, List<NamedFile>> byVersion(List<NamedFile> files, Direction direction) {
        Map<Version, List<NamedFile>> groups = new LinkedHashMap<>();
        for (NamedFile file : files) {
            if (file.name().direction() == direction) {
                groups.computeIfAbsent(file.name().version(), v -> new ArrayList<>(1)).add(file);
            }
        }
        return groups;
    }

    private static String names(List<NamedFile> files) {
        return files.stream().map(NamedFile::shown).collect(Collectors.joining(", "));
    }
}
