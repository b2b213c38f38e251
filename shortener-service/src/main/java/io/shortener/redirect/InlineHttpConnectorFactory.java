package io.shortener.redirect;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.jetty.HttpConnectorFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Dropwizard's {@code http} connector with {@link InlineHttpConnection}s: {@code type: inline-http} in the
 * server's {@code applicationConnectors}. Every option of {@code http} applies.
 */
@JsonTypeName("inline-http")
public class InlineHttpConnectorFactory extends HttpConnectorFactory {

    @Override
    protected HttpConnectionFactory buildHttpConnectionFactory(HttpConfiguration configuration) {
        HttpConnectionFactory plain = super.buildHttpConnectionFactory(configuration);
        HttpConnectionFactory inline = new HttpConnectionFactory(configuration) {
            @Override
            public Connection newConnection(Connector connector, EndPoint endPoint) {
                return configure(new InlineHttpConnection(getHttpConfiguration(), connector, endPoint), connector, endPoint);
            }
        };
        inline.setInputBufferSize(plain.getInputBufferSize());
        inline.setUseInputDirectByteBuffers(plain.isUseInputDirectByteBuffers());
        inline.setUseOutputDirectByteBuffers(plain.isUseOutputDirectByteBuffers());
        return inline;
    }
}
