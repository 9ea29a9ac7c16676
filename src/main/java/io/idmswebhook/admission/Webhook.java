package io.idmswebhook.admission;

/** Which of the two endpoints answered: the label that splits every metric and log line. */
public enum Webhook {
    VALIDATE("validate"),
    MUTATE("mutate");

    private final String label;

    Webhook(String label) {
        this.label = label;
    }

    /** Lower-case, as it appears in metric labels, log fields and the endpoint path. */
    public String label() {
        return label;
    }
}
