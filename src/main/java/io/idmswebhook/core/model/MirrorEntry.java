package io.idmswebhook.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One entry of a mirror list, kind-neutral.
 *
 * @param index  position in the object's list, for field paths
 * @param source the source as written (may be null or invalid: rules report that)
 * @param mirrors the mirrors as written, in order; never null
 * @param policy the raw {@code mirrorSourcePolicy}, or null when unset (ICSP: always null)
 */
public record MirrorEntry(int index, String source, List<String> mirrors, String policy) {

    public MirrorEntry {
        // an unmodifiable copy that, unlike List.copyOf, keeps null items for the rules to report
        mirrors = mirrors == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(mirrors));
    }

    /** Unset and unknown values count as allow: an unknown value is denied on its own (S5). */
    public MirrorSourcePolicy effectivePolicy() {
        MirrorSourcePolicy known = MirrorSourcePolicy.of(policy);
        return known == null ? MirrorSourcePolicy.ALLOW_CONTACTING_SOURCE : known;
    }

    public boolean neverContactSource() {
        return effectivePolicy() == MirrorSourcePolicy.NEVER_CONTACT_SOURCE;
    }

    public boolean hasRealMirror() {
        // indexed: the rules ask this for every entry many times per review, and an iterator each
        // time was a measurable share of a review's allocation
        for (int i = 0; i < mirrors.size(); i++) {
            String m = mirrors.get(i);
            if (m != null && !m.equals(source)) {
                return true;
            }
        }
        return false;
    }
}
