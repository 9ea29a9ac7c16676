package io.idmswebhook.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a mirror list, kind-neutral: {@code index} is the position in the object's list
 * (for field paths), {@code source} the source as written (may be null or invalid: rules report
 * that), {@code mirrors} the mirrors as written, in order, never null, and {@code policy} the raw
 * {@code mirrorSourcePolicy}, or null when unset (ICSP: always null).
 *
 * <p>A value class rather than a record only so that it can carry the two facts every rule asks
 * of every entry, worked out once: on an oc-mirror-sized object, walking from the entry to its
 * mirror list and its strings for each question cost a tenth of a review in cache misses.
 */
public final class MirrorEntry {

    private final int index;
    private final String source;
    private final List<String> mirrors;
    private final String policy;
    private final boolean realMirror;
    private final MirrorSourcePolicy effectivePolicy;

    public MirrorEntry(int index, String source, List<String> mirrors, String policy) {
        this.index = index;
        this.source = source;
        // an unmodifiable copy that, unlike List.copyOf, keeps null items for the rules to report
        this.mirrors = mirrors == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(mirrors));
        this.policy = policy;
        this.realMirror = anyMirrorOtherThanSource(this.mirrors, source);
        MirrorSourcePolicy known = MirrorSourcePolicy.of(policy);
        // unset and unknown values count as allow: an unknown value is denied on its own (S5)
        this.effectivePolicy = known == null ? MirrorSourcePolicy.ALLOW_CONTACTING_SOURCE : known;
    }

    private static boolean anyMirrorOtherThanSource(List<String> mirrors, String source) {
        for (String m : mirrors) {
            if (m != null && !m.equals(source)) {
                return true;
            }
        }
        return false;
    }

    public int index() {
        return index;
    }

    public String source() {
        return source;
    }

    public List<String> mirrors() {
        return mirrors;
    }

    public String policy() {
        return policy;
    }

    public MirrorSourcePolicy effectivePolicy() {
        return effectivePolicy;
    }

    public boolean neverContactSource() {
        return effectivePolicy == MirrorSourcePolicy.NEVER_CONTACT_SOURCE;
    }

    /** True when at least one mirror is set and is not the source itself. */
    public boolean hasRealMirror() {
        return realMirror;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MirrorEntry other && index == other.index && Objects.equals(source, other.source)
                && mirrors.equals(other.mirrors) && Objects.equals(policy, other.policy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, source, mirrors, policy);
    }

    @Override
    public String toString() {
        return "MirrorEntry[index=" + index + ", source=" + source + ", mirrors=" + mirrors + ", policy=" + policy + "]";
    }
}
