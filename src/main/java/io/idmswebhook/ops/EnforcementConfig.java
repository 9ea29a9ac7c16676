package io.idmswebhook.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * {@code idms.enforcement.*} as written: {@code mode=deny|warn} and {@code rules.<ID>=deny|warn|off}.
 * Kept as strings so that a wrong value is refused by {@link EnforcementSettings} with a message that
 * names the key, the value and the valid ones, instead of a converter's stack trace. From any
 * configuration source: application.properties, {@code IDMS_ENFORCEMENT_MODE=warn} and
 * {@code IDMS_ENFORCEMENT_RULES_P3=deny} in the environment (the ConfigMap in deploy/), system properties.
 */
@ConfigMapping(prefix = "idms.enforcement")
public interface EnforcementConfig {

    /** The global mode. */
    @WithDefault("deny")
    String mode();

    /** Per-rule overrides, by rule id. */
    Map<String, String> rules();
}
