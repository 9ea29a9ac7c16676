package io.idmswebhook.core.view;

import java.util.Collection;

/**
 * Which strings are certainly not among a set of sources, asked by hash code so that the caller
 * need not build the string first. A prefix query walks the separators of a location with a
 * running {@link String#hashCode} and builds the prefix only where this says it may be a
 * source: on a large object nearly every length is some source's length, so a filter by length
 * let nearly every prefix through. Sized to the set, so a small object's filter is a few words.
 */
final class SourceHashFilter {

    private final long[] bits;
    private final int mask;

    SourceHashFilter(Collection<String> sources) {
        // about sixteen bits per source keeps false positives near one in twenty
        int size = Integer.highestOneBit(Math.max(64, sources.size() * 16) * 2 - 1);
        this.bits = new long[size >>> 6];
        this.mask = size - 1;
        for (String s : sources) {
            int b = slot(s.hashCode());
            bits[b >>> 6] |= 1L << b;
        }
    }

    /** False when no source has this {@link String#hashCode}. */
    boolean mayContain(int hash) {
        int b = slot(hash);
        return (bits[b >>> 6] & 1L << b) != 0;
    }

    private int slot(int hash) {
        return (hash ^ hash >>> 16) & mask;
    }
}
