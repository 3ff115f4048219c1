package dev.keel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.bootstrap.protect.AuditLog;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Risk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The confirmation gate's decision and what it writes to the audit log. */
class RiskGateTest {

    @TempDir
    Path work;

    private RiskGate gate(Risk threshold) {
        AuditLog audit = new AuditLog(work, Clock.systemUTC(), Map.of("environment", "production", "user", "ana"));
        return new RiskGate(threshold, "production", () -> audit);
    }

    @Test
    void aRunBelowTheThresholdPassesUnconfirmedAndLeavesNoRecord() {
        RiskGate gate = gate(Risk.HIGH);

        assertFalse(gate.applies(Risk.MEDIUM));
        assertDoesNotThrow(() -> gate.pass("migrate", Risk.MEDIUM, Confirmation.NOT_GIVEN, () -> "", Map.of()));
        assertFalse(Files.exists(work.resolve("audit.log")));
    }

    @Test
    void theThresholdItselfNeedsAConfirmation() {
        assertTrue(gate(Risk.MEDIUM).applies(Risk.MEDIUM));
        assertTrue(gate(Risk.MEDIUM).applies(Risk.HIGH));
        assertFalse(gate(Risk.MEDIUM).applies(Risk.LOW));
    }

    @Test
    void withoutAConfirmationAGatedRunIsRefusedWithExit4AndTheRefusalIsRecorded() throws IOException {
        KeelException refused = assertThrows(KeelException.class, () -> gate(Risk.MEDIUM).pass("migrate", Risk.HIGH,
                Confirmation.NOT_GIVEN, () -> "applies 2 V2__drop.sql (high).", Map.of("versions", Map.of("2", "high"))));

        assertEquals(ErrorCode.CONFIRMATION_REQUIRED, refused.code());
        assertEquals(4, refused.code().exitClass().exitCode());
        String what = refused.problems().get(0).what();
        assertTrue(what.contains("V2__drop.sql") && what.contains("no terminal"), what);
        assertTrue(refused.problems().get(0).fix().contains("--yes"), refused.problems().get(0).fix());
        JsonNode entry = entries().get(0);
        assertEquals("refused", entry.path("outcome").asText());
        assertEquals("none", entry.path("by").asText());
        assertEquals("high", entry.path("versions").path("2").asText());
    }

    @Test
    void yesFlagAndTerminalAreAcceptedAndRecordedWithWhoAndWhat() throws IOException {
        RiskGate gate = gate(Risk.HIGH);
        gate.pass("migrate", Risk.HIGH, Confirmation.YES_FLAG, () -> "", Map.of("versions", Map.of("2", "high")));
        gate.pass("rollback", Risk.HIGH, Confirmation.TERMINAL, () -> "", Map.of("versions", Map.of("3", "high")));

        List<JsonNode> entries = entries();
        assertEquals(2, entries.size());
        assertEquals("accepted", entries.get(0).path("outcome").asText());
        assertEquals("yes_flag", entries.get(0).path("by").asText());
        assertEquals("migrate", entries.get(0).path("command").asText());
        assertEquals("ana", entries.get(0).path("user").asText());
        assertEquals("high", entries.get(0).path("versions").path("2").asText());
        assertEquals("terminal", entries.get(1).path("by").asText());
        assertEquals("rollback", entries.get(1).path("command").asText());
    }

    @Test
    void aNoAtTheTerminalRefusesWhateverTheRisk() throws IOException {
        KeelException refused = assertThrows(KeelException.class,
                () -> gate(Risk.HIGH).pass("rollback", Risk.LOW, Confirmation.DECLINED, () -> "", Map.of()));

        assertEquals(ErrorCode.CONFIRMATION_REQUIRED, refused.code());
        assertTrue(refused.problems().get(0).what().contains("not confirmed at the terminal"));
        assertEquals("terminal", entries().get(0).path("by").asText());
        assertEquals("refused", entries().get(0).path("outcome").asText());
    }

    private List<JsonNode> entries() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> entries = new ArrayList<>();
        for (String line : Files.readAllLines(work.resolve("audit.log"))) {
            entries.add(json.readTree(line));
        }
        return entries;
    }
}
