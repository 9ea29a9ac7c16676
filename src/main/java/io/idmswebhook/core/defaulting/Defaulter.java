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
 * thread-safe.
 *
 * <p><b>What is repaired.</b> Each source and mirror goes through one pass, in this order:
 * <ol>
 *   <li>D1 trims surrounding whitespace (space, tab, CR, LF, FF, VT: the characters the location
 *       grammar calls whitespace), including the newline a YAML block scalar leaves. The policy
 *       value is trimmed too; nothing else happens to it.</li>
 *   <li>D3 strips one leading {@code https://}, in any letter case: scheme names are
 *       case-insensitive (RFC 3986), so {@code HTTPS://} is the same slip. {@code http://} is never
 *       stripped, in any case: a plain-HTTP registry needs an entry in the cluster image config's
 *       insecure registries, so silently dropping the scheme would hide a pull that will fail; it is
 *       denied as S1 with that advice.</li>
 *   <li>D2 strips every trailing {@code /}: {@code quay.io/ns//} becomes {@code quay.io/ns}. A run
 *       of slashes at the end names nothing more than one slash does (it comes from joining
 *       {@code ${REGISTRY}/} and {@code /}). An inner {@code //} is never touched: it is denied
 *       as S1, since which component is missing cannot be guessed.</li>
 * </ol>
 * A value is repaired only when the pass ends in a fixed point (running it again changes nothing)
 * and not in the empty string. Otherwise it is left exactly as written and D0 names the problem
 * ({@code https:// quay.io} or {@code https://https://quay.io} stay as they are). This makes the
 * whole of defaulting idempotent by construction: a repaired value is a fixed point, and an
 * unrepaired one is unrepaired again.
 *
 * <p>Then, for IDMS and ITMS only, D4 removes a mirror whose repaired value equals an earlier one
 * in the same list (byte for byte, host case included), keeping the first; on ICSP a repeat is
 * legal and moves the mirror in the merged order, so it stays. D5 (only when configured) writes
 * {@code mirrorSourcePolicy: AllowContactingSource} on an IDMS/ITMS entry without a policy that
 * has a real mirror (one that differs from the repaired source). Host case, ports, mirror order
 * and the split of entries are never changed: each of those changes what nodes do.
 *
 * <p><b>D0: what /mutate denies.</b> Only values the IDMS/ITMS CRD schema would reject, so that
 * kubectl shows our message instead of a pattern: S1 (grammar), S5 (policy not in the enum) and
 * S6 (a repeated mirror D4 did not remove; with D4 as it is, none remains). They are judged on
 * the repaired values at the positions the user wrote. ICSP has no schema patterns, so /mutate
 * denies nothing on ICSP; S2-S4 and S7-S10 are not schema failures, and warnings and cross-object
 * rules (P, O) are the validating webhook's. On UPDATE a denial the old object also has (same rule,
 * same value) is dropped, as the API server's CRD ratcheting would let the unchanged value pass;
 * the validating webhook reports it as a warning. Objects over the {@link Limits} are left
 * unchanged and undenied here: the validating webhook denies them with X3.
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
