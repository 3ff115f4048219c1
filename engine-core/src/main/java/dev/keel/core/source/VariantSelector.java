package dev.keel.core.source;

import dev.keel.spi.migration.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the files that apply to the target dialect: a variant for another dialect is dropped, and where a
 * version and direction has a variant for the target, the generic files of that version and direction
 * are dropped for this target. Dropped files are not read at all.
 */
final class VariantSelector {

    private final String target;

    VariantSelector(String target) {
        this.target = target;
    }

    /** The files that apply, in their given order. */
    List<NamedFile> select(List<NamedFile> files) {
        Set<Key> withVariant = new HashSet<>();
        for (NamedFile file : files) {
            if (isTargetVariant(file.name())) {
                withVariant.add(Key.of(file.name()));
            }
        }
        List<NamedFile> selected = new ArrayList<>(files.size());
        for (NamedFile file : files) {
            ScriptName name = file.name();
            boolean applies = name.isVariant() ? isTargetVariant(name) : !withVariant.contains(Key.of(name));
            if (applies) {
                selected.add(file);
            }
        }
        return selected;
    }

    boolean isTargetVariant(ScriptName name) {
        return name.dialect().filter(target::equals).isPresent();
    }

    /** Version and direction; {@link Version} equality is numeric, so 001 and 1 share a key. */
    private record Key(Version version, Direction direction) {
        static Key of(ScriptName name) {
            return new Key(name.version(), name.direction());
        }
    }
}
