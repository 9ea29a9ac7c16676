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
 * {@code POST /mutate}, the defaulting webhook. On the event loop for the same reason as
 * {@link ValidateResource}: the body is in memory before the method runs and the rest is CPU work
 * of microseconds.
 */
@Path("/mutate")
public class MutateResource {

    @Inject
    MutationHandler handler;

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response mutate(byte[] body) {
        AdmissionAnswer answer = handler.mutate(body);
        return Response.status(answer.httpStatus()).entity(answer.body()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
