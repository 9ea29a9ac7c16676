package io.idmswebhook.core.nodes;

import io.idmswebhook.core.rules.RuleId;

/**
 * The Machine Config Operator stops rendering registries.conf for the whole cluster: nodes keep
 * the file they have, and no later mirror change reaches them until this is fixed.
 *
 * @param reason the operator's own error text
 * @param rule   the webhook rule that denies the write causing it (P2, P4, P6, S1), or null when
 *               the cause is the image config, which no mirror-set write can fix
 * @param value  the source, mirror or scope the reason names
 */
public record Refusal(String reason, RuleId rule, String value) {
}
