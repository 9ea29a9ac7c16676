package io.idmswebhook.core.model;

import java.util.Optional;

/** {@code mirrorSourcePolicy}; unset behaves as {@link #ALLOW_CONTACTING_SOURCE}. */
public enum MirrorSourcePolicy {
    NEVER_CONTACT_SOURCE("NeverContactSource"),
    ALLOW_CONTACTING_SOURCE("AllowContactingSource");

    private final String value;

    MirrorSourcePolicy(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<MirrorSourcePolicy> parse(String value) {
        for (MirrorSourcePolicy p : values()) {
            if (p.value.equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
