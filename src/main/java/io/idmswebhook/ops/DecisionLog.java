package io.idmswebhook.ops;

import io.idmswebhook.admission.ReviewObserver;
import io.idmswebhook.admission.ReviewOutcome;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.rules.RuleId;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One INFO line per answered request in the category {@value #CATEGORY}, so it can be kept,
 * silenced or shipped apart from the rest ({@code quarkus.log.category."io.idmswebhook.decision".level}).
 * The fields go into the MDC too: the JSON console format writes them as separate keys under
 * {@code mdc}, the plain format shows them in the message. Never the object: its findings are
 * named by rule id and the full messages went back to the user.
 */
@Singleton
public class DecisionLog implements ReviewObserver {

    public static final String CATEGORY = "io.idmswebhook.decision";

    /** MDC keys, in the order the plain message shows them. */
    public static final List<String> FIELDS = List.of("webhook", "decision", "uid", "kind", "name", "operation", "user",
            "dryRun", "rules", "latencyMicros", "reason");

    /** Longer than any Kubernetes name or user name; a caller sending more only gets this much logged. */
    static final int MAX_VALUE = 256;

    private static final Logger LOG = Logger.getLogger(CATEGORY);

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
                Long.toString(o.nanos() / 1_000),
                clean(o.reason(), true)};
        StringBuilder message = new StringBuilder(160);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                MDC.put(FIELDS.get(i), values[i]);
                if (message.length() > 0) {
                    message.append(' ');
                }
                message.append(FIELDS.get(i)).append('=');
                // Reasons have spaces; quote them so the plain line still splits into key=value pairs.
                if (i == values.length - 1) {
                    message.append('"').append(values[i].replace("\"", "'")).append('"');
                } else {
                    message.append(values[i]);
                }
            }
        }
        try {
            LOG.info(message);
        } finally {
            for (String field : FIELDS) {
                MDC.remove(field);
            }
        }
    }

    /** Rule ids that fired, denials first, comma-separated; null when none did. */
    static String rules(Decision decision) {
        if (decision == null || decision.denials().isEmpty() && decision.warnings().isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (RuleId id : decision.ruleIds()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(id.name());
        }
        return sb.toString();
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
