// Makes the sample inputs of the `run` command's tests (cli/src/test/resources/org/edgetpu4j/cli/run):
//   java scripts/MakeRunSamples.java
// digit-<label>.png: the first test digit of the embedded MNIST subset (28 x 28 grey PNG);
// shapes.jpg / shapes.bmp: a 200 x 150 RGB drawing (for resizing and colour conversion);
// imagenet-placeholder-labels.txt: 1001 neutral labels in pycoral's "index label" form.
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

public class MakeRunSamples {
  public static void main(String[] args) throws Exception {
    Path out = Path.of("cli/src/test/resources/org/edgetpu4j/cli/run");
    Files.createDirectories(out);
    Path mnist = Path.of("examples/src/main/resources/org/edgetpu4j/examples/mnist");
    int label;
    try (var in =
        new DataInputStream(
            new GZIPInputStream(
                new FileInputStream(mnist.resolve("t10k-labels-idx1-ubyte.gz").toFile())))) {
      in.readInt();
      in.readInt();
      label = in.readUnsignedByte();
    }
    try (var in =
        new DataInputStream(
            new GZIPInputStream(
                new FileInputStream(mnist.resolve("t10k-images-idx3-ubyte.gz").toFile())))) {
      in.readInt();
      in.readInt();
      int rows = in.readInt();
      int cols = in.readInt();
      BufferedImage digit = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
      byte[] px = new byte[rows * cols];
      in.readFully(px);
      digit.getRaster().setDataElements(0, 0, cols, rows, px);
      ImageIO.write(digit, "png", out.resolve("digit-" + label + ".png").toFile());
    }
    BufferedImage img = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    for (int y = 0; y < 150; y++) {
      g.setColor(new Color(90 + y, 140 + y / 2, 230));
      g.drawLine(0, y, 199, y);
    }
    g.setColor(new Color(60, 150, 60));
    g.fillRect(0, 110, 200, 40);
    g.setColor(new Color(200, 40, 30));
    g.fillOval(60, 50, 80, 70);
    g.setColor(new Color(250, 220, 40));
    g.setStroke(new BasicStroke(6));
    g.drawLine(20, 20, 180, 100);
    g.dispose();
    ImageIO.write(img, "jpg", out.resolve("shapes.jpg").toFile());
    ImageIO.write(img, "bmp", out.resolve("shapes.bmp").toFile());
    List<String> labels = new ArrayList<>();
    labels.add("0 background");
    for (int i = 1; i <= 1000; i++) {
      labels.add(i + " imagenet-class-" + i);
    }
    Files.write(out.resolve("imagenet-placeholder-labels.txt"), labels);
    Files.write(
        out.resolve("digit-labels.txt"),
        List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"));
  }
}
