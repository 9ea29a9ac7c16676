package io.idmswebhook.core.location;

/**
 * Why a string is not a location (rule S1), in words a person can act on.
 *
 * @param kind    which part is wrong
 * @param problem what is wrong, naming the offending part
 * @param fix     how to fix it
 */
public record LocationProblem(Kind kind, String problem, String fix) {

    /** Which part of the grammar failed. */
    public enum Kind {
        EMPTY,
        WHITESPACE,
        NON_ASCII,
        CONTROL_CHARACTER,
        SCHEME,
        TAG,
        DIGEST,
        IPV6,
        WILDCARD_IN_MIRROR,
        WILDCARD_WITH_PORT_OR_PATH,
        BAD_WILDCARD,
        BAD_HOST,
        BAD_PORT,
        EMPTY_COMPONENT,
        UPPERCASE_PATH,
        BAD_PATH_CHARACTER,
        BAD_SEPARATOR
    }
}
