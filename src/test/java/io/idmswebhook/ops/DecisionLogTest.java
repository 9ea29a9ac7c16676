package io.idmswebhook.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionLogTest {

    private static final Instant TIME = Instant.parse("2026-11-27T23:10:00.123Z");

    private static String[] values(String name, String reason) {
        return new String[] {"validate", "denied", "u-1", "ImageDigestMirrorSet", name, "CREATE", "alice", "false",
                "P1,S2", "deny", null, "143", reason};
    }

    @Test
    void theJsonLineHasTheLogFormattersKeysAndEveryFieldUnderMdc() throws Exception {
        String line = DecisionLog.jsonLine(DecisionLog.jsonTimestamp(TIME), "vert.x-eventloop-thread-0", "pod-1", values("example", null));
        assertFalse(line.contains("\n"), line);
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("INFO", json.get("level").asText());
        assertEquals(DecisionLog.CATEGORY, json.get("loggerName").asText());
        assertEquals("vert.x-eventloop-thread-0", json.get("threadName").asText());
        assertEquals("pod-1", json.get("hostName").asText());
        assertEquals(TIME, Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(json.get("timestamp").asText())));
        assertEquals("webhook=validate decision=denied uid=u-1 kind=ImageDigestMirrorSet name=example operation=CREATE "
                + "user=alice dryRun=false rules=P1,S2 enforcement=deny latencyMicros=143", json.get("message").asText());
        JsonNode mdc = json.get("mdc");
        List<String> keys = List.of("webhook", "decision", "uid", "kind", "name", "operation", "user", "dryRun", "rules",
                "enforcement", "latencyMicros");
        assertEquals(keys, names(mdc.fieldNames()));
        assertEquals("P1,S2", mdc.get("rules").asText());
        assertFalse(mdc.has("reason"), line);
    }

    @Test
    void quotesAndBackslashesInValuesStayInsideTheirJsonStrings() throws Exception {
        String name = DecisionLog.clean("a\"b\\c\u2028d");
        String reason = DecisionLog.clean("the body is not valid JSON: \"}\" at line 1", true);
        String line = DecisionLog.jsonLine(DecisionLog.jsonTimestamp(TIME), "t", "h", values(name, reason));
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("a\"b\\c\u2028d", json.at("/mdc/name").asText());
        assertEquals("the body is not valid JSON: \"}\" at line 1", json.at("/mdc/reason").asText());
        assertTrue(json.get("message").asText().endsWith("reason=\"the body is not valid JSON: '}' at line 1\""), line);
    }

    @Test
    void everyCharacterRoundTripsThroughTheJsonEscaping() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        all.append("\u2028\u2029é\uD83D\uDE00");
        StringBuilder json = new StringBuilder("\"");
        DecisionLog.appendJsonString(all.toString(), json);
        json.append('"');
        assertFalse(json.toString().contains("\n") || json.toString().contains("\u2028"), json::toString);
        assertEquals(all.toString(), new ObjectMapper().readTree(json.toString()).textValue());
    }

    @Test
    void controlCharactersCannotForgeASecondLine() {
        String forged = DecisionLog.clean("x\n2026-01-01 00:00:00,000 INFO  [io.idmswebhook.decision] decision=allowed");
        String text = DecisionLog.textLine(DecisionLog.textTimestamp(TIME), "t", values(forged, null));
        String json = DecisionLog.jsonLine(DecisionLog.jsonTimestamp(TIME), "t", "h", values(forged, null));
        assertFalse(text.contains("\n") || text.contains("\r"), text);
        assertFalse(json.contains("\n") || json.contains("\r"), json);
        assertTrue(text.contains("name=x_2026-01-01_00:00:00,000_INFO__[io.idmswebhook.decision]_decision=allowed"), text);
    }

    @Test
    void theTextLineFollowsTheConsolePattern() {
        String line = DecisionLog.textLine(DecisionLog.textTimestamp(TIME), "vert.x-eventloop-thread-1", values("example", "not a review"));
        assertTrue(line.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},123 INFO  \\[io\\.idmswebhook\\.decision\\] "
                + "\\(vert\\.x-eventloop-thread-1\\) webhook=validate decision=denied uid=u-1 .* latencyMicros=143 "
                + "reason=\"not a review\""), line);
    }

    @Test
    void longValuesAreCut() {
        String cut = DecisionLog.clean("n".repeat(1000));
        assertEquals(DecisionLog.MAX_VALUE + 3, cut.length());
        assertTrue(cut.endsWith("..."), cut);
    }

    private static <T> List<T> names(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
