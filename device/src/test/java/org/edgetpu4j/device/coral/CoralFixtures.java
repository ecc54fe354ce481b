package org.edgetpu4j.device.coral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.device.coral.pkg.CompiledModel;
import org.edgetpu4j.device.coral.pkg.EdgeTpuPackage;
import org.edgetpu4j.device.coral.pkg.Executable;
import org.edgetpu4j.device.coral.pkg.Layer;
import org.edgetpu4j.tflite.io.TfliteReader;

/** Test resources: the libedgetpu traces, compiled models and firmware. */
public final class CoralFixtures {
  /** The recorded traces. */
  public static final List<String> TRACES =
      List.of(
          "bright_16x16_edgetpu.jsonl",
          "dense_256_edgetpu.app-start.jsonl",
          "dense_256_edgetpu.jsonl",
          "dense_512_edgetpu.jsonl",
          "gabor_64x64_p4_edgetpu.jsonl",
          "looming_64x64_3x3_edgetpu.jsonl");

  /** The compiled models. */
  public static final List<String> MODELS =
      List.of(
          "bright_16x16_edgetpu.tflite",
          "dense_256_edgetpu.tflite",
          "dense_512_edgetpu.tflite",
          "gabor_64x64_p4_edgetpu.tflite",
          "looming_64x64_3x3_edgetpu.tflite");

  private static final ObjectMapper JSON = new ObjectMapper();

  private CoralFixtures() {}

  /** A resource's bytes. */
  public static byte[] resource(String path) {
    try (InputStream in = CoralFixtures.class.getResourceAsStream("/coral/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource coral/" + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A trace's text. */
  public static String trace(String name) {
    return new String(resource("traces/" + name), StandardCharsets.UTF_8);
  }

  /** A trace's meta line. */
  public static JsonNode meta(String trace) throws IOException {
    return JSON.readTree(trace(trace).lines().findFirst().orElseThrow());
  }

  /** The firmware image. */
  public static byte[] firmware() {
    return resource("firmware/apex_latest_single_ep.bin");
  }

  /** The packages of a compiled model. */
  public static List<EdgeTpuPackage> packages(String model) throws Exception {
    return CompiledModel.packages(TfliteReader.read(resource("models/" + model)));
  }

  /** All executables of a model's packages. */
  public static List<Executable> executables(List<EdgeTpuPackage> pkgs) {
    return pkgs.stream().flatMap(p -> p.executables().stream()).toList();
  }

  /** Inputs by the traces' rule: byte j of each input layer = (j * 7) mod 256. */
  public static List<byte[]> inputs(EdgeTpuPackage pkg) {
    List<byte[]> in = new ArrayList<>();
    for (Layer l : pkg.main().inputs()) {
      byte[] b = new byte[l.actualBytes()];
      for (int j = 0; j < b.length; j++) {
        b[j] = (byte) (j * 7);
      }
      in.add(b);
    }
    return in;
  }
}
