package org.coreloss.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy {@code .npz}: a zip archive of {@code .npy} entries (as written by {@code np.savez}: stored;
 * {@code np.savez_compressed}: deflated). Both are read; entry names lose their {@code .npy} suffix.
 */
public final class Npz {
    private Npz() {}

    public static Map<String, NpyArray> read(Path file) throws IOException {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (e.isDirectory()) continue;
                String name = e.getName();
                if (!name.endsWith(".npy")) throw new DataFormatException(Path.of(file + "!/" + name), 0, 0, "unexpected entry: expected only .npy entries in an .npz archive");
                byte[] b;
                try (InputStream in = zip.getInputStream(e)) { b = in.readAllBytes(); }
                out.put(name.substring(0, name.length() - 4), Npy.read(Path.of(file + "!/" + name), b));
            }
        } catch (ZipException e) {
            throw new DataFormatException(file, 0, 0, "not a readable .npz (zip) archive: " + e.getMessage(), e);
        }
        if (out.isEmpty()) throw new DataFormatException(file, 0, 0, "empty .npz archive: expected at least one .npy entry");
        return out;
    }

    /** Writes the arrays atomically; {@code compressed} = deflate (like {@code np.savez_compressed}), else stored. */
    public static void write(Path file, Map<String, NpyArray> arrays, boolean compressed) throws IOException {
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (var en : arrays.entrySet()) {
                byte[] b = Npy.toBytes(en.getValue());
                ZipEntry e = new ZipEntry(en.getKey() + ".npy");
                if (compressed) {
                    e.setMethod(ZipEntry.DEFLATED);
                } else {
                    e.setMethod(ZipEntry.STORED);
                    CRC32 crc = new CRC32();
                    crc.update(b);
                    e.setSize(b.length);
                    e.setCompressedSize(b.length);
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(b);
                zip.closeEntry();
            }
            zip.finish();
        });
    }
}
