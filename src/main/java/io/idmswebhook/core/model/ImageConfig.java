package io.idmswebhook.core.model;

import java.util.List;

/**
 * {@code spec.registrySources} of the cluster image config ({@code images.config.openshift.io/cluster}).
 * An empty allowed list means "not set": every registry is allowed.
 */
public record ImageConfig(List<String> allowedRegistries, List<String> blockedRegistries,
                          List<String> insecureRegistries) {

    public static final ImageConfig NONE = new ImageConfig(List.of(), List.of(), List.of());

    public ImageConfig {
        allowedRegistries = allowedRegistries == null ? List.of() : List.copyOf(allowedRegistries);
        blockedRegistries = blockedRegistries == null ? List.of() : List.copyOf(blockedRegistries);
        insecureRegistries = insecureRegistries == null ? List.of() : List.copyOf(insecureRegistries);
    }
}
