package io.idmswebhook.cli;

/** Input the commands cannot use (a missing file, broken YAML, a duplicate object): exit code 2. */
final class InputException extends Exception {

    InputException(String reason) {
        super(reason, null, false, false);
    }
}
