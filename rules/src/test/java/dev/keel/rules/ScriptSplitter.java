package dev.keel.rules;

import dev.keel.spi.migration.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/** A small test-side splitter: semicolons outside quotes, comments and dollar quotes end statements. */
final class ScriptSplitter {

    private ScriptSplitter() {
    }

    static List<SqlStatement> split(String script) {
        List<SqlStatement> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int startCol = 1;
        int col = 1;
        int n = script.length();
        for (int i = 0; i < n; i++) {
            char c = script.charAt(i);
            if (startLine < 0 && !Character.isWhitespace(c) && c != ';') {
                startLine = line;
                startCol = col;
            }
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                cur.append(script, i, end);
                col += end - i;
                i = end - 1;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int end = script.indexOf(c, i + 1);
                end = end < 0 ? n - 1 : end;
                String chunk = script.substring(i, end + 1);
                cur.append(chunk);
                line += chunk.chars().filter(x -> x == '\n').count();
                col += chunk.length();
                i = end;
                continue;
            }
            if (c == '$' && i + 1 < n && script.charAt(i + 1) == '$') {
                int end = script.indexOf("$$", i + 2);
                end = end < 0 ? n - 2 : end;
                String chunk = script.substring(i, end + 2);
                cur.append(chunk);
                line += chunk.chars().filter(x -> x == '\n').count();
                i = end + 1;
                continue;
            }
            if (c == ';') {
                add(out, cur, startLine, startCol);
                cur.setLength(0);
                startLine = -1;
            } else {
                cur.append(c);
            }
            if (c == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        add(out, cur, startLine, startCol);
        return out;
    }

    private static void add(List<SqlStatement> out, StringBuilder cur, int line, int col) {
        String sql = cur.toString().strip();
        boolean onlyComments = sql.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"));
        if (!sql.isEmpty() && !onlyComments) {
            out.add(new SqlStatement(sql, out.size(), Math.max(1, line), Math.max(1, col)));
        }
    }
}
