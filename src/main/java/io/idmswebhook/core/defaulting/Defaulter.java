package io.idmswebhook.core.defaulting;

import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.model.MirrorSourcePolicy;
import io.idmswebhook.core.location.LocationParser;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.Ratchet;
import io.idmswebhook.core.rules.Limits;
import io.idmswebhook.core.rules.RuleId;
import io.idmswebhook.core.rules.SyntaxRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules D1-D5 of the rule book, and D0: the mutating webhook's own denial. Stateless and
 * thread-safe. What each rule repairs, what is never changed and what {@code /mutate} denies, with
 * the reasons, is described in one place: the README's section "Defaulting (/mutate)";
 * {@code DefaulterTest} holds this class to it case by case.
 *
 * <p>How the code keeps that promise: D1, D3 and D2 are one pass over a value, and a value is
 * repaired only when the pass ends in a fixed point (running it again changes nothing) and not in
 * the empty string; otherwise it is left exactly as written for D0 to name. So defaulting is
 * idempotent by construction. D4 and D0 compare the repaired values, and D0 reports them at the
 * positions the user wrote (a repeat that D4 removes is not reported).
 *
 * <p>One class because the rules are one pass: their order and the fixed point together decide
 * what is repaired, so they are read together.
 */
public final class Defaulter {

    /** The rules whose denial /mutate repeats, for IDMS and ITMS. */
    public static final Set<RuleId> SCHEMA_RULES = Collections.unmodifiableSet(EnumSet.of(RuleId.S1, RuleId.S5, RuleId.S6));

    private static final String HTTPS = "https://";

    private final boolean explicitPolicy;
    private final Limits limits;

    /** @param explicitPolicy rule D5, configuration {@code idms.defaulting.explicit-policy} */
    public Defaulter(boolean explicitPolicy) {
        this(explicitPolicy, Limits.DEFAULT);
    }

    public Defaulter(boolean explicitPolicy, Limits limits) {
        this.explicitPolicy = explicitPolicy;
        this.limits = limits;
    }

    public boolean explicitPolicy() {
        return explicitPolicy;
    }

    /**
     * @param object    the object being written, as received
     * @param oldObject its stored version on UPDATE, else null (only used to ratchet D0)
     */
    public Defaulted apply(MirrorSet object, MirrorSet oldObject) {
        if (!limits.check(object, new ArrayList<>(1))) {
            return new Defaulted(object, List.of(), List.of());
        }
        Pass pass = normalise(object);
        List<Finding> denials = schemaFindings(pass);
        if (!denials.isEmpty() && oldObject != null && limits.check(oldObject, new ArrayList<>(1))) {
            denials.removeIf(new Ratchet(schemaFindings(normalise(oldObject)))::preexisting);
        }
        return new Defaulted(pass.changes.isEmpty() ? object : pass.repaired, pass.changes, denials);
    }

    /** The object after D1-D5, with repeats both kept (for D0's positions) and removed. */
    private record Pass(MirrorSet inPlace, MirrorSet repaired, List<Normalisation> changes, Set<String> removedPaths) {
    }

    private Pass normalise(MirrorSet set) {
        MirrorSetKind kind = set.kind();
        List<Normalisation> changes = new ArrayList<>();
        List<MirrorEntry> inPlace = new ArrayList<>(set.entries().size());
        List<MirrorEntry> repaired = new ArrayList<>(set.entries().size());
        Set<String> removedPaths = new HashSet<>();
        for (MirrorEntry e : set.entries()) {
            String path = set.entryPath(e.index());
            String pointer = "/spec/" + kind.listField() + "/" + e.index();
            String source = repairLocation(e.source(), pointer + "/source", path + ".source", changes);
            List<String> all = new ArrayList<>(e.mirrors().size());
            List<String> kept = new ArrayList<>(e.mirrors().size());
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < e.mirrors().size(); j++) {
                String raw = e.mirrors().get(j);
                String mPointer = pointer + "/mirrors/" + j;
                String mPath = path + ".mirrors[" + j + "]";
                List<Normalisation> steps = new ArrayList<>(3);
                String value = repairLocation(raw, mPointer, mPath, steps);
                all.add(value);
                if (kind.hasPolicyAndSchema() && value != null && !seen.add(value)) {
                    // Only the removal is reported: the value that stays is the earlier one.
                    changes.add(new Normalisation(RuleId.D4, mPointer, mPath, raw, null));
                    removedPaths.add(mPath);
                } else {
                    changes.addAll(steps);
                    kept.add(value);
                }
            }
            String policy = e.policy();
            if (policy != null) {
                String trimmed = trim(policy);
                if (!trimmed.equals(policy) && !trimmed.isEmpty()) {
                    changes.add(new Normalisation(RuleId.D1, pointer + "/mirrorSourcePolicy",
                            path + ".mirrorSourcePolicy", policy, trimmed));
                    policy = trimmed;
                }
            } else if (explicitPolicy && kind.hasPolicyAndSchema()
                    && new MirrorEntry(e.index(), source, kept, null).hasRealMirror()) {
                policy = MirrorSourcePolicy.ALLOW_CONTACTING_SOURCE.value();
                changes.add(new Normalisation(RuleId.D5, pointer + "/mirrorSourcePolicy",
                        path + ".mirrorSourcePolicy", null, policy));
            }
            inPlace.add(new MirrorEntry(e.index(), source, all, policy));
            repaired.add(new MirrorEntry(e.index(), source, kept, policy));
        }
        return new Pass(new MirrorSet(kind, set.name(), inPlace), new MirrorSet(kind, set.name(), repaired),
                changes, removedPaths);
    }

    /** D0, judged at the positions as received; a removed repeat is not in the object any more. */
    private static List<Finding> schemaFindings(Pass pass) {
        List<Finding> out = new ArrayList<>();
        if (!pass.inPlace.kind().hasPolicyAndSchema()) {
            return out;
        }
        List<Finding> all = new ArrayList<>();
        for (MirrorEntry e : pass.inPlace.entries()) {
            SyntaxRules.check(pass.inPlace, e, all);
        }
        for (Finding f : all) {
            if (f.denies() && SCHEMA_RULES.contains(f.rule()) && !pass.removedPaths.contains(f.path())) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * D1, D3, D2 on one location; adds one change per rule that applied to {@code out} and returns
     * the repaired value, or {@code raw} untouched when the pass does not reach a fixed point.
     */
    static String repairLocation(String raw, String pointer, String path, List<Normalisation> out) {
        if (raw == null) {
            return null;
        }
        List<Normalisation> steps = new ArrayList<>(3);
        String value = pass(raw, pointer, path, steps);
        if (steps.isEmpty() || value.isEmpty() || !pass(value, pointer, path, new ArrayList<>(3)).equals(value)) {
            return raw;
        }
        out.addAll(steps);
        return value;
    }

    private static String pass(String raw, String pointer, String path, List<Normalisation> steps) {
        String value = raw;
        String trimmed = trim(value);
        if (!trimmed.equals(value)) {
            steps.add(new Normalisation(RuleId.D1, pointer, path, value, trimmed));
            value = trimmed;
        }
        if (value.regionMatches(true, 0, HTTPS, 0, HTTPS.length())) {
            String stripped = value.substring(HTTPS.length());
            steps.add(new Normalisation(RuleId.D3, pointer, path, value, stripped));
            value = stripped;
        }
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '/') {
            end--;
        }
        if (end < value.length()) {
            String stripped = value.substring(0, end);
            steps.add(new Normalisation(RuleId.D2, pointer, path, value, stripped));
            value = stripped;
        }
        return value;
    }

    /** Whitespace as the location grammar names it; other characters are the grammar's to judge. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && LocationParser.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && LocationParser.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

}
