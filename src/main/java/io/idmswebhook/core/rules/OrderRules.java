package io.idmswebhook.core.rules;

import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.IndexedEntry;
import io.idmswebhook.core.merge.MergedOrder;
import io.idmswebhook.core.merge.MirrorMerge;
import io.idmswebhook.core.model.MirrorGroup;
import io.idmswebhook.core.model.MirrorSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Rules O1-O3: for each source of the object, every list in its mirror group that names the
 * same source (this object's and the cluster's) merged the way the nodes merge them, and what
 * that order means.
 */
public final class OrderRules {

    private OrderRules() {
    }

    /** Adds O findings and returns the merged order per source of the object. */
    public static Map<String, List<String>> check(MirrorSet set, List<ParsedEntry> entries, ClusterView view,
                                                  List<Finding> out) {
        MirrorGroup group = set.kind().mirrorGroup();
        Map<String, ParsedEntry> firstBySource = new LinkedHashMap<>();
        for (ParsedEntry pe : entries) {
            if (pe.source() != null && pe.entry().hasRealMirror()) {
                firstBySource.putIfAbsent(pe.entry().source(), pe);
            }
        }
        Map<String, List<String>> orders = new LinkedHashMap<>();
        for (Map.Entry<String, ParsedEntry> e : firstBySource.entrySet()) {
            String source = e.getKey();
            String path = e.getValue().path() + ".source";
            List<List<String>> lists = new ArrayList<>();
            TreeSet<String> others = new TreeSet<>();
            for (IndexedEntry other : view.withSource(source)) {
                if (other.kind().mirrorGroup() != group || !other.entry().hasRealMirror()) {
                    continue;
                }
                lists.add(withoutNulls(other.entry().mirrors()));
                if (!other.belongsTo(set.kind(), set.name())) {
                    others.add(other.ref());
                }
            }
            MergedOrder merged = MirrorMerge.merge(source, lists);
            orders.put(source, merged.order());
            boolean split = !merged.conflict() && lists.size() > 1;
            if (!merged.conflict() && !merged.sourceBeforeMirror() && !split) {
                continue;
            }
            String uses = "nodes will use " + String.join(", ", merged.order());
            String involved = others.isEmpty() ? "" : "; other objects: " + CrossPolicyRules.names(new ArrayList<>(others));
            if (merged.conflict()) {
                out.add(Finding.warn(RuleId.O1, path, source,
                        "mirror order conflict for " + Quote.of(source) + ": " + uses + involved,
                        "list the mirrors for " + source + " in one order in every entry"));
            }
            if (merged.sourceBeforeMirror()) {
                out.add(Finding.warn(RuleId.O2, path, source,
                        "the merged order contacts the source " + Quote.of(source) + " before some of its mirrors: "
                                + uses + involved,
                        "list the mirrors in one order everywhere and keep the source out of its own mirror lists"));
            }
            if (split) {
                out.add(Finding.warn(RuleId.O3, path, source,
                        Quote.of(source) + " is split across " + lists.size() + " lists: " + uses + involved,
                        "keep one list for " + source + " if the order matters"));
            }
        }
        return orders;
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
