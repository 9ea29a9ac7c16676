package io.idmswebhook.robustness;

/** What a hostile body must get back. Every case also requires: no 5xx, no hang, a JSON body. */
enum Expect {
    /** 400 with a Kubernetes Status whose message says why. */
    BAD_REQUEST,
    /** 413: over the body cap, refused before it is read. */
    TOO_LARGE,
    /** 200, the request's uid, allowed. */
    ALLOWED,
    /** 200, the request's uid, allowed without a patch (/mutate leaves the object alone). */
    ALLOWED_UNCHANGED,
    /** 200, the request's uid, denied, with the case's rule id in the message. */
    DENIED,
    /** 400, or 200 with the uid and denied: never allowed. */
    NOT_ALLOWED,
    /** 200 with the request's uid (whatever the decision), or 400 when it is not a review. */
    ANSWERED
}
