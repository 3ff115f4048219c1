package dev.keel.bench.lint;

import java.nio.file.Path;

/**
 * Writes the generated corpus as migration files for timing whole {@code keel lint} runs:
 * {@code WriteCorpus DIR STATEMENTS_PER_DIALECT} creates {@code DIR/postgres}, {@code DIR/mysql}, {@code DIR/sqlite}.
 */
public final class WriteCorpus {

    private WriteCorpus() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: WriteCorpus DIR STATEMENTS_PER_DIALECT");
            System.exit(2);
        }
        Corpus corpus = new CorpusGenerator().generate(Integer.parseInt(args[1]));
        corpus.writeTo(Path.of(args[0])).forEach((dialect, files) ->
                System.out.println(dialect + ": " + files.size() + " files, " + corpus.statements(dialect).size() + " statements"));
    }
}
