package io.idmswebhook.core.defaulting;

import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.Quote;
import io.idmswebhook.core.rules.RuleId;
import java.util.Objects;

/**
 * One change the defaulting rules make to one field.
 *
 * <p>Pointers and paths name positions in the object <em>as received</em>: a value repaired by
 * several rules yields one change per rule, in the order applied, all at the same pointer; a
 * removed repeat keeps the index the user wrote. Whoever applies the changes to a document sets
 * values and adds fields in list order and removes list items last, from the highest index down.
 *
 * @param rule     D1..D5
 * @param pointer  RFC 6901 pointer, e.g. {@code /spec/imageDigestMirrors/0/mirrors/1}
 * @param path     the same field as messages name it, e.g. {@code spec.imageDigestMirrors[0].mirrors[1]}
 * @param oldValue the value before this change; null when the field was unset (D5)
 * @param newValue the value after this change; null when the item is removed (D4)
 */
public record Normalisation(RuleId rule, String pointer, String path, String oldValue, String newValue) {

    public Normalisation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(path, "path");
        if (oldValue == null && newValue == null) {
            throw new IllegalArgumentException("a change needs an old or a new value: " + path);
        }
    }

    /** The list item at {@link #pointer()} goes away. */
    public boolean removal() {
        return newValue == null;
    }

    /** A field that was unset is written. */
    public boolean addition() {
        return oldValue == null;
    }

    /**
     * {@code normalised <path> from "<old>" to "<new>" [Dn]}, or for a removal
     * {@code removed repeated mirror <path> "<value>" [D4]}. Values are quoted with control
     * characters escaped, so a trimmed newline shows as {@code \n}.
     */
    public String message() {
        return text() + " " + rule.tag();
    }

    /**
     * The change as a warning finding, so it goes through the same length budget as every other
     * warning ({@code Decision#warningMessages}). The path is carried inside the text, not in the
     * finding's path, because a change reads "normalised path ..." rather than "path: problem".
     */
    public Finding asWarning() {
        return Finding.warn(rule, "", removal() ? oldValue : newValue, text(), null);
    }

    private String text() {
        if (removal()) {
            return "removed repeated mirror " + path + " " + Quote.of(oldValue);
        }
        String from = oldValue == null ? "unset" : Quote.of(oldValue);
        return "normalised " + path + " from " + from + " to " + Quote.of(newValue);
    }
}
