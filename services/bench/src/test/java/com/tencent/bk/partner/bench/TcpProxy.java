package com.tencent.bk.partner.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network between the service and the broker, as a TCP proxy the test can cut: once {@link #cut()},
 * every byte either side sends is dropped — a request already on its way arrives, one sent afterwards never
 * does — until {@link #restore()} closes the dead connections so the clients reconnect.
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    TcpProxy(int listenPort, int targetPort) {
        this.targetPort = targetPort;
        try {
            this.server = new ServerSocket(listenPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + listenPort, e);
        }
        Thread acceptor = new Thread(this::accept, "proxy-accept-" + listenPort);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    void cut() {
        cut = true;
    }

    boolean isCut() {
        return cut;
    }

    void restore() {
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream;
                try {
                    upstream = new Socket("localhost", targetPort);
                } catch (IOException brokerDown) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!cut) {
                        out.write(buffer, 0, read);
                    }
                }
            } catch (IOException e) {
                // one side went away: so does the other
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        restore();
    }
}
