package io.idmswebhook.core.rules;

import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import java.util.List;

/**
 * Rule X3: the size of object the webhook evaluates. Past these an object is denied with a
 * message that names the limit, never truncated, so every request finishes in bounded time.
 *
 * @param maxEntries         entries per object
 * @param maxMirrorsPerEntry mirrors in one entry
 * @param maxMirrorsTotal    mirrors in the whole object
 * @param maxStringLength    characters in one source, mirror or policy (S3 denies past 255 anyway;
 *                           this bounds the work on hostile input)
 */
public record Limits(int maxEntries, int maxMirrorsPerEntry, int maxMirrorsTotal, int maxStringLength) {

    /**
     * Never below what OpenShift stores and uses: oc-mirror writes objects of thousands of
     * entries (v1 splits at 250,000 bytes, about 1,600 entries; v2 does not split), and the
     * 3 MiB body limit bounds the rest.
     */
    public static final Limits DEFAULT = new Limits(10_000, 100, 20_000, 1024);

    /** Adds an X3 denial when {@code set} is over a limit; returns whether it is within them. */
    public boolean check(MirrorSet set, List<Finding> out) {
        String list = "spec." + set.kind().listField();
        if (set.entries().size() > maxEntries) {
            out.add(Finding.deny(RuleId.X3, list, "entries " + set.entries().size(),
                    set.entries().size() + " entries exceed the limit of " + maxEntries + " per object",
                    "split the entries across several objects"));
            return false;
        }
        int total = 0;
        for (MirrorEntry e : set.entries()) {
            String path = set.entryPath(e.index());
            if (e.mirrors().size() > maxMirrorsPerEntry) {
                out.add(Finding.deny(RuleId.X3, path + ".mirrors", "mirrors " + e.mirrors().size(),
                        e.mirrors().size() + " mirrors exceed the limit of " + maxMirrorsPerEntry + " per entry",
                        "keep at most " + maxMirrorsPerEntry + " mirrors for one source"));
                return false;
            }
            total += e.mirrors().size();
            String field = null;
            String value = null;
            if (tooLong(e.source())) {
                field = ".source";
                value = e.source();
            } else if (tooLong(e.policy())) {
                field = ".mirrorSourcePolicy";
                value = e.policy();
            }
            for (int i = 0; field == null && i < e.mirrors().size(); i++) {
                if (tooLong(e.mirrors().get(i))) {
                    field = ".mirrors[" + i + "]";
                    value = e.mirrors().get(i);
                }
            }
            if (field != null) {
                out.add(Finding.deny(RuleId.X3, path + field, "string length",
                        "the value " + Quote.of(value) + " is " + value.length() + " characters, over the limit of "
                                + maxStringLength + " per value",
                        "a location is at most 255 characters; write the registry location"));
                return false;
            }
        }
        if (total > maxMirrorsTotal) {
            out.add(Finding.deny(RuleId.X3, list, "mirrors " + total,
                    total + " mirrors exceed the limit of " + maxMirrorsTotal + " per object",
                    "split the entries across several objects"));
            return false;
        }
        return true;
    }

    private boolean tooLong(String s) {
        return s != null && s.length() > maxStringLength;
    }
}
