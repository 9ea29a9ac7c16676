package io.idmswebhook.core.model;

import java.util.List;

/**
 * {@code spec.registrySources} of the cluster image config ({@code images.config.openshift.io/cluster}).
 * An empty allowed list means "not set": every registry is allowed. An empty search list means
 * "not set" too: the nodes keep the Machine Config Operator's default unqualified-search registries.
 */
public record ImageConfig(List<String> allowedRegistries, List<String> blockedRegistries,
                          List<String> insecureRegistries, List<String> searchRegistries) {

    public static final ImageConfig NONE = new ImageConfig(List.of(), List.of(), List.of(), List.of());

    public ImageConfig {
        allowedRegistries = allowedRegistries == null ? List.of() : List.copyOf(allowedRegistries);
        blockedRegistries = blockedRegistries == null ? List.of() : List.copyOf(blockedRegistries);
        insecureRegistries = insecureRegistries == null ? List.of() : List.copyOf(insecureRegistries);
        searchRegistries = searchRegistries == null ? List.of() : List.copyOf(searchRegistries);
    }

    public ImageConfig(List<String> allowedRegistries, List<String> blockedRegistries, List<String> insecureRegistries) {
        this(allowedRegistries, blockedRegistries, insecureRegistries, List.of());
    }
}
