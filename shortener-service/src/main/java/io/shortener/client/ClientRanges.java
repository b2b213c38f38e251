package io.shortener.client;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.util.InetAddressSet;

/** Addresses and ranges ({@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code ::1/128}), as an operator writes them: comma-separated. */
public final class ClientRanges {

    public static final ClientRanges NONE = new ClientRanges(List.of());
    public static final ClientRanges ALL = new ClientRanges(List.of("0.0.0.0/0", "::/0"));

    private final List<String> ranges;
    private final InetAddressSet set = new InetAddressSet();

    private ClientRanges(List<String> ranges) {
        this.ranges = List.copyOf(ranges);
        for (String range : ranges) {
            if (!IpLiterals.isRange(range)) {
                throw new IllegalArgumentException("'" + range + "' is not an address or a CIDR range (e.g. 10.0.0.0/8, 192.0.2.7, ::1/128)");
            }
            set.add(range);
        }
    }

    public static ClientRanges parse(String text) {
        return new ClientRanges(Arrays.stream(text.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList());
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean contains(InetAddress address) {
        return !ranges.isEmpty() && address != null && set.test(address);
    }

    @Override
    public String toString() {
        return String.join(",", ranges);
    }
}
