package io.idmswebhook.core.nodes;

/**
 * Quoting for the two text formats the node side speaks: TOML basic strings and Go's {@code %q}.
 * They escape the same characters and differ only in how a control character is written.
 */
final class TomlStrings {

    private TomlStrings() {
    }

    /** A TOML basic string; values the rules deny can hold anything, so escape what TOML needs. */
    static String quote(String s) {
        return quoted(s, "\\u%04X");
    }

    /**
     * Go's {@code %q} of a string, as the operator's error messages print values, so that a reason
     * we quote reads exactly as the operator's own.
     */
    static String goQuote(String s) {
        return quoted(s, "\\x%02x");
    }

    private static String quoted(String s, String control) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format(control, (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
