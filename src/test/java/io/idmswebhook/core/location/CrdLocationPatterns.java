package io.idmswebhook.core.location;

import com.google.re2j.Pattern;

/**
 * The reference the parser must agree with: the OpenAPI {@code pattern} of the
 * {@code config.openshift.io/v1} ImageDigestMirrorSet CRD, evaluated the way the API server does.
 *
 * <p>Both strings are the {@code +kubebuilder:validation:Pattern} markers of openshift/api
 * {@code config/v1/types_image_digest_mirror_set.go}: {@code SOURCE} on {@code ImageDigestMirrors.Source},
 * {@code MIRROR} on {@code type ImageMirror string} (the element type of {@code mirrors}). The
 * ImageTagMirrorSet types ({@code types_image_tag_mirror_set.go}) carry the same two markers. Read from
 * the vendored copy in openshift/installer ({@code vendor/github.com/openshift/api/config/v1/}); only the
 * Go raw-string backquotes were dropped and {@code \} doubled for Java.
 *
 * <p>The API server checks {@code pattern} with Go's {@code regexp.MatchString}: an unanchored search
 * under RE2 syntax, where {@code ^} and {@code $} without {@code (?m)} match only at the very start
 * and very end of the text, so {@code "quay.io\n"} does not match. RE2/J is a port of Go's package and
 * keeps those semantics, and {@link com.google.re2j.Matcher#find()} is the counterpart of
 * {@code MatchString}; {@code matches()} would anchor the whole input on top of the pattern's own
 * anchors, which gives the same answer here but is not what Go runs.
 */
final class CrdLocationPatterns {

    static final String SOURCE_PATTERN =
            "^\\*(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))+$"
                    + "|^((?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
                    + "(?:(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))+)?(?::[0-9]+)?)"
                    + "(?:(?:/[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?)+)?$";

    static final String MIRROR_PATTERN =
            "^((?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
                    + "(?:(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))+)?(?::[0-9]+)?)"
                    + "(?:(?:/[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?)+)?$";

    private static final Pattern SOURCE = Pattern.compile(SOURCE_PATTERN);
    private static final Pattern MIRROR = Pattern.compile(MIRROR_PATTERN);

    private CrdLocationPatterns() {
    }

    /** Whether the API server would accept {@code value} in a field of this role. */
    static boolean accepts(String value, LocationRole role) {
        Pattern p = role == LocationRole.SOURCE ? SOURCE : MIRROR;
        return p.matcher(value).find();
    }
}
