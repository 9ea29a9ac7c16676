package io.idmswebhook.core.rules;

import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.SourceFacts;
import io.idmswebhook.core.merge.MergedOrder;
import io.idmswebhook.core.model.MirrorGroup;
import io.idmswebhook.core.model.MirrorSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            SourceFacts.Group facts = view.facts(source).group(group);
            List<List<String>> lists = facts.lists();
            MergedOrder merged = facts.merged();
            orders.put(source, merged.order());
            boolean split = !merged.conflict() && lists.size() > 1 && !facts.allIdentical();
            if (!merged.conflict() && !merged.sourceBeforeMirror() && !split) {
                continue;
            }
            String path = e.getValue().path() + ".source";
            String otherNames = CrossPolicyRules.namesWithout(facts.refs(), set.kind().ref(set.name()));
            boolean alone = otherNames.isEmpty();
            String uses = "nodes will use " + String.join(", ", merged.order());
            String involved = alone ? "" : "; other objects: " + otherNames;
            if (merged.conflict()) {
                out.add(Finding.warn(RuleId.O1, path, source,
                        "mirror order conflict for " + Quote.of(source) + ": " + uses + involved,
                        "list the mirrors for " + source + " in one order in every entry"));
            }
            if (merged.sourceBeforeMirror()) {
                out.add(sourceFirst(path, source, e.getValue().source().wildcard(), uses + involved));
            }
            if (split) {
                out.add(Finding.warn(RuleId.O3, path, source,
                        Quote.of(source) + " is split across " + lists.size() + " lists that differ: " + uses
                                + (alone ? "" : " (with " + otherNames + ")"),
                        "keep one list per source if the order matters"));
            }
        }
        return orders;
    }

    /**
     * O2: nodes contact the source before some of its mirrors. For a wildcard source the Machine
     * Config Operator writes the wildcard itself as a mirror location, and every pull under it
     * then fails with "invalid reference format": a denial.
     */
    private static Finding sourceFirst(String path, String source, boolean wildcard, String uses) {
        if (wildcard) {
            return Finding.deny(RuleId.O2, path, source,
                    "the merged order puts the wildcard source " + Quote.of(source) + " before some of its mirrors: "
                            + uses + "; the Machine Config Operator then writes " + source + " as a mirror location,"
                            + " and every pull under it fails with \"invalid reference format\"",
                    "list the mirrors in one order everywhere and keep the source out of its own mirror lists");
        }
        return Finding.warn(RuleId.O2, path, source,
                "nodes contact the source " + Quote.of(source) + " itself before some of its mirrors, so those"
                        + " mirrors are tried only when the source fails: " + uses,
                "list the mirrors in one order everywhere and keep the source out of its own mirror lists");
    }
}
