package io.idmswebhook.cli;

import java.util.List;

/**
 * A command-line flag: {@code --name} alone (a switch), or {@code --name VALUE} /
 * {@code --name=VALUE}.
 *
 * @param name       without the leading dashes
 * @param valueName  how help names the value; null for a switch
 * @param help       one line for {@code --help}
 * @param choices    the values allowed; empty for any value
 * @param fallback   the value when the flag is not given (null: none)
 * @param repeatable the flag may be given more than once, each value kept
 * @param negatable  a switch that also has a {@code --no-name} form, for a default that depends on the input
 */
record Flag(String name, String valueName, String help, List<String> choices, String fallback,
            boolean repeatable, boolean negatable) {

    static Flag toggle(String name, String help) {
        return new Flag(name, null, help, List.of(), null, false, false);
    }

    static Flag negatableToggle(String name, String help) {
        return new Flag(name, null, help, List.of(), null, false, true);
    }

    static Flag choice(String name, String valueName, String help, String fallback, List<String> choices) {
        return new Flag(name, valueName, help, List.copyOf(choices), fallback, false, false);
    }

    static Flag value(String name, String valueName, String help, boolean repeatable) {
        return new Flag(name, valueName, help, List.of(), null, repeatable, false);
    }

    boolean takesValue() {
        return valueName != null;
    }

    /** {@code --format FORMAT} or {@code --[no-]fail-on-empty}, as help prints it. */
    String spelling() {
        String dashes = negatable ? "--[no-]" : "--";
        return dashes + name + (takesValue() ? " " + valueName : "");
    }

    /** The help line's text with the choices and the default spelled out. */
    String fullHelp() {
        StringBuilder sb = new StringBuilder(help);
        if (!choices.isEmpty()) {
            sb.append(": ").append(String.join(", ", choices));
        }
        if (fallback != null) {
            sb.append(" (default ").append(fallback).append(')');
        }
        if (repeatable) {
            sb.append(" (may be repeated)");
        }
        return sb.toString();
    }
}
