package dev.keel.core.source;

import java.util.Objects;
import java.util.Optional;

/**
 * One candidate DOWN for a version: a DOWN file or the DOWN section of the UP file.
 *
 * @param script  relative name of the file it is in, as recorded
 * @param label   how to name it in messages
 * @param shown   the file as shown to the user
 * @param line    where it starts (the DOWN marker line, or 0 for a whole file)
 * @param variant whether it is meant for the target dialect only
 * @param part    its text, or empty when the file could not be read (its problems are reported already)
 */
record DownSource(String script, String label, String shown, int line, boolean variant, Optional<ScriptPart> part) {

    DownSource {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(part, "part");
    }
}
