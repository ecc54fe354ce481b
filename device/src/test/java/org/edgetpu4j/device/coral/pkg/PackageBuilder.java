package org.edgetpu4j.device.coral.pkg;

import com.google.flatbuffers.FlatBufferBuilder;
import com.google.flatbuffers.FlexBuffersBuilder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes DWN1 packages and their {@code edgetpu-custom-op} options from the schema, for tests of
 * formats the shared compiled models do not cover (several layers, tiles, stand-alone, ...).
 */
public final class PackageBuilder {
  private PackageBuilder() {}

  /** A layer to write; {@code layout} and the slices are optional. */
  public record LayerSpec(
      String name,
      int size,
      int y,
      int x,
      int z,
      int zeroPoint,
      float scale,
      int type,
      OutputLayout layout) {}

  /** A DMA hint to write: kind 1 descriptor, 2 instruction, 3 interrupt, 4 fence. */
  public record HintSpec(int kind, int desc, String name, int offset, int size, boolean infeed) {
    public static HintSpec instruction(int chunk) {
      return new HintSpec(2, 0, "", chunk, 0, true);
    }

    public static HintSpec input(String name, int size) {
      return new HintSpec(1, 1, name, 0, size, true);
    }

    public static HintSpec parameters(int size) {
      return new HintSpec(1, 2, "", 0, size, true);
    }

    public static HintSpec output(String name, int offset, int size) {
      return new HintSpec(1, 0, name, offset, size, false);
    }

    public static HintSpec interrupt(int type) {
      return new HintSpec(3, 0, "", type, 0, false);
    }
  }

  /** An executable to write. */
  public record ExeSpec(
      int type,
      long token,
      byte[] bits,
      byte[] params,
      List<HintSpec> hints,
      boolean deterministic,
      List<LayerSpec> inputs,
      List<LayerSpec> outputs) {}

  /** Serializes one executable. */
  public static byte[] executable(ExeSpec e) {
    FlatBufferBuilder b = new FlatBufferBuilder(1024);
    int bits = b.createByteVector(e.bits());
    b.startTable(2);
    b.addOffset(0, bits, 0);
    int bitstream = b.endTable();
    int bitstreams = b.createVectorOfTables(new int[] {bitstream});
    int params = b.createByteVector(e.params());
    int[] hints = new int[e.hints().size()];
    for (int i = 0; i < hints.length; i++) {
      HintSpec h = e.hints().get(i);
      int body;
      if (h.kind() == 1) {
        int meta = meta(b, h.desc(), h.name());
        b.startTable(3);
        b.addOffset(0, meta, 0);
        b.addInt(1, h.offset(), 0);
        b.addInt(2, h.size(), 0);
        body = b.endTable();
      } else if (h.kind() == 2) {
        b.startTable(1);
        b.addInt(0, h.offset(), 0);
        body = b.endTable();
      } else if (h.kind() == 3) {
        b.startTable(1);
        b.addShort(0, (short) h.offset(), 0);
        body = b.endTable();
      } else {
        b.startTable(0);
        body = b.endTable();
      }
      b.startTable(3);
      b.addByte(0, (byte) h.kind(), 0);
      b.addOffset(1, body, 0);
      b.addShort(2, (short) (h.infeed() ? 0 : 1), 0);
      hints[i] = b.endTable();
    }
    int hintVec = b.createVectorOfTables(hints);
    b.startTable(2);
    b.addOffset(0, hintVec, 0);
    b.addBoolean(1, e.deterministic(), false);
    int dmaHints = b.endTable();
    int ins = b.createVectorOfTables(layers(b, e.inputs(), false));
    int outs = b.createVectorOfTables(layers(b, e.outputs(), true));
    int chip = b.createString("beagle");
    b.startTable(17);
    b.addInt(3, 1, 0);
    b.addOffset(5, bitstreams, 0);
    b.addOffset(6, params, 0);
    b.addOffset(7, dmaHints, 0);
    b.addOffset(8, ins, 0);
    b.addOffset(9, outs, 0);
    b.addOffset(10, chip, 0);
    b.addShort(13, (short) e.type(), 0);
    b.addLong(14, e.token(), 0);
    b.finish(b.endTable());
    return b.sizedByteArray();
  }

  private static int meta(FlatBufferBuilder b, int desc, String name) {
    int n = b.createString(name);
    b.startTable(4);
    b.addShort(0, (short) desc, 0);
    b.addOffset(2, n, 0);
    return b.endTable();
  }

  private static int ints(FlatBufferBuilder b, int[] v) {
    b.startVector(4, v.length, 4);
    for (int i = v.length - 1; i >= 0; i--) {
      b.addInt(v[i]);
    }
    return b.endVector();
  }

  private static int[] layers(FlatBufferBuilder b, List<LayerSpec> specs, boolean output) {
    int[] out = new int[specs.size()];
    for (int i = 0; i < out.length; i++) {
      LayerSpec l = specs.get(i);
      int name = b.createString(l.name());
      b.startTable(2);
      b.addInt(0, l.zeroPoint(), 0);
      b.addFloat(1, l.scale(), 0);
      int num = b.endTable();
      int any;
      if (output) {
        int layout = 0;
        if (l.layout() != null) {
          OutputLayout o = l.layout();
          int[] v = {
            ints(b, o.yTile()), ints(b, o.xTile()), ints(b, o.tileByteOffset()),
            ints(b, o.xLocalByteOffset()), ints(b, o.yLocalOffset()), ints(b, o.xLocalRowSize())
          };
          b.startTable(6);
          for (int k = 0; k < 6; k++) {
            b.addOffset(k, v[k], 0);
          }
          layout = b.endTable();
        }
        b.startTable(3);
        if (layout != 0) {
          b.addOffset(0, layout, 0);
        }
        any = b.endTable();
      } else {
        b.startTable(0);
        any = b.endTable();
      }
      b.startTable(12);
      b.addOffset(0, name, 0);
      b.addInt(1, l.size(), 0);
      b.addInt(2, l.y(), 0);
      b.addInt(3, l.x(), 0);
      b.addInt(4, l.z(), 0);
      b.addOffset(5, num, 0);
      b.addShort(6, (short) l.type(), 0);
      b.addByte(7, (byte) (output ? 1 : 2), 0);
      b.addOffset(8, any, 0);
      out[i] = b.endTable();
    }
    return out;
  }

  /** A package of executables, as the custom options of an {@code edgetpu-custom-op}. */
  public static byte[] customOptions(List<ExeSpec> exes) {
    FlatBufferBuilder mb = new FlatBufferBuilder(1024);
    List<Integer> strs = new ArrayList<>();
    for (ExeSpec e : exes) {
      strs.add(mb.createByteVector(executable(e)));
    }
    int vec = mb.createVectorOfTables(strs.stream().mapToInt(Integer::intValue).toArray());
    mb.startTable(1);
    mb.addOffset(0, vec, 0);
    mb.finish(mb.endTable());
    byte[] multi = mb.sizedByteArray();
    FlatBufferBuilder pb = new FlatBufferBuilder(1024);
    int m = pb.createByteVector(multi);
    int ver = pb.createString("synthetic");
    pb.startTable(8);
    pb.addInt(0, 13, 0);
    pb.addOffset(1, m, 0);
    pb.addOffset(4, ver, 0);
    pb.finish(pb.endTable(), "DWN1");
    byte[] pkg = pb.sizedByteArray();
    FlexBuffersBuilder f = new FlexBuffersBuilder();
    int start = f.startMap();
    f.putInt("1", 0);
    f.putBlob("4", pkg);
    f.putInt("5", -1);
    f.endMap(null, start);
    ByteBuffer bb = f.finish();
    byte[] out = new byte[bb.remaining()];
    bb.get(out);
    return out;
  }
}
