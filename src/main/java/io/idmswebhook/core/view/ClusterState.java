package io.idmswebhook.core.view;

/** Whether cross-object checks can run, and if not, whether that is by choice. */
public enum ClusterState {
    /** The view is current: cross-object rules run. */
    READY,
    /** The view should exist but is not current (not synced, API server unreachable): rule X2. */
    UNAVAILABLE,
    /** Cross-object checks are off by configuration (the embedded default): no warning. */
    OFF
}
