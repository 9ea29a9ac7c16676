package io.idmswebhook.core.model;

import java.util.List;

/** An IDMS, ITMS or ICSP object reduced to what the rules read. */
public record MirrorSet(MirrorSetKind kind, String name, List<MirrorEntry> entries) {

    public MirrorSet {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** {@code Kind/name}. */
    public String ref() {
        return kind.ref(name);
    }

    /** {@code spec.imageDigestMirrors[i]}. */
    public String entryPath(int index) {
        return "spec." + kind.listField() + "[" + index + "]";
    }

    public boolean sameObject(MirrorSetKind otherKind, String otherName) {
        return kind == otherKind && name != null && name.equals(otherName);
    }
}
