package io.idmswebhook.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.idmswebhook.core.engine.Enforcement;
import io.idmswebhook.core.rules.RuleId;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/**
 * idms.enforcement.* through the same configuration machinery as the service: properties, and the
 * environment variables that the ConfigMap in deploy/ sets.
 */
class EnforcementSettingsTest {

    private static Enforcement read(ConfigSource source) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(EnforcementConfig.class).withSources(source).build();
        EnforcementConfig c = config.getConfigMapping(EnforcementConfig.class);
        return EnforcementSettings.of(c.mode(), c.rules());
    }

    @Test
    void nothingSetIsTheRuleBook() {
        assertEquals(Enforcement.DEFAULT, read(new PropertiesConfigSource(Map.of(), "empty", 100)));
    }

    @Test
    void propertiesSetTheModeAndTheRules() {
        Enforcement e = read(new PropertiesConfigSource(Map.of("idms.enforcement.mode", "warn",
                "idms.enforcement.rules.P3", "deny", "idms.enforcement.rules.S10", "off"), "props", 100));
        assertEquals(new Enforcement(Enforcement.Mode.WARN,
                Map.of(RuleId.P3, Enforcement.Action.DENY, RuleId.S10, Enforcement.Action.OFF)), e);
    }

    @Test
    void environmentVariablesSetThemToo() {
        Enforcement e = read(new EnvConfigSource(Map.of("IDMS_ENFORCEMENT_MODE", "warn",
                "IDMS_ENFORCEMENT_RULES_P3", "deny", "IDMS_ENFORCEMENT_RULES_S10", "off"), 300));
        assertEquals(new Enforcement(Enforcement.Mode.WARN,
                Map.of(RuleId.P3, Enforcement.Action.DENY, RuleId.S10, Enforcement.Action.OFF)), e);
    }

    @Test
    void aWrongSettingNamesTheKeyTheValueAndTheValidOnes() {
        IllegalArgumentException rule = assertThrows(IllegalArgumentException.class, () -> read(new PropertiesConfigSource(
                Map.of("idms.enforcement.rules.P33", "warn"), "props", 100)));
        assertTrue(rule.getMessage().startsWith("idms.enforcement.rules.P33=\"warn\": \"P33\" is not a rule id of the rule book; use one of S1, "),
                rule.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> read(new PropertiesConfigSource(
                Map.of("idms.enforcement.rules.P3", "dney"), "props", 100)));
        assertEquals("idms.enforcement.rules.P3=\"dney\" is not a rule setting; use deny, warn or off", value.getMessage());
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () -> read(new EnvConfigSource(
                Map.of("IDMS_ENFORCEMENT_MODE", "audit"), 300)));
        assertEquals("idms.enforcement.mode=\"audit\" is not an enforcement mode; use deny or warn", mode.getMessage());
    }

    @Test
    void theConfigMapInDeployHoldsValidSettings() throws Exception {
        Path file = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
                .resolve("deploy/base/enforcement-configmap.yaml");
        JsonNode data = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).path("data");
        Map<String, String> env = new HashMap<>();
        data.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        assertTrue(env.keySet().stream().allMatch(k -> k.startsWith("IDMS_ENFORCEMENT_")), env::toString);
        assertEquals(Enforcement.DEFAULT, read(new EnvConfigSource(env, 300)), "the shipped settings are the rule book's");
    }

    @Test
    void theSameRuleTwiceIsRefused() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> EnforcementSettings.of("deny",
                Map.of("P3", "deny", "p3", "warn")));
        assertTrue(twice.getMessage().contains("sets P3 a second time"), twice.getMessage());
    }
}
