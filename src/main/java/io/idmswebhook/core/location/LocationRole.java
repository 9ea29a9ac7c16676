package io.idmswebhook.core.location;

/** Sources may be {@code *.domain} wildcards; mirrors never. */
public enum LocationRole {
    SOURCE("source"),
    MIRROR("mirror");

    private final String noun;

    LocationRole(String noun) {
        this.noun = noun;
    }

    public String noun() {
        return noun;
    }
}
