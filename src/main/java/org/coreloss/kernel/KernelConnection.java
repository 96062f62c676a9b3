package org.coreloss.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * A {@link JupyterConnection} whose shell and control channels
 * <ul>
 *   <li>drop a message whose HMAC signature is wrong (JJava's loop throws out of its thread, which
 *       silently kills the channel: one forged message would stop the kernel);</li>
 *   <li>block in {@code poll} instead of sleeping 50 ms between polls (lower round-trip latency);</li>
 *   <li>bind only to the address given in the connection file, like every other channel.</li>
 * </ul>
 */
public final class KernelConnection extends JupyterConnection {
    private static final Logger LOG = Logger.getLogger(KernelConnection.class.getName());

    private final KernelConnectionProperties props;
    private final ZMQ.Context ownContext = ZMQ.context(1);
    private final SafeShellChannel safeShell;
    private final SafeShellChannel safeControl;
    private final AtomicBoolean closed = new AtomicBoolean();
    // incremented by both the shell and the control loop
    private final AtomicLong rejectedMessages = new AtomicLong();
    private final AtomicLong unreadableMessages = new AtomicLong();
    private final AtomicLong loopFaults = new AtomicLong();

    public KernelConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        HMACGenerator hmac = props.createHMACGenerator();
        this.safeShell = new SafeShellChannel(ownContext, hmac, false, this);
        this.safeControl = new SafeShellChannel(ownContext, hmac, true, this);
    }

    @Override
    public void connect() {
        heartbeat.bind(props);
        safeShell.bindTo(props, props.getShellPort());
        safeControl.bindTo(props, props.getControlPort());
        stdin.bind(props);
        iopub.bind(props);
    }

    /** Number of messages dropped because their signature was wrong. */
    public long rejectedMessages() { return rejectedMessages.get(); }

    /** Number of correctly signed messages dropped because they could not be parsed. */
    public long unreadableMessages() { return unreadableMessages.get(); }

    /** Number of unexpected faults the shell/control poll loops survived. */
    public long loopFaults() { return loopFaults.get(); }

    /** True while the shell channel's poll loop runs. */
    public boolean shellLoopAlive() { return safeShell.alive(); }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        safeShell.stopLoop();
        safeControl.stopLoop();
        safeShell.close();
        safeControl.close();
        try { shell.close(); } catch (RuntimeException ignored) { /* never bound */ }
        try { control.close(); } catch (RuntimeException ignored) { /* never bound */ }
        heartbeat.close();
        stdin.close();
        iopub.close();
        ownContext.close();
    }

    @Override
    public void waitUntilClose() {
        safeShell.join();
        safeControl.join();
    }

    /** A shell/control channel with a poll loop that survives bad messages. */
    private static final class SafeShellChannel extends ShellChannel {
        private final KernelConnection connection;
        private final boolean isControl;
        private volatile boolean running;
        private Thread loop;

        SafeShellChannel(ZMQ.Context ctx, HMACGenerator hmac, boolean isControl, KernelConnection connection) {
            super(ctx, hmac, isControl, connection);
            this.connection = connection;
            this.isControl = isControl;
        }

        void bindTo(KernelConnectionProperties props, int port) {
            String addr = formatAddress(props.getTransport(), props.getIp(), port);
            bind(addr);
            ZMQ.Poller poller = ctx.poller(1);
            poller.register(this, ZMQ.Poller.POLLIN);
            running = true;
            loop = new Thread(() -> {
                while (running) {
                    try {
                        int n = poller.poll(100);
                        if (n > 0 && running) handleOne();
                    } catch (RuntimeException | Error e) {
                        if (!running) break;
                        // the kernel survives every error: log, count, pause briefly so a persistent fault cannot spin
                        connection.loopFaults.incrementAndGet();
                        LOG.warning("the " + (isControl ? "control" : "shell") + " loop survived " + e);
                        try { Thread.sleep(10); } catch (InterruptedException ie) { Thread.currentThread().interrupt(); break; }
                    }
                }
            }, isControl ? "coreloss-control" : "coreloss-shell");
            loop.setDaemon(false);
            loop.start();
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void handleOne() {
            Message<?> message;
            try {
                message = readMessage();
            } catch (SecurityException e) {
                connection.rejectedMessages.incrementAndGet();
                LOG.warning("dropped a message with a wrong HMAC signature on the " + (isControl ? "control" : "shell") + " channel");
                return;
            } catch (RuntimeException e) {
                connection.unreadableMessages.incrementAndGet();
                LOG.warning("dropped an unreadable message: " + e);
                return;
            }
            ShellHandler handler = connection.getHandler(message.getHeader().getType());
            if (handler == null) {
                LOG.fine("no handler for " + message.getHeader().getType().getName());
                return;
            }
            ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
            try {
                handler.handle(env, message);
            } catch (Exception e) {
                LOG.warning("unhandled exception handling " + message.getHeader().getType().getName() + ": " + e);
            } finally {
                env.resolveDeferrals();
            }
            if (env.isMarkedForShutdown()) {
                new Thread(connection::close, "coreloss-close").start();
            }
        }

        void stopLoop() { running = false; }

        boolean alive() { Thread t = loop; return t != null && t.isAlive(); }

        void join() {
            Thread t = loop;
            if (t == null) return;
            try { t.join(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }

        @Override public void close() {
            running = false;
            Thread t = loop;
            if (t != null && t != Thread.currentThread()) {
                try { t.join(2000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            }
            super.close();
        }
    }
}
