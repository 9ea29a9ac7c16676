package io.idmswebhook.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments after the command word, parsed against the command's {@link Flag}s: unknown
 * flags, missing values and values outside a flag's choices are usage errors here, so commands
 * only read what is valid. {@code -} is an operand (standard input) and {@code --} ends the flags.
 */
final class Arguments {

    private final Map<String, List<String>> values = new HashMap<>();
    private final Map<String, Boolean> toggles = new HashMap<>();
    private final Map<String, Flag> flags = new HashMap<>();
    private final List<String> operands = new ArrayList<>();

    private Arguments(List<Flag> declared) {
        for (Flag f : declared) {
            flags.put(f.name(), f);
        }
    }

    static Arguments parse(Command command, List<String> args) throws UsageException {
        Arguments a = new Arguments(command.flags());
        boolean onlyOperands = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (onlyOperands || arg.equals("-") || !arg.startsWith("-")) {
                a.operands.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                onlyOperands = true;
                continue;
            }
            String body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            String inline = eq < 0 ? null : body.substring(eq + 1);
            Flag flag = a.flags.get(name);
            if (flag == null && name.startsWith("no-")) {
                Flag positive = a.flags.get(name.substring(3));
                if (positive != null && positive.negatable() && inline == null) {
                    a.toggles.put(positive.name(), false);
                    continue;
                }
            }
            if (flag == null || !arg.startsWith("--")) {
                throw new UsageException("unknown option \"" + arg + "\" for " + command.name());
            }
            if (!flag.takesValue()) {
                if (inline != null) {
                    throw new UsageException("--" + name + " takes no value, found \"" + arg + "\"");
                }
                a.toggles.put(name, true);
                continue;
            }
            String value;
            if (inline != null) {
                value = inline;
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException("--" + name + " needs a value (" + flag.valueName() + ")");
            }
            if (!flag.choices().isEmpty() && !flag.choices().contains(value)) {
                throw new UsageException(command.name() + " --" + name + " must be one of "
                        + String.join(", ", flag.choices()) + ", not \"" + value + "\"");
            }
            List<String> list = a.values.computeIfAbsent(name, k -> new ArrayList<>());
            if (!flag.repeatable() && !list.isEmpty()) {
                throw new UsageException("--" + name + " is given twice; give it once");
            }
            list.add(value);
        }
        return a;
    }

    /** True when the switch is given (and not negated). */
    boolean on(String flag) {
        return toggles.getOrDefault(declared(flag).name(), false);
    }

    /** The switch as given, {@code --name} or {@code --no-name}; empty when neither is. */
    Optional<Boolean> toggle(String flag) {
        return Optional.ofNullable(toggles.get(declared(flag).name()));
    }

    /** The flag's value, or its default. */
    String value(String flag) {
        List<String> given = values.get(declared(flag).name());
        return given == null ? flags.get(flag).fallback() : given.get(given.size() - 1);
    }

    /** Every value of a repeatable flag, in the order given. */
    List<String> values(String flag) {
        return List.copyOf(values.getOrDefault(declared(flag).name(), List.of()));
    }

    List<String> operands() {
        return List.copyOf(operands);
    }

    private Flag declared(String name) {
        Flag f = flags.get(name);
        if (f == null) {
            throw new IllegalArgumentException("the command does not declare --" + name);
        }
        return f;
    }
}
