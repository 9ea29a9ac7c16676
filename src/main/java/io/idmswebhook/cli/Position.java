package io.idmswebhook.cli;

/** A place in an input file, both counted from 1, as editors and CI annotations count them. */
record Position(int line, int column) {

    static final Position START = new Position(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
