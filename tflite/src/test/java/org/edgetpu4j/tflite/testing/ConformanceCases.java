package org.edgetpu4j.tflite.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conformance cases (real converter models with inputs and golden outputs from the TFLite
 * interpreter) and the Edge TPU compiled model pairs, read from the test classpath. Shipped in this
 * module's test-jar so every module's tests use the same fixtures.
 */
public final class ConformanceCases {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROOT = "/conformance/";
  private static final String COMPILED = "/edgetpu-compiled/";

  private ConformanceCases() {}

  /** A raw tensor file of a sample, as named in case.json. */
  public record TensorFile(String file, String dtype, int[] shape, byte[] bytes) {}

  /**
   * One sample of a case.
   *
   * @param index sample number K
   * @param inputs input tensors in subgraph input order
   * @param outputs reference-kernel golden outputs in subgraph output order
   * @param optimized optimized-path goldens where they differ from the reference (else empty)
   * @param label the true digit for MNIST-based cases
   */
  public record Sample(
      int index,
      List<TensorFile> inputs,
      List<TensorFile> outputs,
      List<Optional<TensorFile>> optimized,
      Optional<Integer> label) {}

  /**
   * A conformance case.
   *
   * @param name folder name
   * @param json the parsed case.json
   * @param model the model bytes
   */
  public record Case(String name, JsonNode json, byte[] model) {
    /** The samples with their tensor files loaded. */
    public List<Sample> samples() {
      List<Sample> out = new ArrayList<>();
      for (JsonNode s : json.path("samples")) {
        List<TensorFile> ins = new ArrayList<>();
        for (JsonNode t : s.path("inputs")) {
          ins.add(tensorFile(t, t.path("file").asText()));
        }
        List<TensorFile> outs = new ArrayList<>();
        List<Optional<TensorFile>> opt = new ArrayList<>();
        for (JsonNode t : s.path("outputs")) {
          outs.add(tensorFile(t, t.path("file").asText()));
          opt.add(
              t.hasNonNull("optimized_file")
                  ? Optional.of(tensorFile(t, t.path("optimized_file").asText()))
                  : Optional.empty());
        }
        Optional<Integer> label =
            s.hasNonNull("label") ? Optional.of(s.get("label").asInt()) : Optional.empty();
        out.add(new Sample(s.path("k").asInt(), ins, outs, opt, label));
      }
      return out;
    }

    /** True when the case has golden samples. */
    public boolean hasGoldens() {
      return json.path("golden").path("num_samples").asInt() > 0;
    }

    /** A file of the case's folder. */
    public byte[] file(String fileName) {
      return resource(ROOT + name + "/" + fileName);
    }

    private TensorFile tensorFile(JsonNode t, String file) {
      int[] shape = new int[t.path("shape").size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = t.path("shape").get(i).asInt();
      }
      return new TensorFile(file, t.path("dtype").asText(), shape, file(file));
    }
  }

  /** The names of all conformance cases, from index.json. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (JsonNode c : json(ROOT + "index.json").path("cases")) {
      names.add(c.path("name").asText());
    }
    return names;
  }

  /** Loads case {@code name}. */
  public static Case load(String name) {
    JsonNode json = json(ROOT + name + "/case.json");
    return new Case(name, json, resource(ROOT + name + "/" + json.path("model_file").asText()));
  }

  /** All cases. */
  public static List<Case> all() {
    return names().stream().map(ConformanceCases::load).toList();
  }

  /** File names of the Edge TPU pairs' models: CPU models and their {@code _edgetpu} versions. */
  public static List<String> edgetpuCompiledNames() {
    String index = new String(resource(COMPILED + "index.txt"), StandardCharsets.UTF_8);
    return index.lines().filter(l -> !l.isBlank()).toList();
  }

  /** Bytes of Edge TPU pair file {@code fileName}. */
  public static byte[] edgetpuCompiled(String fileName) {
    return resource(COMPILED + fileName);
  }

  /** Bytes of classpath resource {@code path}. */
  public static byte[] resource(String path) {
    try (InputStream in = ConformanceCases.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String path) {
    try {
      return JSON.readTree(resource(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + path, e);
    }
  }
}
