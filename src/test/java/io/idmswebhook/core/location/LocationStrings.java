package io.idmswebhook.core.location;

import java.util.Random;

/**
 * Seeded generator of location-like strings for the differential and property tests.
 *
 * <p>Uniform random strings almost never match the grammar, so they would only test the reject
 * path. Instead most strings start as valid locations (hosts, ports, paths, wildcards) and then
 * take a few edits drawn from the characters and fragments at the grammar's edges: separators,
 * doubled separators, {@code :}, {@code /}, {@code *}, {@code @}, uppercase, whitespace including a
 * trailing newline, control and non-ASCII characters. That keeps both verdicts frequent and puts
 * most strings one or two edits away from the boundary, where a parser and a pattern disagree.
 *
 * <p>{@link Random} is used on purpose: its algorithm is fixed by the Java specification, so a seed
 * gives the same strings on every JDK and a failure reproduces.
 */
final class LocationStrings {

    /** Single characters an edit may insert or substitute. */
    private static final char[] EDGE_CHARS = {
        '.', '.', '_', '_', '-', '-', ':', ':', '/', '/', '*', '@',
        'a', 'z', 'q', 'A', 'Z', 'Q', '0', '9', '5',
        ' ', '\t', '\n', '\r', '\u000B', '\f', '\u0000', '\u001F', '\u007F',
        '[', ']', '!', '#', '+', '~', '%', '=', '?', '\\', '"',
        '\u00E9', '\u0130', '\u212A', '\u4E2D', '\uD83D', '\uDE00', '\uFF0E', '\u00A0',
    };

    /** Multi-character fragments that sit on the grammar's edges. */
    private static final String[] EDGE_TOKENS = {
        "://", "https://", "http://", "@sha256:", "__", "___", "..", "//", "-.", ".-", "_-", "-_",
        "._", "--", "---", ":5000", ":0", ":", ":latest", "*.", "localhost", "[::1]", "\n", "/a", ".a",
        "A", "-a", "a-",
    };

    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HOST_ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String[] PATH_SEPARATORS = {".", "_", "__", "-", "--", "---"};

    private final Random rnd;

    LocationStrings(long seed) {
        this.rnd = new Random(seed);
    }

    /** The next string of the mix: mostly edited valid locations, some untouched, some noise. */
    String next() {
        int pick = rnd.nextInt(100);
        if (pick < 22) {
            return valid();
        }
        if (pick < 92) {
            return mutate(valid(), 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 6 : 2));
        }
        if (pick < 97) {
            return noise(rnd.nextInt(16));
        }
        return rnd.nextBoolean() ? "" : String.valueOf(EDGE_CHARS[rnd.nextInt(EDGE_CHARS.length)]);
    }

    /** A location the source pattern accepts; about one in eight is a wildcard. */
    String valid() {
        if (rnd.nextInt(8) == 0) {
            return "*." + host();
        }
        StringBuilder sb = new StringBuilder(host());
        if (rnd.nextInt(10) < 3) {
            sb.append(':').append(digits(1 + rnd.nextInt(rnd.nextInt(5) == 0 ? 7 : 5)));
        }
        int components = rnd.nextInt(10) < 4 ? 0 : 1 + rnd.nextInt(4);
        for (int i = 0; i < components; i++) {
            sb.append('/').append(component());
        }
        return sb.toString();
    }

    String host() {
        if (rnd.nextInt(25) == 0) {
            return "localhost";
        }
        int labels = 1 + rnd.nextInt(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < labels; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(rnd.nextInt(10) == 0 ? digits(1 + rnd.nextInt(3)) : label());
        }
        return sb.toString();
    }

    private String label() {
        int len = rnd.nextInt(5) == 0 ? 1 : rnd.nextInt(30) == 0 ? 10 + rnd.nextInt(60) : 2 + rnd.nextInt(7);
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            boolean inner = i > 0 && i < len - 1;
            sb.append(inner && rnd.nextInt(5) == 0 ? '-' : pick(HOST_ALNUM));
        }
        return sb.toString();
    }

    private String component() {
        int runs = 1 + rnd.nextInt(rnd.nextInt(3) == 0 ? 4 : 2);
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < runs; r++) {
            if (r > 0) {
                sb.append(PATH_SEPARATORS[rnd.nextInt(PATH_SEPARATORS.length)]);
            }
            int len = 1 + rnd.nextInt(6);
            for (int i = 0; i < len; i++) {
                sb.append(pick(LOWER_ALNUM));
            }
        }
        return sb.toString();
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        return sb.toString();
    }

    /** Applies {@code edits} random edits: insert, delete, replace, case flip, cut, repeat, trailing newline. */
    String mutate(String s, int edits) {
        StringBuilder sb = new StringBuilder(s);
        for (int e = 0; e < edits; e++) {
            int at = rnd.nextInt(sb.length() + 1);
            switch (rnd.nextInt(9)) {
                case 0, 1 -> sb.insert(at, EDGE_CHARS[rnd.nextInt(EDGE_CHARS.length)]);
                case 2 -> sb.insert(at, EDGE_TOKENS[rnd.nextInt(EDGE_TOKENS.length)]);
                case 3, 4 -> {
                    if (at < sb.length()) {
                        sb.deleteCharAt(at);
                    }
                }
                case 5 -> {
                    if (at < sb.length()) {
                        sb.setCharAt(at, EDGE_CHARS[rnd.nextInt(EDGE_CHARS.length)]);
                    }
                }
                case 6 -> {
                    if (at < sb.length()) {
                        char c = sb.charAt(at);
                        sb.setCharAt(at, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                    }
                }
                case 7 -> {
                    if (rnd.nextBoolean()) {
                        sb.setLength(at);
                    } else {
                        int end = Math.min(sb.length(), at + 1 + rnd.nextInt(4));
                        sb.insert(at, sb.substring(at, end));
                    }
                }
                default -> sb.append(rnd.nextBoolean() ? "\n" : "/");
            }
        }
        return sb.toString();
    }

    /** Characters drawn from the edge alphabet and the grammar's own letters, no structure. */
    String noise(int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append(rnd.nextBoolean() ? EDGE_CHARS[rnd.nextInt(EDGE_CHARS.length)] : pick(HOST_ALNUM));
        }
        return sb.toString();
    }

    /** Arbitrary UTF-16 code units, lone surrogates and controls included. */
    String anyChars(int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            int kind = rnd.nextInt(4);
            sb.append(switch (kind) {
                case 0 -> (char) rnd.nextInt(0x80);
                case 1 -> (char) (0xD800 + rnd.nextInt(0x800));
                case 2 -> (char) rnd.nextInt(0x10000);
                default -> EDGE_CHARS[rnd.nextInt(EDGE_CHARS.length)];
            });
        }
        return sb.toString();
    }

    private char pick(String from) {
        return from.charAt(rnd.nextInt(from.length()));
    }
}
