package dev.keel.rules;

import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.TransactionMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One labelled case of {@code src/test/resources/labelled/<dialect>/*.cases}. Format: a header line
 * {@code === <hazard> | flag|pass | <rule-id> [| tx=none] [| version=<major.minor>]} followed by the migration's
 * SQL up to the next header; lines starting with {@code ##} are comments.
 */
record LabelledCase(String dialect, String file, int line, String hazard, boolean mustFlag, String ruleId,
        TransactionMode mode, Optional<ServerInfo> server, String sql) {

    static List<LabelledCase> load(Path dir, String dialect) throws IOException {
        List<LabelledCase> cases = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".cases")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                String header = null;
                int headerLine = 0;
                StringBuilder body = new StringBuilder();
                for (int i = 0; i <= lines.size(); i++) {
                    String l = i < lines.size() ? lines.get(i) : "=== end";
                    if (l.startsWith("##")) {
                        continue;
                    }
                    if (l.startsWith("===")) {
                        if (header != null) {
                            cases.add(parse(dialect, f.getFileName().toString(), headerLine, header, body.toString()));
                        }
                        header = l.substring(3).strip();
                        headerLine = i + 1;
                        body.setLength(0);
                    } else if (header != null) {
                        body.append(l).append('\n');
                    }
                }
            }
        }
        return cases;
    }

    private static LabelledCase parse(String dialect, String file, int line, String header, String sql) {
        String[] parts = header.split("\\|");
        if (parts.length < 3) {
            throw new IllegalArgumentException(file + ":" + line + ": header needs hazard | flag|pass | rule-id");
        }
        String expect = parts[1].strip();
        if (!expect.equals("flag") && !expect.equals("pass")) {
            throw new IllegalArgumentException(file + ":" + line + ": expected flag or pass, got " + expect);
        }
        TransactionMode mode = TransactionMode.TRANSACTIONAL;
        Optional<ServerInfo> server = Optional.empty();
        for (int i = 3; i < parts.length; i++) {
            String opt = parts[i].strip();
            if (opt.equals("tx=none")) {
                mode = TransactionMode.NONE;
            } else if (opt.startsWith("version=")) {
                String v = opt.substring(8);
                String product = v.contains("mariadb") ? "MariaDB" : switch (dialect) {
                    case "postgres" -> "PostgreSQL";
                    case "sqlite" -> "SQLite";
                    default -> "MySQL";
                };
                String[] num = v.replace("mariadb-", "").split("\\.");
                server = Optional.of(new ServerInfo(product, v.replace("mariadb-", ""), Integer.parseInt(num[0]),
                        num.length > 1 ? Integer.parseInt(num[1]) : 0));
            } else {
                throw new IllegalArgumentException(file + ":" + line + ": unknown option " + opt);
            }
        }
        return new LabelledCase(dialect, file, line, parts[0].strip(), expect.equals("flag"), parts[2].strip(), mode, server, sql);
    }

    @Override
    public String toString() {
        return dialect + "/" + file + ":" + line + " [" + hazard + " " + (mustFlag ? "flag" : "pass") + " " + ruleId + "]";
    }
}
