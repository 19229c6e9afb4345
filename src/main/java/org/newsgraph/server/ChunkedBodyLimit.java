package org.newsgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code --max-body} for bodies sent without a length (chunked). Jetty's size limit refuses a
 * body with a {@code Content-Length} before it is read, but one without fails only while Fuseki
 * reads it, which Fuseki answers with 500. So such a body is read here first, at most the limit
 * (the limit bounds the memory), and refused with 413, or handed on whole.
 */
final class ChunkedBodyLimit implements Filter {

    private final long limit;

    ChunkedBodyLimit(long limit) {
        this.limit = limit;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        // Forms are Jetty's to parse (with its own limit), from the body it holds.
        if (!(req instanceof HttpServletRequest request) || request.getContentLengthLong() >= 0
                || request.getHeader("Transfer-Encoding") == null || isForm(request.getContentType())) {
            chain.doFilter(req, res);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (RuntimeException | IOException e) {
            // Jetty's limit (the same one) stopped the read.
            body = null;
        }
        if (body == null || body.length > limit) {
            HttpServletResponse response = (HttpServletResponse) res;
            response.setStatus(413);
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().println("Request body is larger than this server takes (" + limit + " bytes)");
            return;
        }
        byte[] whole = body;
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private final ByteArrayInputStream in = new ByteArrayInputStream(whole);

            @Override
            public ServletInputStream getInputStream() {
                return new ServletInputStream() {
                    @Override
                    public int read() {
                        return in.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        return in.read(b, off, len);
                    }

                    @Override
                    public boolean isFinished() {
                        return in.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new IllegalStateException("not asynchronous");
                    }
                };
            }

            @Override
            public java.io.BufferedReader getReader() {
                String charset = request.getCharacterEncoding() != null ? request.getCharacterEncoding() : "UTF-8";
                return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                        java.nio.charset.Charset.forName(charset)));
            }

            @Override
            public int getContentLength() {
                return whole.length;
            }

            @Override
            public long getContentLengthLong() {
                return whole.length;
            }
        }, res);
    }

    private static boolean isForm(String contentType) {
        return contentType != null && (contentType.startsWith("application/x-www-form-urlencoded")
                || contentType.startsWith("multipart/"));
    }
}
