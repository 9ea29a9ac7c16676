package io.idmswebhook.core.nodes;

/** What {@link Rendering} gives: the file the operator writes, or its refusal to write one. */
public record RenderResult(RegistriesConf conf, Refusal refusal) {

    public static RenderResult of(RegistriesConf conf) {
        return new RenderResult(conf, null);
    }

    public static RenderResult refused(Refusal refusal) {
        return new RenderResult(null, refusal);
    }

    public boolean refused() {
        return refusal != null;
    }
}
