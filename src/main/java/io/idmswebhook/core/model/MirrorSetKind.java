package io.idmswebhook.core.model;

import java.util.Optional;

/** The three object kinds that carry mirror configuration, and what differs between them. */
public enum MirrorSetKind {
    IDMS("ImageDigestMirrorSet", "config.openshift.io", "v1", "imagedigestmirrorsets", "imageDigestMirrors",
            MirrorGroup.DIGEST, true),
    ITMS("ImageTagMirrorSet", "config.openshift.io", "v1", "imagetagmirrorsets", "imageTagMirrors",
            MirrorGroup.TAG, true),
    ICSP("ImageContentSourcePolicy", "operator.openshift.io", "v1alpha1", "imagecontentsourcepolicies",
            "repositoryDigestMirrors", MirrorGroup.DIGEST, false);

    private final String kind;
    private final String group;
    private final String version;
    private final String resource;
    private final String listField;
    private final MirrorGroup mirrorGroup;
    private final boolean hasSchema;

    MirrorSetKind(String kind, String group, String version, String resource, String listField,
                  MirrorGroup mirrorGroup, boolean hasSchema) {
        this.kind = kind;
        this.group = group;
        this.version = version;
        this.resource = resource;
        this.listField = listField;
        this.mirrorGroup = mirrorGroup;
        this.hasSchema = hasSchema;
    }

    public String kind() { return kind; }
    public String group() { return group; }
    public String version() { return version; }
    public String apiVersion() { return group + "/" + version; }
    public String resource() { return resource; }
    /** Field under {@code spec} that holds the entries. */
    public String listField() { return listField; }
    public MirrorGroup mirrorGroup() { return mirrorGroup; }

    /**
     * IDMS and ITMS have a CRD schema with patterns, {@code mirrorSourcePolicy} and unique mirror lists;
     * ICSP has none of these, so a repeated mirror there is legal (it changes the merged order).
     */
    public boolean hasPolicyAndSchema() { return hasSchema; }

    /** {@code Kind/name}, the way messages name objects. */
    public String ref(String name) { return kind + "/" + name; }

    public static Optional<MirrorSetKind> of(String group, String kind) {
        for (MirrorSetKind k : values()) {
            if (k.kind.equals(kind) && k.group.equals(group)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<MirrorSetKind> ofApiVersion(String apiVersion, String kind) {
        for (MirrorSetKind k : values()) {
            if (k.kind.equals(kind) && k.apiVersion().equals(apiVersion)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
