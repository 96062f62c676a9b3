import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the kernel logos kernel/logo-32x32.png and kernel/logo-64x64.png: a core-loss edge (a step with
 * a white-line peak) on a dark disc. Run: java -Djava.awt.headless=true environment/tools/DrawLogos.java
 */
public class DrawLogos {
    public static void main(String[] args) throws Exception {
        for (int size : new int[] {32, 64}) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(new Color(0x1f, 0x3a, 0x5f));
            g.fill(new Ellipse2D.Double(0.5, 0.5, size - 1, size - 1));
            Path2D edge = new Path2D.Double();
            double s = size / 64.0;
            edge.moveTo(8 * s, 46 * s);
            for (int i = 0; i <= 48; i++) {
                double x = 8 + i;                       // energy axis, 48 px
                double e = (x - 26) / 2.5;              // edge onset near x = 26
                double step = 1 / (1 + Math.exp(-e * 2)); // arctan-like step
                double peak = 1.3 * Math.exp(-Math.pow((x - 29) / 2.2, 2)); // white line
                double y = 46 - 18 * step - 16 * peak;
                edge.lineTo(x * s, y * s);
            }
            g.setColor(new Color(0xff, 0xb3, 0x00));
            g.setStroke(new BasicStroke((float) Math.max(1.6, 3.2 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(edge);
            g.dispose();
            ImageIO.write(img, "png", new File("kernel/logo-" + size + "x" + size + ".png"));
        }
    }
}
