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

    public static final Limits DEFAULT = new Limits(1000, 100, 5000, 1024);

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
            if (tooLong(e.source()) || tooLong(e.policy()) || e.mirrors().stream().anyMatch(this::tooLong)) {
                out.add(Finding.deny(RuleId.X3, path, "string length",
                        "a value is longer than the limit of " + maxStringLength + " characters",
                        "locations are at most 255 characters"));
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
