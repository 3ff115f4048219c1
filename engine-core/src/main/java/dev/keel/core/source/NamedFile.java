package dev.keel.core.source;

import dev.keel.spi.migration.SourceFile;
import java.util.Objects;

/** A source file together with what its name says. */
record NamedFile(ScriptName name, SourceFile file) {

    NamedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
    }

    /** The file as shown to the user. */
    String shown() {
        return file.displayName();
    }
}
