package io.shortener.error;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over a fixed size with 413 before anything is parsed or stored: by the
 * declared Content-Length when there is one, and by counting bytes as they are read when it is chunked.
 */
public final class RequestBodyLimit implements ContainerRequestFilter {

    private final long defaultMaxBytes;
    private final java.util.Map<String, Long> maxBytesByPath;

    public RequestBodyLimit(long maxBytes) {
        this(maxBytes, java.util.Map.of());
    }

    /** {@code maxBytesByPath}: larger limits for the routes that take many items at once (by path, without a leading slash). */
    public RequestBodyLimit(long defaultMaxBytes, java.util.Map<String, Long> maxBytesByPath) {
        this.defaultMaxBytes = defaultMaxBytes;
        this.maxBytesByPath = java.util.Map.copyOf(maxBytesByPath);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long maxBytes = maxBytesByPath.getOrDefault(request.getUriInfo().getPath(), defaultMaxBytes);
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBytes) {
                    throw tooLarge(maxBytes);
                }
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Content-Length is not a number");
            }
        }
        if (request.hasEntity()) {
            request.setEntityStream(new CountingStream(request.getEntityStream(), maxBytes));
        }
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "request body larger than " + maxBytes + " bytes");
    }

    private static final class CountingStream extends FilterInputStream {

        private long read;

        private final long maxBytes;

        CountingStream(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw tooLarge(maxBytes);
            }
        }
    }
}
