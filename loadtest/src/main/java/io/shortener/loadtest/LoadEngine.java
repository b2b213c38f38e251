package io.shortener.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread, N keep-alive HTTP/1.1 connections, at most one request in flight on each (no pipelining),
 * driven by a selector.
 *
 * <p>Open model: request i is due at start + i / rate. Due requests wait in a queue until a connection
 * is free, and their latency is counted from when they were due, not from when they could be sent, so
 * a server that stalls is charged for all the requests it kept waiting (coordinated omission corrected).
 * Closed model: every connection sends its next request as soon as the previous answer is in.
 */
final class LoadEngine {

    private static final long SECOND = 1_000_000_000L;
    private static final long DRAIN_NANOS = 5 * SECOND;

    private final InetSocketAddress address;
    private final Scenario scenario;
    private final int connections;
    private final SplittableRandom random;
    private final PrintStream progress;
    private final int sourceAddresses;
    private int connectionsMade;
    private ProcessCpu server;

    LoadEngine(InetSocketAddress address, Scenario scenario, int connections, long seed, PrintStream progress) {
        this(address, scenario, connections, seed, progress, 0);
    }

    /**
     * {@code sourceAddresses} > 0: each connection comes from one of that many loopback addresses
     * (127.0.1.1 and up), so that the service sees as many clients (and limits each on its own).
     */
    LoadEngine(InetSocketAddress address, Scenario scenario, int connections, long seed, PrintStream progress, int sourceAddresses) {
        if (sourceAddresses > 254 * 254) {
            throw new IllegalArgumentException("at most " + 254 * 254 + " source addresses");
        }
        this.sourceAddresses = sourceAddresses;
        this.address = address;
        this.scenario = scenario;
        this.connections = connections;
        this.random = new SplittableRandom(seed);
        this.progress = progress;
    }

    /** Also measures what the server's process spends while the run is measured (Results.serverCpuSeconds). */
    LoadEngine measuring(ProcessCpu server) {
        this.server = server;
        return this;
    }

    /** A constant arrival rate for {@code duration}, after {@code warmup} at the same rate whose answers are not counted. */
    Results runOpen(double ratePerSecond, Duration warmup, Duration duration) throws IOException {
        return run(ratePerSecond, warmup, duration);
    }

    /** As fast as the connections go. */
    Results runClosed(Duration warmup, Duration duration) throws IOException {
        return run(0, warmup, duration);
    }

    private Results run(double rate, Duration warmup, Duration duration) throws IOException {
        boolean open = rate > 0;
        Results results = new Results();
        try (Selector selector = Selector.open()) {
            List<Connection> all = new ArrayList<>();
            ArrayDeque<Connection> idle = new ArrayDeque<>();
            for (int i = 0; i < connections; i++) {
                Connection connection = new Connection(selector);
                all.add(connection);
                idle.add(connection);
            }
            long start = System.nanoTime();
            long measureFrom = start + warmup.toNanos();
            long end = measureFrom + duration.toNanos();
            double interval = open ? SECOND / rate : 0;
            long issued = 0;
            LongQueue due = new LongQueue();
            long nextProgress = measureFrom + SECOND;
            Optional<CpuTimes> cpuAtStart = Optional.empty();
            Optional<CpuTimes> cpuLastSecond = Optional.empty();
            Optional<CpuTimes> cpuAtEnd = Optional.empty();
            double serverCpuAtStart = -1;
            double serverCpuAtEnd = -1;
            long intervalCompleted = 0;
            long intervalErrors = 0;
            long lastErrors = 0;
            long inFlight = 0;

            while (true) {
                long now = System.nanoTime();
                boolean sending = now < end;
                if (open && sending) {
                    long nextDue;
                    while ((nextDue = start + (long) (issued * interval)) <= now && nextDue < end) {
                        due.add(nextDue);
                        issued++;
                    }
                }
                // Hand work to idle connections.
                while (!idle.isEmpty() && (open ? !due.isEmpty() && (sending || now < end + DRAIN_NANOS) : sending)) {
                    Connection connection = idle.poll();
                    long intended = open ? due.poll() : now;
                    if (connection.send(scenario.next(random), intended)) {
                        inFlight++;
                    } else {
                        if (intended >= measureFrom) {
                            results.recordTransportError();
                        }
                        connection.reconnect();
                        idle.add(connection);
                        break;
                    }
                }
                if (!sending && inFlight == 0 && (due.isEmpty() || !open)) {
                    break;
                }
                if (!sending && now > end + DRAIN_NANOS) {
                    break;
                }
                // Wait for answers, or until the next request is due.
                long waitNanos = open && sending ? Math.max(0, start + (long) (issued * interval) - System.nanoTime()) : 1_000_000;
                if (waitNanos < 2_000_000 && open && sending) {
                    if (selector.selectNow() == 0) {
                        LockSupport.parkNanos(Math.min(waitNanos, 20_000));
                    }
                } else {
                    selector.select(Math.max(1, waitNanos / 1_000_000));
                }
                long received = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    if (!connection.busy()) {
                        // Readable while idle: the server closed the keep-alive connection (or sent junk).
                        connection.reconnect();
                        continue;
                    }
                    Connection.Outcome outcome = connection.onReady();
                    if (outcome == Connection.Outcome.PENDING) {
                        continue;
                    }
                    inFlight--;
                    if (outcome == Connection.Outcome.FAILED) {
                        if (connection.intendedNanos() >= measureFrom) {
                            results.recordTransportError();
                            intervalErrors++;
                        }
                        connection.reconnect();
                    } else if (connection.intendedNanos() >= measureFrom) {
                        boolean success = connection.lastRequest().succeeded(connection.status());
                        results.recordResponse(received - connection.intendedNanos(), success, connection.status());
                        intervalCompleted++;
                        if (!success) {
                            intervalErrors++;
                        }
                    }
                    if (connection.mustClose()) {
                        connection.reconnect();
                    }
                    idle.add(connection);
                }
                selector.selectedKeys().clear();

                if (cpuAtStart.isEmpty() && received >= measureFrom) {
                    cpuAtStart = CpuTimes.read();
                    cpuLastSecond = cpuAtStart;
                    serverCpuAtStart = server == null ? -1 : server.seconds();
                }
                if (cpuAtEnd.isEmpty() && received >= end) {
                    cpuAtEnd = CpuTimes.read();
                    serverCpuAtEnd = server == null ? -1 : server.seconds();
                }
                if (received >= nextProgress && received < end + SECOND) {
                    // A stall in every process at once, with the CPU stolen, is the host's, not the server's.
                    Optional<CpuTimes> cpuNow = CpuTimes.read();
                    String stolen = cpuNow.isPresent() && cpuLastSecond.isPresent()
                            ? String.format("  host stole %d ms", cpuNow.get().since(cpuLastSecond.get()).stealMillis()) : "";
                    cpuLastSecond = cpuNow;
                    progress.printf("%4ds  %8d req/s  errors %d  p99 %.2f ms (this second)  p99 %.2f ms (so far)%s%n",
                            (nextProgress - measureFrom) / SECOND, intervalCompleted, intervalErrors,
                            results.intervalMicros.getValueAtPercentile(99) / 1000.0,
                            results.latencyMicros.getValueAtPercentile(99) / 1000.0, stolen);
                    results.intervalMicros.reset();
                    intervalCompleted = 0;
                    intervalErrors = 0;
                    nextProgress += SECOND;
                }
            }
            results.unsent = due.size() + inFlight;
            results.measuredNanos = duration.toNanos();
            if (cpuAtEnd.isEmpty()) {
                cpuAtEnd = CpuTimes.read();
            }
            if (cpuAtStart.isPresent() && cpuAtEnd.isPresent()) {
                results.hostStealMillis = cpuAtEnd.get().since(cpuAtStart.get()).stealMillis();
            }
            if (serverCpuAtStart >= 0 && serverCpuAtEnd >= 0) {
                results.serverCpuSeconds = serverCpuAtEnd - serverCpuAtStart;
            }
            for (Connection connection : all) {
                connection.close();
            }
        }
        return results;
    }

    /** A growable ring of longs: due times, without boxing. */
    private static final class LongQueue {
        private long[] items = new long[1024];
        private int head;
        private int size;

        void add(long value) {
            if (size == items.length) {
                long[] bigger = new long[items.length * 2];
                for (int i = 0; i < size; i++) {
                    bigger[i] = items[(head + i) % items.length];
                }
                items = bigger;
                head = 0;
            }
            items[(head + size++) % items.length] = value;
        }

        long poll() {
            long value = items[head];
            head = (head + 1) % items.length;
            size--;
            return value;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }
    }

    /** One keep-alive connection and the request it has in flight. */
    private final class Connection {

        enum Outcome { PENDING, DONE, FAILED }

        private final Selector selector;
        private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        private final ResponseParser parser = new ResponseParser();
        private SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer out;
        private Scenario.Request request;
        private long intended;
        private boolean busy;

        Connection(Selector selector) {
            this.selector = selector;
            open();
        }

        /** Connects; on failure the connection stays closed, and each send through it fails and is counted. */
        private void open() {
            try {
                channel = SocketChannel.open();
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (sourceAddresses > 0) {
                    int client = connectionsMade++ % sourceAddresses;
                    channel.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, (byte) (1 + client / 254),
                            (byte) (1 + client % 254), 1}), 0));
                }
                channel.connect(address);
                channel.configureBlocking(false);
                // Read interest stays registered: changing it around every request cost two epoll_ctl calls.
                key = channel.register(selector, SelectionKey.OP_READ, this);
                in.clear();
                in.flip();
            } catch (IOException e) {
                close();
                channel = null;
            }
        }

        boolean send(Scenario.Request next, long intendedNanos) {
            if (channel == null) {
                open();
                if (channel == null) {
                    // Nothing listens: do not spin on refused connects.
                    LockSupport.parkNanos(1_000_000);
                    return false;
                }
            }
            request = next;
            intended = intendedNanos;
            parser.reset();
            out = ByteBuffer.wrap(next.bytes());
            try {
                channel.write(out);
            } catch (IOException e) {
                return false;
            }
            if (out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_WRITE);
            }
            busy = true;
            return true;
        }

        Outcome onReady() {
            try {
                if (key.isWritable()) {
                    channel.write(out);
                    if (!out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                    return Outcome.PENDING;
                }
                if (in.hasRemaining() && parser.feed(in)) {
                    busy = false;
                    return Outcome.DONE;
                }
                in.clear();
                int read = channel.read(in);
                in.flip();
                if (read < 0) {
                    busy = false;
                    return Outcome.FAILED;
                }
                if (parser.feed(in)) {
                    busy = false;
                    return Outcome.DONE;
                }
                return Outcome.PENDING;
            } catch (IOException | RuntimeException e) {
                busy = false;
                return Outcome.FAILED;
            }
        }

        boolean busy() {
            return busy;
        }

        long intendedNanos() {
            return intended;
        }

        int status() {
            return parser.status();
        }

        Scenario.Request lastRequest() {
            return request;
        }

        boolean mustClose() {
            return parser.closeAfter();
        }

        void reconnect() {
            close();
            open();
        }

        void close() {
            busy = false;
            if (key != null) {
                key.cancel();
                key = null;
            }
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Closing a broken connection can fail; it is gone either way.
                }
            }
        }
    }
}
