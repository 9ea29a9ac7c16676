package io.idmswebhook.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idmswebhook.admission.AdmissionJson;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.RuleId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MirrorSetTranslatorTest {

    private final ObjectMapper mapper = AdmissionJson.newMapper();

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text.replace('\'', '"'));
    }

    @Test
    void idmsEntriesKeepValuesAsWritten() throws Exception {
        MirrorSet set = MirrorSetTranslator.read(MirrorSetKind.IDMS, json("""
                {'apiVersion':'config.openshift.io/v1','kind':'ImageDigestMirrorSet','metadata':{'name':'a'},
                 'spec':{'imageDigestMirrors':[
                   {'source':' Quay.IO/ns/ ','mirrors':['m.example/ns','m.example/ns'],'mirrorSourcePolicy':'Sometimes'},
                   {'source':'quay.io/x','mirrors':null}]}}"""), "fallback");
        assertEquals("a", set.name());
        assertEquals(MirrorSetKind.IDMS, set.kind());
        assertEquals(new MirrorEntry(0, " Quay.IO/ns/ ", List.of("m.example/ns", "m.example/ns"), "Sometimes"),
                set.entries().get(0));
        assertEquals(new MirrorEntry(1, "quay.io/x", List.of(), null), set.entries().get(1));
    }

    @Test
    void itmsAndIcspReadTheirOwnListFields() throws Exception {
        MirrorSet itms = MirrorSetTranslator.read(MirrorSetKind.ITMS, json("""
                {'metadata':{'name':'t'},'spec':{'imageTagMirrors':[{'source':'s.example/a','mirrors':['m.example/a'],
                 'mirrorSourcePolicy':'NeverContactSource'}]}}"""), null);
        assertEquals("NeverContactSource", itms.entries().get(0).policy());
        MirrorSet icsp = MirrorSetTranslator.read(MirrorSetKind.ICSP, json("""
                {'metadata':{'name':'c'},'spec':{'repositoryDigestMirrors':[{'source':'s.example/a','mirrors':['m.example/a']}]}}"""), null);
        assertEquals(List.of("m.example/a"), icsp.entries().get(0).mirrors());
        assertNull(icsp.entries().get(0).policy());
    }

    @Test
    void noSpecAndNoNameReadAsEmptyWithTheRequestName() throws Exception {
        MirrorSet set = MirrorSetTranslator.read(MirrorSetKind.IDMS, json("{'metadata':{'generateName':'x-'}}"), "from-request");
        assertEquals("from-request", set.name());
        assertTrue(set.entries().isEmpty());
    }

    @Test
    void mirrorsAsAnObjectIsDeniedNamingTheField() throws Exception {
        ShapeException e = assertThrows(ShapeException.class, () -> MirrorSetTranslator.read(MirrorSetKind.IDMS, json("""
                {'spec':{'imageDigestMirrors':[{'source':'a.example'},{'source':'b.example','mirrors':{'x':'y'}}]}}"""), "n"));
        assertEquals(RuleId.X4, e.finding().rule());
        assertEquals("spec.imageDigestMirrors[1].mirrors: expected a list, found an object; "
                + "write this field as the ImageDigestMirrorSet schema defines it [X4]", e.finding().message());
    }

    @Test
    void aNumberOrBooleanWhereAStringBelongsIsAShapeError() throws Exception {
        ShapeException number = assertThrows(ShapeException.class, () -> MirrorSetTranslator.read(MirrorSetKind.ICSP, json("""
                {'spec':{'repositoryDigestMirrors':[{'source':5000}]}}"""), "n"));
        assertEquals("spec.repositoryDigestMirrors[0].source", number.finding().path());
        assertTrue(number.finding().message().contains("found the number 5000"), number.finding().message());
        ShapeException bool = assertThrows(ShapeException.class, () -> MirrorSetTranslator.read(MirrorSetKind.ITMS, json("""
                {'spec':{'imageTagMirrors':[{'source':'a.example/x','mirrors':[true]}]}}"""), "n"));
        assertEquals("spec.imageTagMirrors[0].mirrors[0]", bool.finding().path());
    }

    @Test
    void nullEntriesAndNullMirrorsAreShapeErrors() throws Exception {
        ShapeException entry = assertThrows(ShapeException.class, () -> MirrorSetTranslator.read(MirrorSetKind.IDMS, json("""
                {'spec':{'imageDigestMirrors':[null]}}"""), "n"));
        assertEquals("spec.imageDigestMirrors[0]", entry.finding().path());
        ShapeException mirror = assertThrows(ShapeException.class, () -> MirrorSetTranslator.read(MirrorSetKind.IDMS, json("""
                {'spec':{'imageDigestMirrors':[{'source':'a.example/x','mirrors':['m.example/x',null]}]}}"""), "n"));
        assertEquals("spec.imageDigestMirrors[0].mirrors[1]", mirror.finding().path());
    }

    @Test
    void anObjectThatIsNotAnObjectIsAShapeError() throws Exception {
        ShapeException e = assertThrows(ShapeException.class, () -> MirrorSetTranslator.read(MirrorSetKind.IDMS, json("'text'"), "n"));
        assertEquals(RuleId.X4, e.finding().rule());
        assertTrue(e.finding().message().contains("not a ImageDigestMirrorSet"), e.finding().message());
    }
}
