package io.idmswebhook.cli;

/** Arguments a command cannot run with: the reason and the command's help go to standard error, exit 2. */
final class UsageException extends Exception {

    UsageException(String reason) {
        super(reason, null, false, false);
    }
}
