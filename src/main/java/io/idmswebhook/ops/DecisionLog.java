package io.idmswebhook.ops;

import io.idmswebhook.admission.ReviewObserver;
import io.idmswebhook.admission.ReviewOutcome;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.Enforcement;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One INFO line per answered request in the category {@value #CATEGORY}, so it can be kept or
 * silenced apart from the rest ({@code quarkus.log.category."io.idmswebhook.decision".level}).
 * Never the object: its findings are named by rule id and the full messages went back to the user.
 *
 * <p>The line is formatted here and written by {@link DecisionLogWriter}, not handed to the console
 * log handler, whose cost per record was a large share of a typical review's CPU
 * (bench/README.md). It keeps the console's shape, chosen by
 * the same switch ({@code quarkus.log.console.json.enabled}): in JSON the keys of the JSON log
 * formatter ({@code timestamp}, {@code level}, {@code loggerName}, {@code threadName},
 * {@code hostName}, {@code message}) with the fields under {@code mdc}; in plain text the console's
 * pattern with the fields as {@code key=value} pairs.
 *
 * <p>Both formats in one class because they show the same fields, cleaned the same way, in the
 * same order ({@link #FIELDS}): a field added to one is then in the other.
 */
@Singleton
public class DecisionLog implements ReviewObserver {

    public static final String CATEGORY = "io.idmswebhook.decision";

    /** Field keys, in the order the line shows them. */
    public static final List<String> FIELDS = List.of("webhook", "decision", "uid", "kind", "name", "operation", "user",
            "dryRun", "rules", "enforcement", "wouldDeny", "latencyMicros", "reason");

    public static final String DROPPED = "idms.webhook.decision.log.dropped";

    /** Longer than any Kubernetes name or user name; a caller sending more only gets this much logged. */
    static final int MAX_VALUE = 256;

    private static final int REASON = FIELDS.size() - 1;
    private static final DateTimeFormatter JSON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TEXT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS").withZone(ZoneId.systemDefault());

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private final DecisionLogWriter writer;
    private final boolean json;
    private final String hostName;
    private final String mode;

    /** @param enforcement its global mode is logged with every decision: which mode decided */
    public DecisionLog(DecisionLogWriter writer, MeterRegistry registry, Enforcement enforcement,
                       @ConfigProperty(name = "quarkus.log.console.json.enabled", defaultValue = "true") boolean json) {
        this.writer = writer;
        this.json = json;
        this.mode = enforcement.mode().label();
        this.hostName = hostName();
        FunctionCounter.builder(DROPPED, writer, DecisionLogWriter::dropped)
                .description("Decision log lines dropped because stdout did not keep up")
                .register(registry);
    }

    @Override
    public void answered(ReviewOutcome o) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String[] values = {
                o.webhook().label(),
                o.result().label(),
                clean(o.uid()),
                clean(o.requestedKind()),
                clean(o.name()),
                clean(o.operation()),
                clean(o.user()),
                o.uid() == null ? null : Boolean.toString(o.dryRun()),
                rules(o.decision()),
                o.decision() == null ? null : mode,
                wouldDeny(o.decision()),
                Long.toString(o.nanos() / 1_000),
                clean(o.reason(), true)};
        writer.append(json ? jsonLine(timestamp(), Thread.currentThread().getName(), hostName, values)
                : textLine(timestamp(), Thread.currentThread().getName(), values));
    }

    /** One millisecond's formatted time; at 20,000 reviews a second about ten lines share one. */
    private record Stamp(long milli, String text) {
    }

    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, "");

    private String timestamp() {
        long milli = System.currentTimeMillis();
        Stamp s = stamp;
        if (s.milli() != milli) {
            Instant now = Instant.ofEpochMilli(milli);
            s = new Stamp(milli, json ? jsonTimestamp(now) : textTimestamp(now));
            stamp = s;
        }
        return s.text();
    }

    static String jsonTimestamp(Instant time) {
        return JSON_TIME.format(time);
    }

    static String textTimestamp(Instant time) {
        return TEXT_TIME.format(time);
    }

    /**
     * The fields as {@code key=value} pairs, the reason (which has spaces) in double quotes;
     * escaped for a JSON string when {@code json}, written straight into the line either way.
     */
    static void appendMessage(String[] values, StringBuilder out, boolean json) {
        boolean first = true;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            if (!first) {
                out.append(' ');
            }
            first = false;
            out.append(FIELDS.get(i)).append('=');
            boolean quoted = i == REASON;
            String value = quoted ? values[i].replace('"', '\'') : values[i];
            if (quoted) {
                out.append(json ? "\\\"" : "\"");
            }
            if (json) {
                appendJsonString(value, out);
            } else {
                out.append(value);
            }
            if (quoted) {
                out.append(json ? "\\\"" : "\"");
            }
        }
    }

    static String jsonLine(String timestamp, String thread, String hostName, String[] values) {
        StringBuilder line = new StringBuilder(512);
        line.append("{\"timestamp\":\"").append(timestamp);
        line.append("\",\"level\":\"INFO\",\"loggerName\":\"").append(CATEGORY).append("\",\"threadName\":\"");
        appendJsonString(thread, line);
        line.append("\",\"hostName\":\"");
        appendJsonString(hostName, line);
        line.append("\",\"message\":\"");
        appendMessage(values, line, true);
        line.append("\",\"mdc\":{");
        boolean first = true;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            if (!first) {
                line.append(',');
            }
            first = false;
            line.append('"').append(FIELDS.get(i)).append("\":\"");
            appendJsonString(values[i], line);
            line.append('"');
        }
        return line.append("}}").toString();
    }

    static String textLine(String timestamp, String thread, String[] values) {
        StringBuilder line = new StringBuilder(256);
        line.append(timestamp).append(" INFO  [").append(CATEGORY).append("] (").append(thread).append(") ");
        appendMessage(values, line, false);
        return line.toString();
    }

    /**
     * The string's content as in a JSON string. Values are cleaned of control characters already,
     * so the usual case is a plain copy; Jackson's encoder appends one character at a time.
     */
    static void appendJsonString(String value, StringBuilder out) {
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20 || c == 0x2028 || c == 0x2029) {
                out.append(value, from, i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format("\\u%04x", (int) c));
                }
                from = i + 1;
            }
        }
        out.append(value, from, value.length());
    }

    /** The pod name in a cluster (the kubelet sets HOSTNAME to it), else the machine's name. */
    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Rule ids that fired, denials first, comma-separated; null when none did. */
    static String rules(Decision decision) {
        if (decision == null) {
            return null;
        }
        String ids = decision.ruleIdList();
        return ids.isEmpty() ? null : ids;
    }

    /** The rules whose denials enforcement lowered: with {@code decision=allowed}, what deny mode would have blocked. */
    static String wouldDeny(Decision decision) {
        if (decision == null || !decision.loweredByEnforcement()) {
            return null;
        }
        return decision.wouldDenyIdList();
    }

    /**
     * Request fields come from whoever can reach the port: control characters would forge lines in
     * the plain format, a space would split a key=value pair, and a megabyte-long name would flood
     * the log.
     */
    static String clean(String value) {
        return clean(value, false);
    }

    /** As {@link #clean(String)}; spaces are kept only where the value is quoted. */
    static String clean(String value, boolean keepSpaces) {
        if (value == null) {
            return null;
        }
        int n = Math.min(value.length(), MAX_VALUE);
        StringBuilder sb = null;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean bad = c < 0x20 || c == 0x7f || c == ' ' && !keepSpaces;
            if (bad && sb == null) {
                sb = new StringBuilder(n).append(value, 0, i);
            }
            if (sb != null) {
                sb.append(bad ? '_' : c);
            }
        }
        String out = sb != null ? sb.toString() : n == value.length() ? value : value.substring(0, n);
        return value.length() > MAX_VALUE ? out + "..." : out;
    }
}
