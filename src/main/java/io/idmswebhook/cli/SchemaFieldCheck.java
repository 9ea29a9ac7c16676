package io.idmswebhook.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.Quote;
import io.idmswebhook.core.rules.RuleId;
import io.idmswebhook.core.rules.Verdict;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Rule X5: what the API server would drop before any webhook sees it, so only the linter can say
 * so. A field the kind's schema does not have ({@code mirror:} for {@code mirrors:}) is pruned, or
 * refused under strict field validation, and the object silently means something else; a known
 * kind under another API group or version is no mirror set at all.
 */
final class SchemaFieldCheck {

    private static final List<String> TOP = List.of("apiVersion", "kind", "metadata", "spec", "status");
    // ObjectMeta as the API server decodes it; anything else under metadata is dropped.
    private static final List<String> METADATA = List.of("name", "generateName", "namespace", "selfLink", "uid",
            "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
            "labels", "annotations", "ownerReferences", "finalizers", "managedFields");
    private static final List<String> ENTRY_WITH_POLICY = List.of("source", "mirrors", "mirrorSourcePolicy");
    private static final List<String> ENTRY_WITHOUT_POLICY = List.of("source", "mirrors");

    /** A mirror kind written under an apiVersion that does not serve it. */
    record WrongApiVersion(MirrorSetKind meant, Finding finding) {
    }

    private final Verdict verdict;

    /** @param strict X5 denies instead of warning */
    SchemaFieldCheck(boolean strict) {
        this.verdict = strict ? Verdict.DENY : Verdict.WARN;
    }

    /**
     * The mirror kind an object means by its {@code kind} when its {@code apiVersion} is not that
     * kind's, with the finding that says so.
     */
    Optional<WrongApiVersion> wrongApiVersion(JsonNode object) {
        String kind = object.path("kind").asText("");
        String apiVersion = object.path("apiVersion").asText("");
        for (MirrorSetKind k : MirrorSetKind.values()) {
            if (k.kind().equals(kind) && !k.apiVersion().equals(apiVersion)) {
                Finding f = new Finding(RuleId.X5, verdict, "apiVersion", apiVersion,
                        kind + " is served as " + k.apiVersion() + ", not as " + Quote.of(apiVersion)
                                + ": the API server has no " + kind + " there, so this object is not applied and"
                                + " no rule checked it",
                        "write apiVersion: " + k.apiVersion());
                return Optional.of(new WrongApiVersion(k, f));
            }
        }
        return Optional.empty();
    }

    /** Every field of the object that its kind's schema does not have, in the order written. */
    List<Finding> unknownFields(MirrorSetKind kind, JsonNode object) {
        List<Finding> out = new ArrayList<>();
        check(kind, object, "", TOP, out);
        JsonNode metadata = object.get("metadata");
        if (metadata != null && metadata.isObject()) {
            check(kind, metadata, "metadata", METADATA, out);
        }
        JsonNode spec = object.get("spec");
        if (spec != null && spec.isObject()) {
            check(kind, spec, "spec", List.of(kind.listField()), out);
            JsonNode list = spec.get(kind.listField());
            if (list != null && list.isArray()) {
                List<String> entryFields = kind.hasPolicyAndSchema() ? ENTRY_WITH_POLICY : ENTRY_WITHOUT_POLICY;
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).isObject()) {
                        check(kind, list.get(i), "spec." + kind.listField() + "[" + i + "]", entryFields, out);
                    }
                }
            }
        }
        return out;
    }

    private void check(MirrorSetKind kind, JsonNode node, String path, List<String> valid, List<Finding> out) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (valid.contains(field)) {
                continue;
            }
            String at = path.isEmpty() ? field : path + "." + field;
            out.add(new Finding(RuleId.X5, verdict, at, field,
                    kind.kind() + " has no field " + Quote.of(field) + " here: the API server drops it (or refuses"
                            + " the object under strict field validation)" + elsewhere(kind, field),
                    fix(kind, field, valid)));
        }
    }

    /** Where the field does belong, when it is another mirror kind's: a copy from the wrong example. */
    private static String elsewhere(MirrorSetKind kind, String field) {
        for (MirrorSetKind other : MirrorSetKind.values()) {
            if (other != kind && other.listField().equals(field)) {
                return "; " + field + " is the list of " + other.kind();
            }
        }
        if (field.equals("mirrorSourcePolicy") && !kind.hasPolicyAndSchema()) {
            return "; " + kind.kind() + " entries always allow contacting the source";
        }
        return "";
    }

    private static String fix(MirrorSetKind kind, String field, List<String> valid) {
        if (field.equals("mirrorSourcePolicy") && !kind.hasPolicyAndSchema()) {
            return "remove it, or migrate to an ImageDigestMirrorSet (idms-lint migrate), which has mirrorSourcePolicy";
        }
        String closest = closest(field, valid);
        return "rename it to " + closest + " (the closest field here), or remove it";
    }

    /** The valid name with the fewest edits from {@code field}, ignoring case; ties go to the first listed. */
    static String closest(String field, List<String> valid) {
        String best = valid.get(0);
        int bestDistance = Integer.MAX_VALUE;
        String f = field.toLowerCase(Locale.ROOT);
        for (String v : valid) {
            int d = distance(f, v.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = v;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
