package org.coreloss.data.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} format 1.0, 2.0 and 3.0 (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html).
 * Reads float32/float64 (and int8/16/32/64, uint8/16/32, read as float64) in little or big endian,
 * C or Fortran order; always returns C order. Writes float32 or float64, little endian by default,
 * C order by default (Fortran order and big endian on request, for interoperability tests).
 * Files are read through a memory-mapped {@link FileChannel} with bulk {@code asFloatBuffer().get}.
 * Errors are {@link DataFormatException}s whose column is the byte offset in the file (1-based).
 */
public final class Npy {
    private Npy() {}

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    /** Parsed header: dtype, shape, order, and where the data start. */
    record Header(char kind, int itemSize, ByteOrder order, boolean fortran, int[] shape, long dataOffset, String descr) {
        long count() { long n = 1; for (int s : shape) n *= s; return n; }
    }

    /** Reads a {@code .npy} file. */
    public static NpyArray read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 65536 + 12));
            while (head.hasRemaining() && ch.read(head) > 0) { /* fill */ }
            head.flip();
            Header h = parseHeader(file, head, size);
            long bytes = h.count() * h.itemSize();
            if (size - h.dataOffset() < bytes) {
                throw new DataFormatException(file, 0, (int) Math.min(Integer.MAX_VALUE, size + 1),
                        "truncated data: shape " + Arrays.toString(h.shape()) + " of " + h.descr() + " needs " + bytes
                                + " bytes after the header, file has " + (size - h.dataOffset()));
            }
            if (bytes > Integer.MAX_VALUE) throw new DataFormatException(file, 0, 0, "array of " + bytes + " bytes is too large (limit 2 GiB per array)");
            MappedByteBuffer mb = ch.map(FileChannel.MapMode.READ_ONLY, h.dataOffset(), bytes);
            return decode(file, h, mb);
        }
    }

    /** Reads a {@code .npy} held in memory (e.g. an npz entry); {@code name} is used in messages. */
    public static NpyArray read(Path name, byte[] content) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(content);
        Header h = parseHeader(name, bb, content.length);
        long bytes = h.count() * h.itemSize();
        if (content.length - h.dataOffset() < bytes) {
            throw new DataFormatException(name, 0, content.length + 1, "truncated data: shape " + Arrays.toString(h.shape()) + " of "
                    + h.descr() + " needs " + bytes + " bytes after the header, found " + (content.length - h.dataOffset()));
        }
        return decode(name, h, ByteBuffer.wrap(content, (int) h.dataOffset(), (int) bytes).slice());
    }

    static Header parseHeader(Path file, ByteBuffer b, long fileSize) throws DataFormatException {
        if (b.remaining() < 10) throw new DataFormatException(file, 0, 1, "truncated .npy header: file has " + fileSize + " bytes, expected at least 10 (magic, version, header length)");
        for (int i = 0; i < MAGIC.length; i++) {
            if (b.get(i) != MAGIC[i]) throw new DataFormatException(file, 0, i + 1, "not a .npy file: expected the magic string \\x93NUMPY at the start");
        }
        int major = b.get(6) & 0xff;
        int lenBytes;
        if (major == 1) lenBytes = 2;
        else if (major == 2 || major == 3) lenBytes = 4;
        else throw new DataFormatException(file, 0, 7, "unsupported .npy version " + major + "." + (b.get(7) & 0xff) + ", expected 1.0, 2.0 or 3.0");
        if (b.remaining() < 8 + lenBytes) throw new DataFormatException(file, 0, 9, "truncated .npy header length");
        long hlen = lenBytes == 2 ? (b.order(ByteOrder.LITTLE_ENDIAN).getShort(8) & 0xffff) : (b.order(ByteOrder.LITTLE_ENDIAN).getInt(8) & 0xffffffffL);
        long start = 8 + lenBytes;
        if (start + hlen > fileSize || start + hlen > b.limit()) {
            throw new DataFormatException(file, 0, (int) start + 1, "truncated .npy header: declares " + hlen + " header bytes, file has " + (fileSize - start));
        }
        byte[] hb = new byte[(int) hlen];
        b.get((int) start, hb);
        String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher md = DESCR.matcher(header), mf = FORTRAN.matcher(header), ms = SHAPE.matcher(header);
        if (!md.find()) throw new DataFormatException(file, 0, (int) start + 1, "bad .npy header: expected a 'descr' entry in " + header.strip());
        if (!mf.find()) throw new DataFormatException(file, 0, (int) start + 1, "bad .npy header: expected a 'fortran_order' entry in " + header.strip());
        if (!ms.find()) throw new DataFormatException(file, 0, (int) start + 1, "bad .npy header: expected a 'shape' tuple in " + header.strip());
        String descr = md.group(1);
        if (descr.length() < 3) throw new DataFormatException(file, 0, (int) start + 1, "unknown dtype '" + descr + "', expected e.g. '<f4' or '<f8'");
        char endian = descr.charAt(0), kind = descr.charAt(1);
        int itemSize;
        try { itemSize = Integer.parseInt(descr.substring(2)); } catch (NumberFormatException e) { itemSize = -1; }
        boolean ok = switch (kind) {
            case 'f' -> itemSize == 4 || itemSize == 8;
            case 'i' -> itemSize == 1 || itemSize == 2 || itemSize == 4 || itemSize == 8;
            case 'u' -> itemSize == 1 || itemSize == 2 || itemSize == 4;
            default -> false;
        };
        if (!ok || "<>|=".indexOf(endian) < 0) {
            throw new DataFormatException(file, 0, (int) start + 1, "unsupported dtype '" + descr + "', expected float32/float64 ('<f4', '>f4', '<f8', '>f8') or a plain integer type");
        }
        ByteOrder order = endian == '>' ? ByteOrder.BIG_ENDIAN : (endian == '=' ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN);
        String[] dims = ms.group(1).split(",");
        int[] shape = Arrays.stream(dims).map(String::strip).filter(s -> !s.isEmpty()).mapToInt(s -> {
            try { return Integer.parseInt(s.endsWith("L") ? s.substring(0, s.length() - 1) : s); } catch (NumberFormatException e) { return -1; }
        }).toArray();
        for (int s : shape) if (s < 0) throw new DataFormatException(file, 0, (int) start + 1, "bad .npy shape (" + ms.group(1) + "): expected non-negative integers");
        return new Header(kind, itemSize, order, mf.group(1).equals("True"), shape, start + hlen, descr);
    }

    private static NpyArray decode(Path file, Header h, ByteBuffer data) {
        data.order(h.order());
        int n = (int) h.count();
        NpyArray a;
        if (h.kind() == 'f' && h.itemSize() == 4) {
            float[] f = new float[n];
            data.asFloatBuffer().get(f);
            if (h.fortran() && h.shape().length > 1) f = fortranToC(f, h.shape());
            a = NpyArray.ofFloats(f, h.shape());
        } else {
            double[] d = new double[n];
            if (h.kind() == 'f') data.asDoubleBuffer().get(d);
            else {
                for (int i = 0; i < n; i++) {
                    d[i] = switch (h.itemSize() * (h.kind() == 'u' ? -1 : 1)) {
                        case 1 -> data.get();
                        case 2 -> data.getShort();
                        case 4 -> data.getInt();
                        case 8 -> data.getLong();
                        case -1 -> data.get() & 0xff;
                        case -2 -> data.getShort() & 0xffff;
                        default -> data.getInt() & 0xffffffffL;
                    };
                }
            }
            if (h.fortran() && h.shape().length > 1) d = fortranToC(d, h.shape());
            a = NpyArray.ofDoubles(d, h.shape());
        }
        return a;
    }

    /** Index of element (C order position) in Fortran layout. */
    private static int[] fortranIndex(int[] shape) {
        int n = 1;
        for (int s : shape) n *= s;
        int[] idx = new int[n];
        int r = shape.length;
        int[] fStride = new int[r];
        int s = 1;
        for (int k = 0; k < r; k++) { fStride[k] = s; s *= shape[k]; }
        int[] pos = new int[r];
        for (int c = 0; c < n; c++) {
            int f = 0;
            for (int k = 0; k < r; k++) f += pos[k] * fStride[k];
            idx[c] = f;
            for (int k = r - 1; k >= 0; k--) { if (++pos[k] < shape[k]) break; pos[k] = 0; }
        }
        return idx;
    }

    private static float[] fortranToC(float[] f, int[] shape) {
        int[] idx = fortranIndex(shape);
        float[] c = new float[f.length];
        for (int i = 0; i < c.length; i++) c[i] = f[idx[i]];
        return c;
    }

    private static double[] fortranToC(double[] f, int[] shape) {
        int[] idx = fortranIndex(shape);
        double[] c = new double[f.length];
        for (int i = 0; i < c.length; i++) c[i] = f[idx[i]];
        return c;
    }

    /** Writes little endian, C order (what {@code np.load} expects by default). */
    public static void write(OutputStream out, NpyArray a) throws IOException { write(out, a, ByteOrder.LITTLE_ENDIAN, false); }

    /** Writes with the given byte order and memory order (version 1.0 header, padded to 64 bytes). */
    public static void write(OutputStream out, NpyArray a, ByteOrder order, boolean fortran) throws IOException {
        String descr = (order == ByteOrder.BIG_ENDIAN ? ">" : "<") + (a.isFloat32() ? "f4" : "f8");
        StringBuilder shape = new StringBuilder("(");
        for (int i = 0; i < a.shape().length; i++) shape.append(a.shape()[i]).append(a.shape().length == 1 ? "," : (i + 1 < a.shape().length ? ", " : ""));
        shape.append(")");
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        if (header.length() > 65535) throw new IOException("npy header too long (" + header.length() + " bytes)");
        out.write(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write((header.length() >> 8) & 0xff);
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        int r = a.shape().length;
        int[] idx = fortran && r > 1 ? cToFortranOrder(a.shape()) : null;
        int item = a.isFloat32() ? 4 : 8;
        int n = (int) a.size();
        ByteBuffer bb = ByteBuffer.allocate(Math.max(item, Math.min(n * item, 1 << 20))).order(order);
        float[] f = a.floats();
        double[] d = a.doubles();
        if (idx == null) { // bulk path
            int chunk = bb.capacity() / item;
            for (int off = 0; off < n; off += chunk) {
                int len = Math.min(chunk, n - off);
                bb.clear();
                if (a.floats() != null) bb.asFloatBuffer().put(a.floats(), off, len);
                else bb.asDoubleBuffer().put(a.doubles(), off, len);
                out.write(bb.array(), 0, len * item);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int src = idx[i];
            if (f != null) bb.putFloat(f[src]); else bb.putDouble(d[src]);
            if (!bb.hasRemaining()) { out.write(bb.array(), 0, bb.position()); bb.clear(); }
        }
        out.write(bb.array(), 0, bb.position());
    }

    /** For Fortran position p, the C-order index of that element. */
    private static int[] cToFortranOrder(int[] shape) {
        int[] fIdx = fortranIndex(shape); // c -> f
        int[] inv = new int[fIdx.length];
        for (int c = 0; c < fIdx.length; c++) inv[fIdx[c]] = c;
        return inv;
    }

    /** The .npy bytes of an array (little endian, C order). */
    public static byte[] toBytes(NpyArray a) {
        try {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            write(bo, a);
            return bo.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
