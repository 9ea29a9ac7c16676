package io.idmswebhook.core.view;

import io.idmswebhook.core.merge.MergedOrder;
import io.idmswebhook.core.merge.MirrorMerge;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorGroup;
import io.idmswebhook.core.model.MirrorSourcePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the rules read from all the entries of one exact source together, whichever object asks:
 * the policies they set (P4), which mirror groups have mirrors for it (P8, P9) and, per group, the
 * lists the nodes merge and the objects those come from (O1-O3). None of it depends on the order
 * of the entries: the merge uses the lists' edges as a set. A review computes it for each source of
 * its object; an audit run computes it once per source and shares it between every object naming
 * that source, which is what keeps a source named by thousands of objects from costing time
 * quadratic in them.
 */
public final class SourceFacts {

    /** One mirror group's lists for the source, merged as the nodes merge them. */
    public record Group(List<List<String>> lists, MergedOrder merged, boolean allIdentical, List<String> refs) {

        /** @param refs the objects the lists come from, sorted and distinct */
        public Group {
            lists = List.copyOf(lists);
            refs = List.copyOf(refs);
        }
    }

    private static final int GROUPS = MirrorGroup.values().length;

    private final String source;
    private final List<IndexedEntry> entries;
    /**
     * Bit per {@link MirrorSourcePolicy} ordinal: one is made per source of every review, so no
     * sets. Final, as the sets were: an audit shares one between threads.
     */
    private final int policies;
    /** Bit per {@link MirrorGroup} ordinal. */
    private final int mirrored;
    private final Group[] groups = new Group[GROUPS];

    private SourceFacts(String source, List<IndexedEntry> entries) {
        this.source = source;
        this.entries = entries;
        int policyBits = 0;
        int mirroredBits = 0;
        for (IndexedEntry e : entries) {
            MirrorEntry entry = e.entry();
            boolean real = entry.hasRealMirror();
            if (real) {
                mirroredBits |= 1 << e.kind().mirrorGroup().ordinal();
            }
            if (real || entry.policy() != null) {
                policyBits |= 1 << entry.effectivePolicy().ordinal();
            }
        }
        this.policies = policyBits;
        this.mirrored = mirroredBits;
    }

    /** @param entries every entry whose source is exactly {@code source}, in any order */
    public static SourceFacts of(String source, List<IndexedEntry> entries) {
        return new SourceFacts(source, entries);
    }

    /**
     * The entries the nodes act on (a real mirror or a policy set) have more than one effective
     * policy, unset counting as AllowContactingSource: a P4 conflict.
     */
    public boolean conflictingPolicies() {
        return Integer.bitCount(policies) > 1;
    }

    /** Some entry of the group has a real mirror for the source. */
    public boolean mirrored(MirrorGroup group) {
        return (mirrored & 1 << group.ordinal()) != 0;
    }

    /** The group's lists with a real mirror, merged; computed on first use. */
    public synchronized Group group(MirrorGroup group) {
        Group known = groups[group.ordinal()];
        if (known != null) {
            return known;
        }
        List<List<String>> lists = new ArrayList<>(entries.size());
        List<IndexedEntry> from = new ArrayList<>(entries.size());
        for (IndexedEntry e : entries) {
            if (e.kind().mirrorGroup() == group && e.entry().hasRealMirror()) {
                lists.add(withoutNulls(e.entry().mirrors()));
                from.add(e);
            }
        }
        Group made = new Group(lists, MirrorMerge.merge(source, lists), allIdentical(lists), refs(from));
        groups[group.ordinal()] = made;
        return made;
    }

    /** The objects the entries come from, sorted and distinct; most sources have one entry. */
    private static List<String> refs(List<IndexedEntry> from) {
        if (from.size() == 1) {
            return List.of(from.get(0).ref());
        }
        TreeSet<String> refs = new TreeSet<>();
        from.forEach(e -> refs.add(e.ref()));
        return new ArrayList<>(refs);
    }

    /** Repeated identical lists, as {@code oc adm catalog mirror} writes them, merge to themselves. */
    private static boolean allIdentical(List<List<String>> lists) {
        for (int i = 1; i < lists.size(); i++) {
            if (!lists.get(i).equals(lists.get(0))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> withoutNulls(List<String> mirrors) {
        // contains(null) would throw on the immutable empty list, so look ourselves
        boolean hasNull = false;
        for (int i = 0; i < mirrors.size() && !hasNull; i++) {
            hasNull = mirrors.get(i) == null;
        }
        if (!hasNull) {
            return mirrors;
        }
        List<String> out = new ArrayList<>(mirrors.size());
        for (String m : mirrors) {
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }
}
