package org.coreloss.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class KernelConnectionTest {
    private static final String KEY = "a0436f6c-1916-498b-8eb9-e81ab9368e84";

    /** {@code n} distinct free ports: all sockets are held open together, so no port is handed out twice. */
    private static int[] freePorts(int n) throws Exception {
        ServerSocket[] held = new ServerSocket[n];
        int[] ports = new int[n];
        try {
            for (int i = 0; i < n; i++) { held[i] = new ServerSocket(0); ports[i] = held[i].getLocalPort(); }
        } finally {
            for (ServerSocket s : held) if (s != null) s.close();
        }
        return ports;
    }

    private static String hmac(String key, String... parts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        for (String p : parts) mac.update(p.getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal()) hex.append(String.format("%02x", b));
        return hex.toString();
    }

    private static void send(ZMQ.Socket s, String signature, String header, String content) {
        s.sendMore("<IDS|MSG>");
        s.sendMore(signature);
        s.sendMore(header);
        s.sendMore("{}");
        s.sendMore("{}");
        s.send(content);
    }

    private static String header(String id) {
        return "{\"msg_id\":\"" + id + "\",\"username\":\"test\",\"session\":\"s1\",\"date\":\"2024-01-01T00:00:00.000000Z\","
                + "\"msg_type\":\"kernel_info_request\",\"version\":\"5.3\"}";
    }

    @Test
    void messagesWithAWrongSignatureAreDroppedAndTheChannelKeepsWorking() throws Exception {
        int[] p = freePorts(5);
        int shell = p[0], control = p[1], stdin = p[2], hb = p[3], iopub = p[4];
        KernelConnectionProperties props = new KernelConnectionProperties("127.0.0.1", control, shell, stdin, hb, iopub,
                "tcp", "hmac-sha256", KEY);
        KernelConnection conn = new KernelConnection(props);
        AtomicInteger handled = new AtomicInteger();
        conn.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, msg) -> handled.incrementAndGet());
        conn.connect();
        try (ZContext ctx = new ZContext()) {
            ZMQ.Socket dealer = ctx.createSocket(SocketType.DEALER);
            dealer.connect("tcp://127.0.0.1:" + shell);

            String forgedHeader = header("forged");
            send(dealer, hmac("not-the-key", forgedHeader, "{}", "{}", "{}"), forgedHeader, "{}");
            String tamperedHeader = header("tampered");
            send(dealer, hmac(KEY, tamperedHeader, "{}", "{}", "{\"x\":1}"), tamperedHeader, "{}");
            String goodHeader = header("good");
            send(dealer, hmac(KEY, goodHeader, "{}", "{}", "{}"), goodHeader, "{}");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (handled.get() < 1 && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(1, handled.get(), "only the correctly signed message is handled (rejected " + conn.rejectedMessages()
                    + ", unreadable " + conn.unreadableMessages() + ", loop faults " + conn.loopFaults()
                    + ", shell loop alive " + conn.shellLoopAlive() + ", ports shell " + shell + " control " + control
                    + " stdin " + stdin + " hb " + hb + " iopub " + iopub + ")");
            assertEquals(2, conn.rejectedMessages());
        } finally {
            conn.close();
        }
    }

    /** A non-loopback IPv4 address of this host, or null. */
    private static InetAddress otherAddress() throws Exception {
        for (NetworkInterface ni : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) continue;
            for (InetAddress a : java.util.Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) return a;
            }
        }
        return null;
    }

    @Test
    void everyChannelBindsOnlyToTheAddressOfTheConnectionFile() throws Exception {
        InetAddress other = otherAddress();
        assumeTrue(other != null, "this host has no non-loopback address to probe");
        int[] ports = freePorts(5);
        KernelConnectionProperties props = new KernelConnectionProperties("127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4],
                "tcp", "hmac-sha256", KEY);
        KernelConnection conn = new KernelConnection(props);
        conn.connect();
        try {
            for (int port : ports) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 5000); // reachable where bound
                }
                try (Socket s = new Socket()) {
                    assertThrows(IOException.class, () -> s.connect(new InetSocketAddress(other, port), 5000),
                            "port " + port + " answers on " + other);
                }
            }
        } finally {
            conn.close();
        }
    }
}
