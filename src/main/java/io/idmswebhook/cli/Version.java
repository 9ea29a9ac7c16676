package io.idmswebhook.cli;

/** What {@code --version} prints: the version the jar was built as, from its manifest. */
final class Version {

    private Version() {
    }

    static String line() {
        String v = Main.class.getPackage().getImplementationVersion();
        // Only the packaged jar has a manifest; classes run from a build directory do not.
        return "idms-lint " + (v == null ? "(unpackaged build)" : v);
    }
}
