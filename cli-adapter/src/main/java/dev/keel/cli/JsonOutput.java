package dev.keel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keel.spi.Problem;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Writes the one JSON document of a {@code --json} invocation to stdout. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final Supplier<List<Map<String, Object>>> events;

    /**
     * @param out    stdout
     * @param events the run's steps, snapshots and recoveries so far ({@link RunEvents#recorded()})
     */
    JsonOutput(PrintStream out, Supplier<List<Map<String, Object>>> events) {
        this.out = out;
        this.events = events;
    }

    /**
     * Writes the document. When the engine reported steps, snapshots or a recovery (a crash is recovered by whatever
     * command comes next) and the command did not list them itself, they are added as {@code events}.
     */
    void write(Map<String, Object> document) {
        List<Map<String, Object>> happened = events.get();
        if (!happened.isEmpty()) {
            document.putIfAbsent("events", happened);
        }
        try {
            out.println(MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON document of maps, lists and scalars always serialises", e);
        }
    }

    /** A document's common head. */
    static Map<String, Object> document(String command, boolean ok) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("command", command);
        document.put("ok", ok);
        return document;
    }

    static List<Map<String, Object>> problems(List<Problem> problems) {
        return problems.stream().map(JsonOutput::problem).toList();
    }

    static Map<String, Object> problem(Problem problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("code", problem.code().code());
        map.put("what", problem.what());
        problem.where().ifPresent(where -> {
            map.put("file", where.file());
            if (where.line() > 0) {
                map.put("line", where.line());
            }
            if (where.column() > 0) {
                map.put("column", where.column());
            }
        });
        map.put("fix", problem.fix());
        map.put("docs", problem.code().docsAnchor());
        return map;
    }
}
