package io.idmswebhook.admission;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /validate}, called by the API server for every write of a mirror set. It runs on the
 * event loop: the body is read in full before the method runs and everything after that is
 * in-memory work, so a worker-thread hop would only add latency to every write in the cluster.
 */
@Path("/validate")
public class ValidateResource {

    @Inject
    AdmissionHandler handler;

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response validate(byte[] body) {
        AdmissionAnswer answer = handler.validate(body);
        return Response.status(answer.httpStatus()).entity(answer.body()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
