package io.idmswebhook.robustness;

/**
 * One request of the robustness suite.
 *
 * @param category the line it is counted under in the summary
 * @param path     /validate or /mutate
 * @param body     the bytes sent, as they are (not necessarily JSON or UTF-8)
 * @param expect   what must come back
 * @param uid      the uid a 200 must echo; null to take it from the body (cases that mutate it)
 * @param rule     for {@link Expect#DENIED}: the rule id the message must name, e.g. "X4"
 */
record HostileCase(String category, String path, byte[] body, Expect expect, String uid, String rule) {

    @Override
    public String toString() {
        String head = new String(body, 0, Math.min(body.length, 300), java.nio.charset.StandardCharsets.UTF_8);
        return category + " " + path + " expect " + expect + (rule == null ? "" : " [" + rule + "]")
                + " (" + body.length + " bytes: " + head + (body.length > 300 ? "..." : "") + ")";
    }
}
