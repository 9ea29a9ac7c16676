package io.idmswebhook.core.model;

/**
 * Nodes merge mirror lists per group: digest pulls read IDMS and ICSP entries together,
 * tag pulls read ITMS entries only. Rules that compare entries never cross groups.
 */
public enum MirrorGroup {
    DIGEST("digest-only"),
    TAG("tag-only");

    private final String pullFromMirror;

    MirrorGroup(String pullFromMirror) {
        this.pullFromMirror = pullFromMirror;
    }

    /** The value the nodes' registries.conf uses for mirrors of this group. */
    public String pullFromMirror() {
        return pullFromMirror;
    }
}
