package io.idmswebhook.core.engine;

import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Quote;
import java.util.Optional;

/**
 * {@code request.kind} as the API server sent it. Any of the parts may be absent in a review that
 * names a kind this webhook does not handle; a null group is the core group.
 */
public record RequestedKind(String group, String version, String kind) {

    /** The kind when this webhook handles it: group, kind and version must all match. */
    public Optional<MirrorSetKind> known() {
        return MirrorSetKind.of(group == null ? "" : group, kind).filter(k -> k.version().equals(version));
    }

    /**
     * {@code Kind group/version} for a message, quoted as one value so that a kind or version with
     * a line break in it cannot forge a second warning line.
     */
    String described() {
        String prefix = group == null || group.isEmpty() ? "" : group + "/";
        String quoted = Quote.of(kind + " " + prefix + version);
        return quoted.substring(1, quoted.length() - 1);
    }
}
