package io.idmswebhook.cli;

import java.util.Collection;

/** The text of {@code --help}, built from the commands and their {@link Flag}s. */
final class Help {

    private static final int FLAG_COLUMN = 28;

    private Help() {
    }

    static String overview(Collection<Command> commands) {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: idms-lint COMMAND [OPTIONS] ARGS...\n");
        sb.append("       idms-lint --version | --help | help COMMAND\n\n");
        sb.append("Offline checks of ImageDigestMirrorSet, ImageTagMirrorSet and ImageContentSourcePolicy\n");
        sb.append("manifests with the admission webhook's rules.\n\ncommands:\n");
        for (Command c : commands) {
            sb.append(pad("  " + c.name())).append(c.summary()).append('\n');
        }
        sb.append("\nidms-lint COMMAND --help lists the command's options.\n");
        return sb.toString();
    }

    static String of(Command c) {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: idms-lint ").append(c.name()).append(" [OPTIONS] ").append(c.operands()).append("\n\n");
        sb.append(c.description().strip()).append("\n\noptions:\n");
        for (Flag f : c.flags()) {
            sb.append(pad("  " + f.spelling())).append(f.fullHelp()).append('\n');
        }
        sb.append(pad("  -h, --help")).append("show this help\n");
        return sb.toString();
    }

    private static String pad(String s) {
        if (s.length() >= FLAG_COLUMN) {
            return s + "\n" + " ".repeat(FLAG_COLUMN);
        }
        return s + " ".repeat(FLAG_COLUMN - s.length());
    }
}
