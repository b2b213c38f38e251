package io.shortener.snowflake;

/**
 * How the 63 usable bits of an ID are split (the sign bit stays 0 so IDs sort the same as signed or
 * unsigned longs). From the most significant end: timestamp, region, machine, sequence.
 */
public record IdLayout(int timestampBits, int regionBits, int machineBits, int sequenceBits) {

    public static final int USABLE_BITS = 63;

    /** 41 bits of milliseconds (about 69 years), 32 regions, 32 machines per region, 4096 IDs per ms. */
    public static final IdLayout DEFAULT = new IdLayout(41, 5, 5, 12);

    public IdLayout {
        requireWidth("timestampBits", timestampBits, 1);
        requireWidth("regionBits", regionBits, 0);
        requireWidth("machineBits", machineBits, 0);
        requireWidth("sequenceBits", sequenceBits, 1);
        int total = timestampBits + regionBits + machineBits + sequenceBits;
        if (total != USABLE_BITS) {
            throw new IllegalArgumentException("an ID layout must use exactly " + USABLE_BITS
                    + " bits, this one uses " + total + ": " + timestampBits + "+" + regionBits + "+"
                    + machineBits + "+" + sequenceBits);
        }
    }

    private static void requireWidth(String name, int bits, int min) {
        if (bits < min || bits > USABLE_BITS) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + USABLE_BITS + ", was " + bits);
        }
    }

    public long maxTimestamp() {
        return mask(timestampBits);
    }

    public int maxRegion() {
        return (int) mask(regionBits);
    }

    public int maxMachine() {
        return (int) mask(machineBits);
    }

    public int maxSequence() {
        return (int) mask(sequenceBits);
    }

    /** Packs the four fields; each must already be within its width. */
    public long compose(long timestamp, int region, int machine, int sequence) {
        requireRange("timestamp", timestamp, maxTimestamp());
        requireRange("region", region, maxRegion());
        requireRange("machine", machine, maxMachine());
        requireRange("sequence", sequence, maxSequence());
        return (timestamp << timestampShift()) | ((long) region << regionShift())
                | ((long) machine << sequenceBits) | sequence;
    }

    public long timestampOf(long id) {
        return (id >>> timestampShift()) & maxTimestamp();
    }

    public int regionOf(long id) {
        return (int) ((id >>> regionShift()) & maxRegion());
    }

    public int machineOf(long id) {
        return (int) ((id >>> sequenceBits) & maxMachine());
    }

    public int sequenceOf(long id) {
        return (int) (id & maxSequence());
    }

    int timestampShift() {
        return regionBits + machineBits + sequenceBits;
    }

    private int regionShift() {
        return machineBits + sequenceBits;
    }

    private static long mask(int bits) {
        return bits == 0 ? 0 : -1L >>> (Long.SIZE - bits);
    }

    private static void requireRange(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be between 0 and " + max + ", was " + value);
        }
    }
}
