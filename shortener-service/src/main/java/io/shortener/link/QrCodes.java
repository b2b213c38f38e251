package io.shortener.link;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/** A short link's QR code (ZXing, error correction M, the standard four-module quiet zone) as SVG or PNG. */
public final class QrCodes {

    public static final int MIN_SIZE = 64;
    public static final int MAX_SIZE = 1024;

    private QrCodes() {
    }

    /** Dark modules as one SVG path, scaled by the viewer: crisp at any size. */
    public static byte[] svg(String text, int size) {
        BitMatrix matrix = matrix(text);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\"" + size + "\" viewBox=\"0 0 "
                + matrix.getWidth() + " " + matrix.getHeight() + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code of "
                + escape(text) + "\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    /** Each module a whole number of pixels, centred on a white square of {@code size}. */
    public static byte[] png(String text, int size) {
        BitMatrix matrix = matrix(text);
        int scale = Math.max(1, size / matrix.getWidth());
        int offset = (size - matrix.getWidth() * scale) / 2;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int mx = (x - offset) / scale;
                int my = (y - offset) / scale;
                boolean dark = x >= offset && y >= offset && mx < matrix.getWidth() && my < matrix.getHeight() && matrix.get(mx, my);
                image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text + " as a QR code", e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
