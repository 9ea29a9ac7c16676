package io.idmswebhook.admission;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fabric8.zjsonpatch.DiffFlags;
import io.fabric8.zjsonpatch.JsonDiff;
import io.idmswebhook.core.defaulting.Normalisation;
import io.idmswebhook.json.MirrorSetTranslator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Turns the defaulting changes into an RFC 6902 patch against the object exactly as the API server
 * sent it. The changes are applied to a copy of that JSON, not to a re-serialised model, so a field
 * the model does not know (a newer API field, an annotation, a status) can never be dropped by the
 * patch: the diff only sees what the changes touched.
 */
final class NormalisationPatch {

    /**
     * Only add, remove and replace: a patch of moves and copies would be correct but much harder to
     * read in an audit log, and the values are short strings.
     */
    private static final EnumSet<DiffFlags> FLAGS = EnumSet.of(DiffFlags.OMIT_VALUE_ON_REMOVE,
            DiffFlags.OMIT_MOVE_OPERATION, DiffFlags.OMIT_COPY_OPERATION);

    private NormalisationPatch() {
    }

    /** The JSON patch turning {@code original} into {@code original} with {@code changes} applied. */
    static JsonNode diff(JsonNode original, List<Normalisation> changes) {
        return JsonDiff.asJson(original, apply(original, changes), FLAGS);
    }

    /** A copy of {@code original} with the changes applied; {@code original} is left as it was. */
    static JsonNode apply(JsonNode original, List<Normalisation> changes) {
        JsonNode copy = original.deepCopy();
        List<Normalisation> removals = new ArrayList<>();
        for (Normalisation n : changes) {
            if (n.removal()) {
                removals.add(n);
                continue;
            }
            JsonPointer pointer = JsonPointer.compile(n.pointer());
            JsonNode parent = copy.at(pointer.head());
            JsonNode current = copy.at(pointer);
            if (!n.addition() && !(current.isTextual() && current.textValue().equals(n.oldValue()))) {
                throw mismatch(n, current);
            }
            if (parent instanceof ObjectNode o) {
                o.set(pointer.last().getMatchingProperty(), TextNode.valueOf(n.newValue()));
            } else if (parent instanceof ArrayNode a && pointer.last().getMatchingIndex() >= 0) {
                a.set(pointer.last().getMatchingIndex(), TextNode.valueOf(n.newValue()));
            } else {
                throw mismatch(n, parent);
            }
        }
        // Positions name the list as received: removing from the highest index down keeps the
        // lower ones valid.
        for (int i = removals.size() - 1; i >= 0; i--) {
            Normalisation n = removals.get(i);
            JsonPointer pointer = JsonPointer.compile(n.pointer());
            JsonNode parent = copy.at(pointer.head());
            JsonNode current = copy.at(pointer);
            if (!(parent instanceof ArrayNode a) || !current.isTextual() || !current.textValue().equals(n.oldValue())) {
                throw mismatch(n, current);
            }
            a.remove(pointer.last().getMatchingIndex());
        }
        return copy;
    }

    /** The model and the JSON disagree: a bug in the reader, never something a user sent. */
    private static IllegalStateException mismatch(Normalisation n, JsonNode found) {
        return new IllegalStateException("change " + n.rule() + " at " + n.pointer() + " does not match the request JSON ("
                + MirrorSetTranslator.describe(found) + ")");
    }
}
