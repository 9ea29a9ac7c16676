package io.idmswebhook.cli;

import java.util.List;

/**
 * One subcommand of {@code idms-lint}. {@link Main} parses the flags a command declares, prints
 * its help from them, and hands it the rest; so a new command or flag is one class or one
 * {@link Flag} entry, and {@code --help} can never miss a flag.
 */
interface Command {

    /** The word after {@code idms-lint}. */
    String name();

    /** What follows the flags in the usage line, e.g. {@code PATH...}. */
    String operands();

    /** One line for the command list of {@code idms-lint --help}. */
    String summary();

    /** The paragraphs of {@code idms-lint NAME --help} between the usage line and the flags. */
    String description();

    List<Flag> flags();

    /**
     * @return the exit code ({@link Main#OK}, {@link Main#DENIED}, {@link Main#USAGE})
     * @throws UsageException for arguments the parser let through but the command cannot use
     */
    int run(Arguments args, Io io) throws UsageException;
}
