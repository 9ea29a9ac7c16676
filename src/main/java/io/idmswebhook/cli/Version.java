package io.idmswebhook.cli;

/** What {@code --version} prints: the version the jar was built as, from its manifest. */
final class Version {

    private Version() {
    }

    static String line() {
        return "idms-lint " + number();
    }

    /** The bare version; only the packaged jar has a manifest, classes run from a build directory do not. */
    static String number() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.0.0-unpackaged" : v;
    }
}
