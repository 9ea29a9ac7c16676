package io.idmswebhook.core.rules;

/**
 * Values as messages show them: in double quotes, with {@code "}, {@code \} and control
 * characters escaped so that the value reads back ({@code "quay.io/ns\""}), and long values
 * shortened, so that one hostile string cannot eat the warning budget or forge a line.
 */
public final class Quote {

    static final int MAX_SHOWN = 72;

    private Quote() {
    }

    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 8).append('"');
        int shown = 0;
        for (int i = 0; i < value.length(); i++) {
            if (shown >= MAX_SHOWN) {
                sb.append("...(").append(value.length()).append(" chars)");
                break;
            }
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
            shown++;
        }
        return sb.append('"').toString();
    }
}
