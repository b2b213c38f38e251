package io.shortener.redirect;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * An HTTP/1.1 connection whose requests are read, parsed and begun on the selector thread that saw them
 * arrive, instead of being handed to a pool thread each (Jetty's own connection declares its read
 * callback blocking, so every request costs a thread wake-up and a context switch). It runs its handlers
 * as a non-blocking invocation ({@link Invocable#isNonBlockingInvocation()}): {@link RedirectHandler}
 * answers a redirect from memory there and hands everything that may wait (a cache miss, the API) to a
 * pool thread.
 */
final class InlineHttpConnection extends HttpConnection {

    /** The connection's own read callback and its non-blocking stand-in, made once. */
    private record Substitute(Callback original, Callback inline) {
    }

    private volatile Substitute substitute;

    InlineHttpConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
        super(configuration, connector, endPoint);
    }

    /**
     * Jetty's connection asks to be called back when the socket is readable with a callback typed blocking:
     * the selector would hand it to a pool thread. The same callback, typed non-blocking and run as a
     * non-blocking invocation, is run by the selector itself.
     */
    @Override
    public void fillInterested(Callback callback) {
        if (Invocable.getInvocationType(callback) != Invocable.InvocationType.BLOCKING) {
            super.fillInterested(callback);
            return;
        }
        Substitute known = substitute;
        if (known == null || known.original() != callback) {
            known = new Substitute(callback, inline(callback));
            substitute = known;
        }
        super.fillInterested(known.inline());
    }

    private static Callback inline(Callback callback) {
        return new Callback() {
            @Override
            public void succeeded() {
                Invocable.invokeNonBlocking(callback::succeeded);
            }

            @Override
            public void failed(Throwable failure) {
                callback.failed(failure);
            }

            @Override
            public InvocationType getInvocationType() {
                return InvocationType.NON_BLOCKING;
            }
        };
    }
}
