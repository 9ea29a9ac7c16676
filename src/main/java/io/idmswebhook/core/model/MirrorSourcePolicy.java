package io.idmswebhook.core.model;

import java.util.Optional;

/** {@code mirrorSourcePolicy}; unset behaves as {@link #ALLOW_CONTACTING_SOURCE}. */
public enum MirrorSourcePolicy {
    NEVER_CONTACT_SOURCE("NeverContactSource"),
    ALLOW_CONTACTING_SOURCE("AllowContactingSource");

    private static final MirrorSourcePolicy[] ALL = values();

    private final String value;

    MirrorSourcePolicy(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<MirrorSourcePolicy> parse(String value) {
        return Optional.ofNullable(of(value));
    }

    /**
     * The policy {@code value} names, or null (also for null). The rules ask this of every entry
     * many times, so it allocates nothing: no Optional, no copy of {@code values()}.
     */
    public static MirrorSourcePolicy of(String value) {
        for (MirrorSourcePolicy p : ALL) {
            if (p.value.equals(value)) {
                return p;
            }
        }
        return null;
    }
}
