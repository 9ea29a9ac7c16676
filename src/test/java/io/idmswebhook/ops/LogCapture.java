package io.idmswebhook.ops;

import io.quarkus.test.junit.QuarkusMock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decision log as it would reach stdout, for one test: a {@link DecisionLogWriter} on an
 * in-memory stream takes the place of the real one, and its plain-text lines (the test profile's
 * format) are read back into their fields.
 */
public final class LogCapture {

    public record Line(String level, String category, String message, Map<String, String> fields) {
    }

    /** {@code <date> <time> LEVEL [category] (thread) message}. */
    private static final Pattern LINE =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} (\\w+) +\\[([^\\]]+)\\] \\([^)]*\\) (.*)$");
    /** {@code key=value}, or {@code key="value with spaces"}. */
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final DecisionLogWriter writer = new DecisionLogWriter(out, Duration.ofHours(1), 1 << 20);

    private LogCapture() {
    }

    /** Installs the capture for the current test method of a {@code @QuarkusTest}. */
    public static LogCapture install() {
        LogCapture capture = new LogCapture();
        QuarkusMock.installMockForType(capture.writer, DecisionLogWriter.class);
        return capture;
    }

    public List<Line> lines() {
        writer.flush();
        List<Line> lines = new ArrayList<>();
        for (String text : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (text.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(text);
            if (!m.matches()) {
                throw new AssertionError("not a decision log line: " + text);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher f = FIELD.matcher(m.group(3));
            while (f.find()) {
                String value = f.group(2);
                fields.put(f.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
            }
            lines.add(new Line(m.group(1), m.group(2), m.group(3), fields));
        }
        return lines;
    }
}
