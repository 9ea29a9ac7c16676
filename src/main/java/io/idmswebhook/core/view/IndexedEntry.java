package io.idmswebhook.core.view;

import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSetKind;

/** An entry together with the object it belongs to. */
public record IndexedEntry(MirrorSetKind kind, String objectName, MirrorEntry entry) {

    /** {@code Kind/name} of the owning object. */
    public String ref() {
        return kind.ref(objectName);
    }

    public boolean belongsTo(MirrorSetKind otherKind, String otherName) {
        return kind == otherKind && objectName.equals(otherName);
    }
}
