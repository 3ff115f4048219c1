package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HumanUnitsTest {

    @Test
    void bytesInBinaryUnits() {
        assertEquals("0 B", HumanUnits.bytes(0));
        assertEquals("1023 B", HumanUnits.bytes(1023));
        assertEquals("1.0 KiB", HumanUnits.bytes(1024));
        assertEquals("1.5 MiB", HumanUnits.bytes(1536 * 1024));
        assertEquals("1.2 GiB", HumanUnits.bytes(1_288_490_189L));
        assertEquals("8.0 EiB", HumanUnits.bytes(Long.MAX_VALUE));
    }

    @Test
    void durations() {
        assertEquals("999 ms", HumanUnits.duration(999));
        assertEquals("3.4 s", HumanUnits.duration(3_400));
        assertEquals("2 min 5 s", HumanUnits.duration(125_000));
    }
}
