package io.idmswebhook.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A loopback port that was free when asked, for a process a test starts and that cannot report
 * the port it bound. Another process can take it before that process binds it; where the caller
 * starts the process itself it can pick again when the bind fails (GracefulShutdownIT does).
 */
public final class FreePort {

    private FreePort() {
    }

    public static int loopback() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }
}
