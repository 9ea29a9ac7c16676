package io.idmswebhook.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One in-process run of {@code idms-lint}, for the CLI tests. */
record CliRun(int code, String out, String err) {

    static final String DIR = "src/test/resources/cli/";

    static CliRun of(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static CliRun of(String... args) {
        return of(InputStream.nullInputStream(), args);
    }

    static CliRun withStdin(String stdin, String... args) {
        return of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    static String golden(String name) throws IOException {
        return Files.readString(Path.of(DIR, "golden", name), StandardCharsets.UTF_8);
    }

    /**
     * Compares with a golden file; with {@code -Dgolden.write=true} writes it instead, for a change
     * of output that was meant (review the diff before committing it).
     */
    static void assertGolden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(Path.of(DIR, "golden", name), actual, StandardCharsets.UTF_8);
        }
        org.junit.jupiter.api.Assertions.assertEquals(golden(name), actual, name);
    }
}
