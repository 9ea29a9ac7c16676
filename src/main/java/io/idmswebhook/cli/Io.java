package io.idmswebhook.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The streams a command reads and writes, passed in so that tests run commands in-process. */
record Io(InputStream in, PrintStream out, PrintStream err) {
}
