package io.idmswebhook.ops;

import io.idmswebhook.core.engine.Enforcement;
import io.idmswebhook.core.rules.RuleId;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The configured {@link Enforcement}, read once at start. A wrong setting refuses the start with one
 * line that names the key, the value and the valid ones: a webhook that silently ignored
 * {@code idms.enforcement.rules.P3=dney} would deny what its operator meant to let through.
 */
@ApplicationScoped
public class EnforcementSettings {

    static final String PREFIX = "idms.enforcement";

    private static final Logger LOG = Logger.getLogger(EnforcementSettings.class);

    /** Read at start (a {@link Startup} producer), so a wrong value stops the process before the port opens. */
    @Produces
    @Singleton
    @Startup
    Enforcement enforcement(EnforcementConfig config) {
        Enforcement e;
        try {
            e = of(config.mode(), config.rules());
        } catch (IllegalArgumentException bad) {
            throw new ConfigurationException("invalid enforcement setting: " + bad.getMessage());
        }
        if (e.mode() == Enforcement.Mode.WARN || !e.overrides().isEmpty()) {
            LOG.infof("enforcement %s: denials lowered by it are answered as warnings that start with \"%s\" and counted"
                    + " in idms_webhook_rule_would_deny_total", e.describe(), Enforcement.WOULD_DENY.trim());
        }
        return e;
    }

    /** The settings as strings, checked; the keys are named as the configuration writes them. */
    static Enforcement of(String mode, Map<String, String> rules) {
        Enforcement.Mode m = Enforcement.parseMode(PREFIX + ".mode", mode);
        Map<RuleId, Enforcement.Action> overrides = new EnumMap<>(RuleId.class);
        // Sorted, so the first wrong key reported is the same on every start.
        for (Map.Entry<String, String> r : new TreeMap<>(rules).entrySet()) {
            String key = PREFIX + ".rules." + r.getKey();
            Enforcement.Action action = Enforcement.parseAction(key, r.getValue());
            RuleId rule = Enforcement.parseRule(key, r.getKey(), r.getValue());
            if (overrides.put(rule, action) != null) {
                throw new IllegalArgumentException(key + " sets " + rule + " a second time (the keys differ only in letter"
                        + " case); keep one of them");
            }
        }
        return new Enforcement(m, overrides);
    }
}
