package org.edgetpu4j.device.coral.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.device.coral.driver.Firmware;
import org.edgetpu4j.device.coral.pkg.Bitstream;
import org.edgetpu4j.device.coral.pkg.DmaHint;
import org.edgetpu4j.device.coral.pkg.EdgeTpuPackage;
import org.edgetpu4j.device.coral.pkg.Executable;
import org.edgetpu4j.device.coral.pkg.FieldOffset;
import org.edgetpu4j.device.coral.pkg.Layer;

/** The package parse written into a trace's meta line, in the {@code coral-usb-trace/1} layout. */
public final class PackageJson {
  private PackageJson() {}

  /** One entry per executable of every package, in order. */
  public static List<Object> executables(List<EdgeTpuPackage> packages) {
    List<Object> out = new ArrayList<>();
    for (EdgeTpuPackage p : packages) {
      for (Executable e : p.executables()) {
        out.add(executable(e));
      }
    }
    return out;
  }

  static Map<String, Object> executable(Executable e) {
    List<Object> bits = new ArrayList<>();
    for (Bitstream b : e.bitstreams()) {
      List<Object> fields = new ArrayList<>();
      for (FieldOffset f : b.fieldOffsets()) {
        fields.add(
            Json.obj(
                "desc", f.meta().desc().label(),
                "name", f.meta().name(),
                "offset_bit", f.offsetBit(),
                "position", f.meta().position()));
      }
      bits.add(
          Json.obj(
              "field_offsets",
              fields,
              "len",
              b.bits().length,
              "sha256",
              Firmware.sha256(b.bits())));
    }
    List<Object> hints = new ArrayList<>();
    for (DmaHint h : e.hints()) {
      String dir = h.infeed() ? "infeed" : "outfeed";
      if (h instanceof DmaHint.Instruction i) {
        hints.add(Json.obj("chunk", i.chunk(), "direction", dir, "hint", "instruction"));
      } else if (h instanceof DmaHint.Descriptor d) {
        hints.add(
            Json.obj(
                "batch", d.meta().batch(),
                "desc", d.meta().desc().label(),
                "direction", dir,
                "hint", "descriptor",
                "name", d.meta().name(),
                "offset", d.offset(),
                "size", d.size()));
      } else if (h instanceof DmaHint.Interrupt i) {
        hints.add(Json.obj("direction", dir, "hint", "interrupt", "type", i.type()));
      } else {
        hints.add(Json.obj("direction", dir, "hint", "fence"));
      }
    }
    return Json.obj(
        "bitstreams", bits,
        "dma_hints", hints,
        "dma_hints_fully_deterministic", e.fullyDeterministic(),
        "input_layers", layers(e.inputs()),
        "output_layers", layers(e.outputs()),
        "parameters_len", e.parameters().length,
        "parameters_sha256", Firmware.sha256(e.parameters()),
        "token", e.tokenHex(),
        "type", e.type().name());
  }

  private static List<Object> layers(List<Layer> layers) {
    List<Object> out = new ArrayList<>();
    for (Layer l : layers) {
      out.add(
          Json.obj(
              "actual_bytes", l.actualBytes(),
              "data_type", l.dataType(),
              "dequantization_factor", l.scale(),
              "execution_count_per_inference", l.executionCount(),
              "name", l.name(),
              "size_bytes", l.sizeBytes(),
              "x_dim", l.x(),
              "y_dim", l.y(),
              "z_dim", l.z(),
              "zero_point", l.zeroPoint()));
    }
    return out;
  }
}
