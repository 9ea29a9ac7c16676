package io.idmswebhook.core.defaulting;

import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.rules.Finding;
import java.util.List;

/**
 * What defaulting made of one object.
 *
 * @param repaired the object with every change applied (repeats removed); the object as received
 *                 when nothing changed or the object is over the evaluation limits
 * @param changes  the changes in the order they apply, each naming the position as received
 * @param denials D0: what the CRD schema would reject after the repairs, as our S-rule findings
 */
public record Defaulted(MirrorSet repaired, List<Normalisation> changes, List<Finding> denials) {

    public Defaulted {
        changes = List.copyOf(changes);
        denials = List.copyOf(denials);
    }

    public boolean allowed() {
        return denials.isEmpty();
    }

    public boolean changed() {
        return !changes.isEmpty();
    }
}
