package dev.keel.cli;

import dev.keel.bootstrap.KeelVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code keel --version}: cheap on purpose, it loads no engine classes but the version holder. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"keel " + KeelVersion.current()};
    }
}
