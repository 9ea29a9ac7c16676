package io.idmswebhook.cli;

import java.util.Map;

/**
 * Where each field of one object was written, by the field paths that findings name
 * ({@code spec.imageDigestMirrors[2].mirrors[0]}). A path that names something not written (a
 * missing {@code mirrorSourcePolicy}) maps to its closest written parent, and the object itself
 * to where it starts.
 */
final class Positions {

    private final Map<String, Position> byPath;
    private final String prefix;

    /**
     * @param byPath every written field of the document, keyed by its path from the document root
     * @param prefix the object's own path in the document: empty, or {@code items[3]} for an item of a List
     */
    Positions(Map<String, Position> byPath, String prefix) {
        this.byPath = byPath;
        this.prefix = prefix;
    }

    static Positions none() {
        return new Positions(Map.of(), "");
    }

    /** The position of {@code path}, relative to the object, or of its closest written parent. */
    Position of(String path) {
        String p = join(prefix, path == null ? "" : path);
        while (true) {
            Position at = byPath.get(p);
            if (at != null) {
                return at;
            }
            if (p.length() <= prefix.length()) {
                return byPath.getOrDefault(prefix, Position.START);
            }
            p = parent(p);
        }
    }

    static String join(String parent, String child) {
        if (parent.isEmpty()) {
            return child;
        }
        if (child.isEmpty()) {
            return parent;
        }
        return child.startsWith("[") ? parent + child : parent + "." + child;
    }

    /** {@code a.b[2]} of {@code a.b[2].c}, {@code a.b} of {@code a.b[2]}, empty of {@code a}. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
