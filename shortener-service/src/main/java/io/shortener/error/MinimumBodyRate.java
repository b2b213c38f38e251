package io.shortener.error;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Cuts off a request body that arrives slower than a floor, counted per request once a short grace has
 * passed: a client trickling a body a few bytes a second would otherwise hold a thread until the idle
 * timeout, and a few hundred of them every thread. (Jetty 12's own MinimumDataRateHandler measures the
 * whole server's bytes against each request's time, which under load never trips.) The reader gets a
 * {@link TimeoutException}: the create handler answers it 408, Jersey's door as a failed read.
 */
public final class MinimumBodyRate extends Handler.Wrapper {

    private final long bytesPerSecond;
    private final long graceNanos;

    public MinimumBodyRate(long bytesPerSecond, long graceMillis) {
        this.bytesPerSecond = bytesPerSecond;
        this.graceNanos = TimeUnit.MILLISECONDS.toNanos(graceMillis);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (bytesPerSecond <= 0 || request.getLength() == 0) {
            return super.handle(request, response, callback);
        }
        return super.handle(new Guarded(request), response, callback);
    }

    private final class Guarded extends Request.Wrapper {
        private final long start = System.nanoTime();
        private long bytes;
        private boolean cutOff;

        Guarded(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            if (cutOff) {
                return Content.Chunk.from(new TimeoutException("the request body came slower than " + bytesPerSecond + " bytes a second"));
            }
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                bytes += chunk.remaining();
            }
            return chunk;
        }

        /** Asked for only when the reader has read all there is and must wait: the moment to judge the pace. */
        @Override
        public void demand(Runnable demandCallback) {
            if (tooSlow()) {
                cutOff = true;
                demandCallback.run();
                return;
            }
            super.demand(demandCallback);
        }

        private boolean tooSlow() {
            long elapsed = System.nanoTime() - start;
            return elapsed > graceNanos && bytes * 1_000_000_000L / elapsed < bytesPerSecond;
        }
    }
}
