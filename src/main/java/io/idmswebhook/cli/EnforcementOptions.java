package io.idmswebhook.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.idmswebhook.core.engine.Enforcement;
import io.idmswebhook.core.rules.RuleId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The linter's enforcement settings, the same as the service's {@code idms.enforcement.*}:
 * {@code --enforcement deny|warn}, {@code --rule ID=deny|warn|off} (repeated), and a settings file
 * that a GitOps repository keeps next to its manifests. The file is {@value #CONFIG_FILE} in the
 * working directory when it exists, or the one given with {@code --config FILE}:
 *
 * <pre>
 * enforcement: warn      # deny (the default) or warn
 * rules:
 *   P3: deny
 *   S10: "off"           # quoted: some YAML tools read a bare off as false
 * </pre>
 *
 * Flags win over the file, rule by rule. The flags are declared here and parsed by {@link Arguments}
 * like every other; this class turns their values and the file into an {@link Enforcement}.
 */
final class EnforcementOptions {

    /** Named like {@code .yamllint.yaml} and {@code .golangci.yaml}: a dot file of the tool's name. */
    static final String CONFIG_FILE = ".idms-lint.yaml";

    static final List<Flag> FLAGS = List.of(
            Flag.choice("enforcement", "MODE", "warn reports each denial as a \"would deny:\" warning"
                    + " (as the webhook's idms.enforcement.mode)", null, List.of("deny", "warn")),
            Flag.value("rule", "ID=SETTING", "deny, warn or off for one rule, e.g. P3=warn"
                    + " (as idms.enforcement.rules.ID)", true),
            Flag.value("config", "FILE", "enforcement settings file (default: " + CONFIG_FILE
                    + " in the working directory, when there is one)", false));

    private EnforcementOptions() {
    }

    /**
     * The settings file (given, or found in {@code workingDir}) with the flags over it.
     *
     * @throws UsageException a malformed {@code --rule}
     * @throws InputException an unreadable or invalid settings file, naming the file and the key
     */
    static Enforcement resolve(Arguments args, Path workingDir) throws UsageException, InputException {
        String config = args.value("config");
        Path file = config != null ? Path.of(config) : workingDir.resolve(CONFIG_FILE);
        Enforcement.Mode mode = Enforcement.Mode.DENY;
        Map<RuleId, Enforcement.Action> overrides = new EnumMap<>(RuleId.class);
        if (config != null || Files.isRegularFile(file)) {
            JsonNode root = read(file);
            try {
                mode = fromFile(root, overrides);
            } catch (IllegalArgumentException e) {
                throw new InputException(file + ": " + e.getMessage());
            }
        }
        String flagMode = args.value("enforcement");
        if (flagMode != null) {
            mode = Enforcement.parseMode("--enforcement", flagMode);
        }
        try {
            for (String rule : args.values("rule")) {
                int eq = rule.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--rule " + rule
                            + ": write ID=deny, ID=warn or ID=off (e.g. --rule P3=warn)");
                }
                String id = rule.substring(0, eq);
                String setting = rule.substring(eq + 1);
                String key = "--rule " + id;
                Enforcement.Action action = Enforcement.parseAction(key, setting);
                overrides.put(Enforcement.parseRule(key, id, setting), action);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new Enforcement(mode, overrides);
    }

    private static JsonNode read(Path file) throws InputException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such settings file (--config)");
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            return root == null || root.isMissingNode() ? com.fasterxml.jackson.databind.node.NullNode.instance : root;
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": not valid YAML: " + e.getOriginalMessage().replaceAll("\\s*\\n\\s*", " "));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the settings file (" + e.getMessage() + ")");
        }
    }

    private static Enforcement.Mode fromFile(JsonNode root, Map<RuleId, Enforcement.Action> overrides) {
        if (root.isNull()) {
            return Enforcement.Mode.DENY;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("the settings file must be a mapping with enforcement and rules");
        }
        Enforcement.Mode m = Enforcement.Mode.DENY;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            switch (field.getKey()) {
                case "enforcement" -> m = Enforcement.parseMode("enforcement", scalar(field.getValue()));
                case "rules" -> {
                    JsonNode rulesNode = field.getValue();
                    if (!rulesNode.isObject()) {
                        throw new IllegalArgumentException("rules must be a mapping of rule id to deny, warn or off");
                    }
                    rulesNode.fields().forEachRemaining(r -> {
                        String key = "rules." + r.getKey();
                        String setting = scalar(r.getValue());
                        Enforcement.Action action = Enforcement.parseAction(key, setting);
                        overrides.put(Enforcement.parseRule(key, r.getKey(), setting), action);
                    });
                }
                default -> throw new IllegalArgumentException("unknown key \"" + field.getKey()
                        + "\"; the settings file has enforcement and rules");
            }
        }
        return m;
    }

    /** A YAML 1.1 reader may have turned a bare {@code off} into false; it means the setting off. */
    private static String scalar(JsonNode value) {
        if (value.isBoolean() && !value.booleanValue()) {
            return "off";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
